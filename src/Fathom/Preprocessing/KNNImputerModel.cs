using Fathom.Core;
using Fathom.Data;
using Fathom.Neighbors;
using Fathom.Numerics;
using Fathom.Persistence;

namespace Fathom.Preprocessing;

/// <summary>A fitted <see cref="KNNImputer"/>: the training rows and column means. Immutable and thread-safe.</summary>
public sealed class KNNImputerModel : ITransformerModel
{
    private const int Chunk = 256;
    private readonly string[] _names;
    private readonly ColumnKind[] _kinds;
    private readonly Matrix _fit;
    private readonly double[] _means;

    internal KNNImputerModel(KNNImputer options, string[] names, ColumnKind[] kinds, Matrix fit, double[] means)
    {
        Options = options;
        _names = names;
        _kinds = kinds;
        _fit = fit;
        _means = means;
    }

    /// <summary>The hyperparameters it was fitted with.</summary>
    public KNNImputer Options { get; }

    /// <summary>Mean of each column's present training values (the fallback fill; 0 for an all-missing column).</summary>
    public IReadOnlyList<double> ColumnMeans => _means;

    /// <inheritdoc/>
    public IReadOnlyList<string> FeatureNamesIn => _names;

    /// <inheritdoc/>
    public IReadOnlyList<string> FeatureNamesOut => _names;

    /// <inheritdoc/>
    public int FeatureCount => _names.Length;

    /// <inheritdoc/>
    public string ModelKind => "knn-imputer";

    /// <summary>Fills the missing cells of the fitted columns (looked up by name). O(m·n·p).</summary>
    /// <exception cref="InvalidInputException">A fitted column is missing or changed kind; an infinite value.</exception>
    public DataFrame Transform(DataFrame x)
    {
        var cols = NumericColumns.ReadTransform(x, _names, _kinds, "KNNImputer", allowMissing: true);
        int n = x.RowCount, p = cols.Length;
        var rows = Enumerable.Range(0, n).Where(i => cols.Any(c => double.IsNaN(c[i]))).ToArray();
        var output = cols.Select(c => (double[])c.Clone()).ToArray();
        for (int start = 0; start < rows.Length; start += Chunk)
        {
            var chunk = rows.AsSpan(start, Math.Min(Chunk, rows.Length - start)).ToArray();
            var q = new Matrix(chunk.Length, p);
            for (int r = 0; r < chunk.Length; r++)
                for (int j = 0; j < p; j++) q[r, j] = cols[j][chunk[r]];
            var dist = NanEuclidean.Distances(q, _fit);
            for (int r = 0; r < chunk.Length; r++)
                for (int j = 0; j < p; j++)
                    if (double.IsNaN(q[r, j])) output[j][chunk[r]] = Impute(dist, r, j);
        }
        return NumericColumns.ToFrame(_names, output);
    }

    private double Impute(Matrix dist, int r, int j)
    {
        var donors = new List<int>();
        bool anyFinite = false;
        for (int t = 0; t < _fit.Rows; t++)
        {
            if (double.IsNaN(_fit[t, j])) continue;
            donors.Add(t);
            if (!double.IsNaN(dist[r, t])) anyFinite = true;
        }
        if (!anyFinite) return _means[j];
        int k = Math.Min(Options.NNeighbors, donors.Count);
        // NaN distances sort last; ties keep training-row order (stable sort).
        var nearest = donors.OrderBy(t => double.IsNaN(dist[r, t]) ? double.PositiveInfinity : dist[r, t]).Take(k).ToArray();
        if (Options.Weights == NeighborWeights.Uniform) return nearest.Average(t => _fit[t, j]);
        bool anyZero = nearest.Any(t => dist[r, t] == 0);
        double sw = 0, s = 0;
        foreach (int t in nearest)
        {
            double d = dist[r, t];
            double w = anyZero ? (d == 0 ? 1 : 0) : double.IsNaN(d) ? 0 : 1 / d;
            sw += w;
            s += w * _fit[t, j];
        }
        return s / sw;
    }

    /// <inheritdoc/>
    public void WriteTo(ModelWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteHyperparameters(Options);
        FrameInput.WriteSchema(writer, _names, _kinds);
        writer.WriteMatrix("fit_x", _fit);
        writer.WriteDoubles("column_means", _means);
    }

    internal static KNNImputerModel ReadFrom(ModelReader reader)
    {
        var options = reader.ReadHyperparameters<KNNImputer>();
        var (names, kinds) = FrameInput.ReadSchema(reader);
        var fit = reader.ReadMatrix("fit_x");
        if (fit.Columns != names.Length) throw new ModelFormatException("The model file is damaged or was not written by Fathom: the stored rows have the wrong width.");
        return new KNNImputerModel(options, names, kinds, fit, reader.ReadDoubles("column_means", names.Length));
    }
}
