using System.Globalization;
using Fathom.Core;
using Fathom.Data;
using Fathom.Neighbors;
using Fathom.Numerics;
using Fathom.Persistence;
using Fathom.Preprocessing;

namespace Fathom.Manifold;

/// <summary>
/// A fitted <see cref="UMAP"/>: the training rows and their embedding (<see cref="Embedding"/>), output columns
/// umap0, umap1, …. <see cref="Transform(Matrix)"/> places new rows as umap-learn's <c>transform</c> does: their
/// <see cref="UMAP.NNeighbors"/> nearest training rows, smooth k-NN memberships (local connectivity − 1), a start at
/// the membership-weighted mean of those rows' embeddings, then epochs/3 (100 when the epochs were automatic, 30
/// above 10,000 training rows) of the same descent at a quarter of the learning rate, moving only the new points.
/// Transforming the training rows therefore gives a nearby but not identical layout; use <see cref="Embedding"/> for
/// them. Immutable and thread-safe; Transform is deterministic (seeded by <see cref="UMAP.Seed"/>).
/// </summary>
public sealed class UMAPModel : ITransformerModel
{
    private readonly string[] _names;
    private readonly ColumnKind[] _kinds;
    private readonly string[] _outNames;
    private readonly Matrix _data;
    private readonly Matrix _embedding;
    private readonly NearestNeighbors _index;

    internal UMAPModel(UMAP options, string[] names, ColumnKind[] kinds, Matrix data, Matrix embedding, double a, double b)
    {
        Options = options;
        _names = names;
        _kinds = kinds;
        _data = data;
        _embedding = embedding;
        A = a;
        B = b;
        _outNames = ManifoldInput.OutputNames("umap", embedding.Columns);
        _index = NearestNeighbors.Build(data);
    }

    /// <summary>The hyperparameters it was fitted with.</summary>
    public UMAP Options { get; }

    /// <summary>Embedding of the training rows, rows × components, as a copy.</summary>
    public Matrix Embedding => _embedding.Clone();

    /// <summary>Fitted a of the output kernel 1/(1 + a·d^(2b)).</summary>
    public double A { get; }

    /// <summary>Fitted b of the output kernel 1/(1 + a·d^(2b)).</summary>
    public double B { get; }

    /// <inheritdoc/>
    public IReadOnlyList<string> FeatureNamesIn => _names;

    /// <inheritdoc/>
    public IReadOnlyList<string> FeatureNamesOut => _outNames;

    /// <inheritdoc/>
    public int FeatureCount => _names.Length;

    /// <inheritdoc/>
    public string ModelKind => "umap";

    /// <summary>Embeds new rows (columns found by name). O(m·(n·p + epochs·k·negative rate)).</summary>
    /// <exception cref="InvalidInputException">A fitted column is missing or not numeric, or holds NaN/infinity.</exception>
    public DataFrame Transform(DataFrame x)
    {
        ArgumentNullException.ThrowIfNull(x);
        var m = FrameInput.FiniteMatrix(x, _names, _kinds, "UMAP");
        return DataFrame.FromMatrix(Transform(m), _outNames);
    }

    /// <summary>Embeds new rows whose columns are in fitted order.</summary>
    /// <exception cref="InvalidInputException">Wrong column count, NaN or infinity.</exception>
    public Matrix Transform(Matrix x)
    {
        ArgumentNullException.ThrowIfNull(x);
        Linear.InputChecks.FeatureCount(x, FeatureCount, "UMAPModel");
        Linear.InputChecks.Finite(x, "UMAPModel");
        int m = x.Rows, n = _data.Rows, dims = _embedding.Columns;
        var result = new Matrix(m, dims);
        if (m == 0) return result;
        int k = Math.Min(Options.NNeighbors, n);
        var nn = _index.KNeighbors(x, k);
        var dist = nn.Distances.Clone().Storage;
        var ids = nn.Indices;
        var (sigma, rho) = UmapGraph.SmoothKnn(dist, m, k, k, Math.Max(0, Options.LocalConnectivity - 1), skip: 1);
        var w = UmapGraph.Memberships(dist, m, k, sigma, rho);
        for (int i = 0; i < m; i++)
        {
            double s = 0;
            for (int t = 0; t < k; t++) s += w[i * k + t];
            for (int t = 0; t < k; t++)
            {
                double share = s > 0 ? w[i * k + t] / s : 1.0 / k;
                int j = ids[i * k + t];
                for (int c = 0; c < dims; c++) result[i, c] += share * _embedding[j, c];
            }
        }
        int epochs = Options.NEpochs is int e ? Math.Max(1, e / 3) : n <= 10_000 ? 100 : 30;
        double max = w.Max();
        var heads = new List<int>();
        var tails = new List<int>();
        var eps = new List<double>();
        for (int i = 0; i < m; i++)
            for (int t = 0; t < k; t++)
            {
                double v = w[i * k + t];
                if (v <= 0 || v < max / epochs) continue;
                heads.Add(i);
                tails.Add(ids[i * k + t]);
                eps.Add(max / v);
            }
        var tail = _embedding.Clone();
        UmapLayout.Optimize(result, tail, [.. heads], [.. tails], [.. eps], epochs, A, B, Options.RepulsionStrength,
            Options.LearningRate / 4, Options.NegativeSampleRate, moveOther: false, new RandomSource(Options.Seed).Fork(6));
        return result;
    }

    /// <inheritdoc/>
    public void WriteTo(ModelWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteHyperparameters(Options);
        FrameInput.WriteSchema(writer, _names, _kinds);
        writer.WriteMatrix("data", _data);
        writer.WriteMatrix("embedding", _embedding);
        writer.SetProperty("a", A);
        writer.SetProperty("b", B);
    }

    internal static UMAPModel ReadFrom(ModelReader reader)
    {
        var options = reader.ReadHyperparameters<UMAP>();
        var (names, kinds) = FrameInput.ReadSchema(reader);
        var data = reader.ReadMatrix("data");
        var embedding = reader.ReadMatrix("embedding");
        if (data.Columns != names.Length || embedding.Rows != data.Rows || data.Rows < 1)
            throw new ModelFormatException("The model file is damaged: UMAP data, embedding and input names disagree in size.");
        return new UMAPModel(options, names, kinds, data, embedding, reader.GetDouble("a"), reader.GetDouble("b"));
    }
}
