using Fathom.Core;
using Fathom.Data;
using Fathom.Persistence;

namespace Fathom.Preprocessing;

/// <summary>
/// A fitted <see cref="QuantileTransformer"/>: each column's <see cref="Quantiles"/> at the
/// <see cref="References"/> probabilities. Immutable and thread-safe.
/// </summary>
public sealed class QuantileTransformerModel : ITransformerModel
{
    private const double BoundsThreshold = 1e-7;
    private static readonly double ClipMin = Normal.Quantile(BoundsThreshold - 2.220446049250313e-16);
    private static readonly double ClipMax = Normal.Quantile(1 - (BoundsThreshold - 2.220446049250313e-16));

    private readonly string[] _names;
    private readonly ColumnKind[] _kinds;
    private readonly double[] _references;
    private readonly double[][] _quantiles;

    internal QuantileTransformerModel(QuantileTransformer options, string[] names, ColumnKind[] kinds, double[] references, double[][] quantiles)
    {
        Options = options;
        _names = names;
        _kinds = kinds;
        _references = references;
        _quantiles = quantiles;
    }

    /// <summary>The hyperparameters it was fitted with.</summary>
    public QuantileTransformer Options { get; }

    /// <summary>The reference probabilities <c>linspace(0, 1, k)</c> (scikit-learn's <c>references_</c>).</summary>
    public IReadOnlyList<double> References => _references;

    /// <summary>The fitted quantiles of each column at <see cref="References"/> (<c>quantiles_</c>, transposed: one list per column).</summary>
    public IReadOnlyList<IReadOnlyList<double>> Quantiles => _quantiles;

    /// <inheritdoc/>
    public IReadOnlyList<string> FeatureNamesIn => _names;

    /// <inheritdoc/>
    public IReadOnlyList<string> FeatureNamesOut => _names;

    /// <inheritdoc/>
    public int FeatureCount => _names.Length;

    /// <inheritdoc/>
    public string ModelKind => "quantile-transformer";

    /// <summary>Maps the fitted columns (looked up by name) to the output distribution. O(n·p·log k).</summary>
    /// <exception cref="InvalidInputException">A fitted column is missing or changed kind; an infinite value.</exception>
    public DataFrame Transform(DataFrame x)
    {
        var cols = NumericColumns.ReadTransform(x, _names, _kinds, "QuantileTransformer", allowMissing: true);
        bool normal = Options.OutputDistribution == QuantileOutput.Normal;
        var negRefs = _references.Reverse().Select(r => -r).ToArray();
        for (int j = 0; j < cols.Length; j++)
        {
            var q = _quantiles[j];
            var negQ = q.Reverse().Select(v => -v).ToArray();
            double lo = q[0], hi = q[^1];
            var v = cols[j];
            for (int i = 0; i < v.Length; i++)
            {
                double d = v[i];
                if (double.IsNaN(d) || double.IsNaN(lo)) { v[i] = double.NaN; continue; }
                double r = 0.5 * (Percentiles.Interp(d, q, _references) - Percentiles.Interp(-d, negQ, negRefs));
                bool atLower = normal ? d - BoundsThreshold < lo : d == lo;
                bool atUpper = normal ? d + BoundsThreshold > hi : d == hi;
                if (atUpper) r = 1;
                if (atLower) r = 0;
                if (normal) r = Math.Clamp(Normal.Quantile(r), ClipMin, ClipMax);
                v[i] = r;
            }
        }
        return NumericColumns.ToFrame(_names, cols);
    }

    /// <summary>Maps output-distribution values back to the data scale by the fitted quantiles.</summary>
    public DataFrame InverseTransform(DataFrame z)
    {
        var cols = NumericColumns.ReadTransform(z, _names, NumericColumns.NumericKinds(_names.Length), "QuantileTransformer.InverseTransform", allowMissing: true);
        bool normal = Options.OutputDistribution == QuantileOutput.Normal;
        for (int j = 0; j < cols.Length; j++)
        {
            var q = _quantiles[j];
            var v = cols[j];
            for (int i = 0; i < v.Length; i++)
            {
                double u = normal ? Normal.Cdf(v[i]) : v[i];
                if (double.IsNaN(u)) continue;
                double r = Percentiles.Interp(u, _references, q);
                if (normal ? u + BoundsThreshold > 1 : u == 1) r = q[^1];
                if (normal ? u - BoundsThreshold < 0 : u == 0) r = q[0];
                v[i] = r;
            }
        }
        return NumericColumns.ToFrame(_names, cols);
    }

    /// <inheritdoc/>
    public void WriteTo(ModelWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteHyperparameters(Options);
        FrameInput.WriteSchema(writer, _names, _kinds);
        writer.WriteDoubles("references", _references);
        writer.WriteDoubles("quantiles", _quantiles.SelectMany(q => q).ToArray());
    }

    internal static QuantileTransformerModel ReadFrom(ModelReader reader)
    {
        var options = reader.ReadHyperparameters<QuantileTransformer>();
        var (names, kinds) = FrameInput.ReadSchema(reader);
        var references = reader.ReadDoubles("references");
        int k = references.Length;
        if (k == 0) throw new ModelFormatException("The model file is damaged or was not written by Fathom: no quantile references.");
        var flat = reader.ReadDoubles("quantiles", checked(k * names.Length));
        var quantiles = new double[names.Length][];
        for (int j = 0; j < names.Length; j++) quantiles[j] = flat[(j * k)..((j + 1) * k)];
        return new QuantileTransformerModel(options, names, kinds, references, quantiles);
    }
}
