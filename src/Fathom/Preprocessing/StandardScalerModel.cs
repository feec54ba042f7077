using Fathom.Core;
using Fathom.Data;
using Fathom.Persistence;

namespace Fathom.Preprocessing;

/// <summary>
/// A fitted <see cref="StandardScaler"/>: <c>z = (x − Mean) / Scale</c> per column (without the subtraction
/// when <c>WithMean</c> is false, without the division when <c>WithStd</c> is false). Output columns keep the
/// input names and are numeric; NaN stays NaN. Immutable and thread-safe.
/// </summary>
public sealed class StandardScalerModel : ITransformerModel
{
    private readonly string[] _names;
    private readonly ColumnKind[] _kinds;
    private readonly double[] _mean;
    private readonly double[] _variance;
    private readonly double[] _scale;

    internal StandardScalerModel(StandardScaler options, string[] names, ColumnKind[] kinds, double[] mean, double[] variance, double[] scale)
    {
        Options = options;
        _names = names;
        _kinds = kinds;
        _mean = mean;
        _variance = variance;
        _scale = scale;
    }

    /// <summary>The hyperparameters it was fitted with.</summary>
    public StandardScaler Options { get; }

    /// <summary>Mean of each column over its present values (always computed; subtracted only when
    /// <c>WithMean</c>). NaN for a column that was all missing.</summary>
    public IReadOnlyList<double> Mean => _mean;

    /// <summary>Population variance (ddof = 0) of each column (always computed).</summary>
    public IReadOnlyList<double> Variance => _variance;

    /// <summary>Divisor of each column: √variance, 1 for a constant column, and all 1 when <c>WithStd</c> is
    /// false (scikit-learn's <c>scale_</c> is None then).</summary>
    public IReadOnlyList<double> Scale => _scale;

    /// <summary>Kind of each input column at fit (numeric or boolean).</summary>
    public IReadOnlyList<ColumnKind> FeatureKindsIn => _kinds;

    /// <inheritdoc/>
    public IReadOnlyList<string> FeatureNamesIn => _names;

    /// <inheritdoc/>
    public IReadOnlyList<string> FeatureNamesOut => _names;

    /// <inheritdoc/>
    public int FeatureCount => _names.Length;

    /// <inheritdoc/>
    public string ModelKind => "standard-scaler";

    /// <summary>Standardizes the fitted columns (looked up by name). O(n·p).</summary>
    /// <exception cref="InvalidInputException">A fitted column is missing or changed kind.</exception>
    public DataFrame Transform(DataFrame x)
    {
        var cols = FrameInput.Resolve(x, _names, _kinds, "StandardScaler");
        var outCols = new DataColumn[cols.Length];
        for (int j = 0; j < cols.Length; j++)
        {
            var v = FrameInput.Numbers(cols[j]);
            var o = new double[v.Length];
            double m = Options.WithMean ? _mean[j] : 0.0, s = _scale[j];
            for (int i = 0; i < o.Length; i++) o[i] = (v[i] - m) / s;
            outCols[j] = new NumericColumn(_names[j], o);
        }
        return new DataFrame(outCols);
    }

    /// <summary>Undoes <see cref="Transform"/>: <c>x = z·Scale + Mean</c> on columns with the output names.</summary>
    /// <exception cref="InvalidInputException">A column is missing or not numeric.</exception>
    public DataFrame InverseTransform(DataFrame z)
    {
        var numeric = Enumerable.Repeat(ColumnKind.Numeric, _names.Length).ToArray();
        var cols = FrameInput.Resolve(z, _names, numeric, "StandardScaler.InverseTransform");
        var outCols = new DataColumn[cols.Length];
        for (int j = 0; j < cols.Length; j++)
        {
            var v = FrameInput.Numbers(cols[j]);
            var o = new double[v.Length];
            double m = Options.WithMean ? _mean[j] : 0.0, s = _scale[j];
            for (int i = 0; i < o.Length; i++) o[i] = v[i] * s + m;
            outCols[j] = new NumericColumn(_names[j], o);
        }
        return new DataFrame(outCols);
    }

    /// <inheritdoc/>
    public void WriteTo(ModelWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteHyperparameters(Options);
        FrameInput.WriteSchema(writer, _names, _kinds);
        writer.WriteDoubles("mean", _mean);
        writer.WriteDoubles("variance", _variance);
        writer.WriteDoubles("scale", _scale);
    }

    internal static StandardScalerModel ReadFrom(ModelReader reader)
    {
        var options = reader.ReadHyperparameters<StandardScaler>();
        var (names, kinds) = FrameInput.ReadSchema(reader);
        int p = names.Length;
        return new StandardScalerModel(options, names, kinds,
            reader.ReadDoubles("mean", p), reader.ReadDoubles("variance", p), reader.ReadDoubles("scale", p));
    }
}
