using System.Globalization;
using Fathom.Core;
using Fathom.Data;
using Fathom.Persistence;

namespace Fathom.Preprocessing;

/// <summary>
/// A fitted <see cref="PolynomialFeatures"/>: <see cref="Powers"/> lists the exponent of each input column in each
/// output column (scikit-learn's <c>powers_</c>). Immutable and thread-safe.
/// </summary>
public sealed class PolynomialFeaturesModel : ITransformerModel
{
    private readonly string[] _names;
    private readonly ColumnKind[] _kinds;
    private readonly int[][] _combos;
    private readonly string[] _namesOut;

    internal PolynomialFeaturesModel(PolynomialFeatures options, string[] names, ColumnKind[] kinds, int[][] combos)
    {
        Options = options;
        _names = names;
        _kinds = kinds;
        _combos = combos;
        _namesOut = combos.Select(Name).ToArray();
    }

    private string Name(int[] combo)
    {
        if (combo.Length == 0) return "1";
        var parts = new List<string>();
        for (int t = 0; t < combo.Length;)
        {
            int j = combo[t], power = 0;
            while (t < combo.Length && combo[t] == j) { power++; t++; }
            parts.Add(power == 1 ? _names[j] : _names[j] + "^" + power.ToString(CultureInfo.InvariantCulture));
        }
        return string.Join(" ", parts);
    }

    /// <summary>The hyperparameters it was fitted with.</summary>
    public PolynomialFeatures Options { get; }

    /// <summary>For each output column, the exponent of each input column.</summary>
    public IReadOnlyList<IReadOnlyList<int>> Powers => _combos.Select(c =>
    {
        var pw = new int[_names.Length];
        foreach (int j in c) pw[j]++;
        return (IReadOnlyList<int>)pw;
    }).ToArray();

    /// <inheritdoc/>
    public IReadOnlyList<string> FeatureNamesIn => _names;

    /// <inheritdoc/>
    public IReadOnlyList<string> FeatureNamesOut => _namesOut;

    /// <inheritdoc/>
    public int FeatureCount => _names.Length;

    /// <inheritdoc/>
    public string ModelKind => "polynomial-features";

    /// <summary>Computes the products of the fitted columns (looked up by name). O(n · output width).</summary>
    /// <exception cref="InvalidInputException">A fitted column is missing or changed kind; an infinite value.</exception>
    public DataFrame Transform(DataFrame x)
    {
        var cols = NumericColumns.ReadTransform(x, _names, _kinds, "PolynomialFeatures", allowMissing: true);
        int n = x.RowCount;
        var output = new double[_combos.Length][];
        // Each product is its prefix's product times one more column (scikit-learn builds them the same way).
        var byKey = new Dictionary<string, double[]>(StringComparer.Ordinal);
        for (int k = 0; k < _combos.Length; k++)
        {
            var c = _combos[k];
            double[] o;
            if (c.Length == 0) o = Enumerable.Repeat(1.0, n).ToArray();
            else if (c.Length == 1) o = (double[])cols[c[0]].Clone();
            else
            {
                string prefixKey = string.Join(",", c[..^1]);
                var prefix = byKey.TryGetValue(prefixKey, out var pv) ? pv : Product(cols, c[..^1], n);
                var last = cols[c[^1]];
                o = new double[n];
                for (int i = 0; i < n; i++) o[i] = prefix[i] * last[i];
            }
            byKey[string.Join(",", c)] = o;
            output[k] = o;
        }
        return NumericColumns.ToFrame(_namesOut, output.Select(o => (double[])o.Clone()).ToArray());
    }

    private static double[] Product(double[][] cols, int[] c, int n)
    {
        var o = Enumerable.Repeat(1.0, n).ToArray();
        foreach (int j in c)
            for (int i = 0; i < n; i++) o[i] *= cols[j][i];
        return o;
    }

    /// <inheritdoc/>
    public void WriteTo(ModelWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteHyperparameters(Options);
        FrameInput.WriteSchema(writer, _names, _kinds);
    }

    internal static PolynomialFeaturesModel ReadFrom(ModelReader reader)
    {
        var options = reader.ReadHyperparameters<PolynomialFeatures>();
        var (names, kinds) = FrameInput.ReadSchema(reader);
        var df = new DataFrame(names.Select(nm => (DataColumn)new NumericColumn(nm, [0.0])).ToArray());
        var refit = options.Fit(df);
        return new PolynomialFeaturesModel(options, names, kinds, refit._combos);
    }
}
