using System.Globalization;
using Fathom.Core;
using Fathom.Data;
using Fathom.Persistence;

namespace Fathom.Preprocessing;

/// <summary>
/// A fitted <see cref="KBinsDiscretizer"/>: the <see cref="BinEdges"/> of each column. Immutable and thread-safe.
/// </summary>
public sealed class KBinsDiscretizerModel : ITransformerModel
{
    private readonly string[] _names;
    private readonly ColumnKind[] _kinds;
    private readonly double[][] _edges;
    private readonly string[] _namesOut;

    internal KBinsDiscretizerModel(KBinsDiscretizer options, string[] names, ColumnKind[] kinds, double[][] edges)
    {
        Options = options;
        _names = names;
        _kinds = kinds;
        _edges = edges;
        _namesOut = options.Encode == BinEncoding.Ordinal
            ? names
            : names.SelectMany((nm, j) => Enumerable.Range(0, edges[j].Length - 1).Select(b => nm + "_" + b.ToString(CultureInfo.InvariantCulture) + ".0")).ToArray();
    }

    /// <summary>The hyperparameters it was fitted with.</summary>
    public KBinsDiscretizer Options { get; }

    /// <summary>Ascending edges of each column's bins (<c>bin_edges_</c>; a constant column has [−∞, ∞]).</summary>
    public IReadOnlyList<IReadOnlyList<double>> BinEdges => _edges;

    /// <summary>Number of bins of each column (<c>n_bins_</c>).</summary>
    public IReadOnlyList<int> BinCounts => _edges.Select(e => e.Length - 1).ToArray();

    /// <inheritdoc/>
    public IReadOnlyList<string> FeatureNamesIn => _names;

    /// <inheritdoc/>
    public IReadOnlyList<string> FeatureNamesOut => _namesOut;

    /// <inheritdoc/>
    public int FeatureCount => _names.Length;

    /// <inheritdoc/>
    public string ModelKind => "k-bins-discretizer";

    /// <summary>Bins the fitted columns (looked up by name). O(n·p·log k).</summary>
    /// <exception cref="InvalidInputException">A fitted column is missing or changed kind; a missing or infinite value.</exception>
    public DataFrame Transform(DataFrame x)
    {
        var cols = NumericColumns.ReadTransform(x, _names, _kinds, "KBinsDiscretizer", allowMissing: false);
        int n = x.RowCount;
        var output = new List<double[]>();
        for (int j = 0; j < cols.Length; j++)
        {
            var e = _edges[j];
            int bins = e.Length - 1;
            var idx = new double[n];
            for (int i = 0; i < n; i++)
            {
                // searchsorted(edges[1:-1], x, side = right): number of inner edges ≤ x.
                int lo = 1, hi = e.Length - 1;
                while (lo < hi)
                {
                    int mid = (lo + hi) >> 1;
                    if (e[mid] <= cols[j][i]) lo = mid + 1; else hi = mid;
                }
                idx[i] = lo - 1;
            }
            if (Options.Encode == BinEncoding.Ordinal) output.Add(idx);
            else
                for (int b = 0; b < bins; b++)
                {
                    var o = new double[n];
                    for (int i = 0; i < n; i++) o[i] = idx[i] == b ? 1.0 : 0.0;
                    output.Add(o);
                }
        }
        return NumericColumns.ToFrame(_namesOut, output.ToArray());
    }

    /// <inheritdoc/>
    public void WriteTo(ModelWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteHyperparameters(Options);
        FrameInput.WriteSchema(writer, _names, _kinds);
        writer.WriteInts("edge_counts", _edges.Select(e => e.Length).ToArray());
        writer.WriteDoubles("edges", _edges.SelectMany(e => e).ToArray());
    }

    internal static KBinsDiscretizerModel ReadFrom(ModelReader reader)
    {
        var options = reader.ReadHyperparameters<KBinsDiscretizer>();
        var (names, kinds) = FrameInput.ReadSchema(reader);
        var counts = reader.ReadInts("edge_counts", names.Length);
        if (counts.Any(c => c < 2)) throw new ModelFormatException("The model file is damaged or was not written by Fathom: a column with fewer than two bin edges.");
        var flat = reader.ReadDoubles("edges", counts.Sum());
        var edges = new double[names.Length][];
        int at = 0;
        for (int j = 0; j < names.Length; j++) { edges[j] = flat[at..(at + counts[j])]; at += counts[j]; }
        return new KBinsDiscretizerModel(options, names, kinds, edges);
    }
}
