using Fathom.Core;
using Fathom.Data;
using Fathom.Persistence;

namespace Fathom.Preprocessing;

/// <summary>
/// A fitted <see cref="PowerTransformer"/>: each column through its power transform with exponent
/// <see cref="Lambdas"/>, then standardized when <c>Standardize</c>. Immutable and thread-safe.
/// </summary>
public sealed class PowerTransformerModel : ITransformerModel
{
    private readonly string[] _names;
    private readonly ColumnKind[] _kinds;
    private readonly double[] _lambdas;
    private readonly StandardScalerModel? _scaler;

    internal PowerTransformerModel(PowerTransformer options, string[] names, ColumnKind[] kinds, double[] lambdas, StandardScalerModel? scaler)
    {
        Options = options;
        _names = names;
        _kinds = kinds;
        _lambdas = lambdas;
        _scaler = scaler;
    }

    /// <summary>The hyperparameters it was fitted with.</summary>
    public PowerTransformer Options { get; }

    /// <summary>The fitted exponent λ of each column (scikit-learn's <c>lambdas_</c>).</summary>
    public IReadOnlyList<double> Lambdas => _lambdas;

    /// <summary>The standardization of the transformed columns, or null when <c>Standardize</c> is false.</summary>
    public StandardScalerModel? Scaler => _scaler;

    /// <inheritdoc/>
    public IReadOnlyList<string> FeatureNamesIn => _names;

    /// <inheritdoc/>
    public IReadOnlyList<string> FeatureNamesOut => _names;

    /// <inheritdoc/>
    public int FeatureCount => _names.Length;

    /// <inheritdoc/>
    public string ModelKind => "power-transformer";

    /// <summary>Transforms the fitted columns (looked up by name). O(n·p).</summary>
    /// <exception cref="InvalidInputException">A fitted column is missing or changed kind; an infinite value; a
    /// value ≤ 0 with box_cox.</exception>
    public DataFrame Transform(DataFrame x)
    {
        var cols = NumericColumns.ReadTransform(x, _names, _kinds, "PowerTransformer", allowMissing: true);
        for (int j = 0; j < cols.Length; j++)
        {
            if (Options.Method == PowerMethod.BoxCox) PowerTransformer.CheckPositive(_names[j], cols[j]);
            cols[j] = PowerTransformer.Apply(Options.Method, cols[j], _lambdas[j]);
        }
        var frame = NumericColumns.ToFrame(_names, cols);
        return _scaler is null ? frame : _scaler.Transform(frame);
    }

    /// <summary>Undoes the transform (de-standardizes, then inverts the power transform).</summary>
    public DataFrame InverseTransform(DataFrame z)
    {
        var frame = _scaler is null ? z : _scaler.InverseTransform(z);
        var cols = NumericColumns.ReadTransform(frame, _names, NumericColumns.NumericKinds(_names.Length), "PowerTransformer.InverseTransform", allowMissing: true);
        for (int j = 0; j < cols.Length; j++)
            for (int i = 0; i < cols[j].Length; i++)
                cols[j][i] = Options.Method == PowerMethod.YeoJohnson
                    ? PowerTransformer.InverseYeoJohnson(cols[j][i], _lambdas[j])
                    : PowerTransformer.InverseBoxCox(cols[j][i], _lambdas[j]);
        return NumericColumns.ToFrame(_names, cols);
    }

    /// <inheritdoc/>
    public void WriteTo(ModelWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteHyperparameters(Options);
        FrameInput.WriteSchema(writer, _names, _kinds);
        writer.WriteDoubles("lambdas", _lambdas);
        if (_scaler is not null) writer.WriteModel("scaler", _scaler);
    }

    internal static PowerTransformerModel ReadFrom(ModelReader reader)
    {
        var options = reader.ReadHyperparameters<PowerTransformer>();
        var (names, kinds) = FrameInput.ReadSchema(reader);
        var lambdas = reader.ReadDoubles("lambdas", names.Length);
        StandardScalerModel? scaler = null;
        if (options.Standardize)
        {
            scaler = reader.ReadModel<StandardScalerModel>("scaler");
            if (!scaler.FeatureNamesIn.SequenceEqual(names))
                throw new ModelFormatException("The model file is damaged or was not written by Fathom: the power transformer's scaler has other columns.");
        }
        return new PowerTransformerModel(options, names, kinds, lambdas, scaler);
    }
}
