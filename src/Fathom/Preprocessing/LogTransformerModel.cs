using Fathom.Core;
using Fathom.Data;
using Fathom.Persistence;

namespace Fathom.Preprocessing;

/// <summary>A fitted <see cref="LogTransformer"/>: <c>z = log(1 + x)</c> on the fitted columns. Immutable and thread-safe.</summary>
public sealed class LogTransformerModel : ITransformerModel
{
    private readonly string[] _names;
    private readonly ColumnKind[] _kinds;

    internal LogTransformerModel(LogTransformer options, string[] names, ColumnKind[] kinds)
    {
        Options = options;
        _names = names;
        _kinds = kinds;
    }

    /// <summary>The hyperparameters it was fitted with (none).</summary>
    public LogTransformer Options { get; }

    /// <inheritdoc/>
    public IReadOnlyList<string> FeatureNamesIn => _names;

    /// <inheritdoc/>
    public IReadOnlyList<string> FeatureNamesOut => _names;

    /// <inheritdoc/>
    public int FeatureCount => _names.Length;

    /// <inheritdoc/>
    public string ModelKind => "log-transformer";

    /// <summary>Takes log(1 + x) of the fitted columns (looked up by name). O(n·p).</summary>
    /// <exception cref="InvalidInputException">A fitted column is missing or changed kind; a value ≤ −1 or infinite.</exception>
    public DataFrame Transform(DataFrame x)
    {
        var cols = NumericColumns.ReadTransform(x, _names, _kinds, "LogTransformer", allowMissing: true);
        for (int j = 0; j < cols.Length; j++)
        {
            LogTransformer.CheckDomain(_names[j], cols[j]);
            var v = cols[j];
            for (int i = 0; i < v.Length; i++) v[i] = Log1p(v[i]);
        }
        return NumericColumns.ToFrame(_names, cols);
    }

    /// <summary>Undoes the transform: <c>x = exp(z) − 1</c>.</summary>
    public DataFrame InverseTransform(DataFrame z)
    {
        var cols = NumericColumns.ReadTransform(z, _names, NumericColumns.NumericKinds(_names.Length), "LogTransformer.InverseTransform", allowMissing: true);
        foreach (var v in cols)
            for (int i = 0; i < v.Length; i++) v[i] = Expm1(v[i]);
        return NumericColumns.ToFrame(_names, cols);
    }

    /// <summary>log(1 + x) accurate for small x (the classic correction: log(u)·x/(u − 1) with u = 1 + x).</summary>
    internal static double Log1p(double x)
    {
        double u = 1 + x;
        if (u == 1) return x;
        if (double.IsInfinity(u)) return u;
        return Math.Log(u) * x / (u - 1);
    }

    /// <summary>exp(x) − 1 accurate for small x (Kahan: (u − 1)·x/log u with u = eˣ).</summary>
    internal static double Expm1(double x)
    {
        double u = Math.Exp(x);
        if (u == 1) return x;
        if (u - 1 == -1) return -1;
        if (double.IsInfinity(u)) return u;
        return (u - 1) * x / Math.Log(u);
    }

    /// <inheritdoc/>
    public void WriteTo(ModelWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteHyperparameters(Options);
        FrameInput.WriteSchema(writer, _names, _kinds);
    }

    internal static LogTransformerModel ReadFrom(ModelReader reader)
    {
        var options = reader.ReadHyperparameters<LogTransformer>();
        var (names, kinds) = FrameInput.ReadSchema(reader);
        return new LogTransformerModel(options, names, kinds);
    }
}
