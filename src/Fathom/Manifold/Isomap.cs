using System.Globalization;
using Fathom.Core;
using Fathom.Decomposition;
using Fathom.Data;
using Fathom.Neighbors;
using Fathom.Numerics;

namespace Fathom.Manifold;

/// <summary>
/// Isometric mapping (Tenenbaum, de Silva &amp; Langford 2000), as scikit-learn 1.2's <c>Isomap</c>: the k-nearest-
/// neighbour graph (Euclidean, undirected), geodesic distances G by Dijkstra, then kernel PCA of −G²/2 (double
/// centring, the largest eigenpairs, eigenvector signs as scikit-learn's <c>svd_flip</c>): embedding Vᵢ·√λᵢ. The
/// dense eigendecomposition costs O(n³) and the model keeps the n × n geodesic matrix, so it suits up to a few
/// thousand rows. A neighbour graph in several pieces is joined at the closest points of each pair of pieces (as
/// scikit-learn 1.2), with a warning through <see cref="FitContext.Log"/>. New rows are placed through their k nearest training rows (geodesic = distance to a neighbour +
/// its geodesic distance).
/// </summary>
public sealed record Isomap : ITransformer
{
    /// <summary>Neighbours per row in the graph (default 5).</summary>
    [Hyperparameter("neighbours per row in the graph", Min = 1)]
    public int NNeighbors { get; init; } = 5;

    /// <summary>Output dimensions (default 2).</summary>
    [Hyperparameter("dimensions of the embedding", Min = 1)]
    public int NComponents { get; init; } = 2;

    /// <inheritdoc/>
    public EstimatorTags Tags { get; } = new() { SupportsSampleWeight = false };

    /// <summary>Fits on the numeric and boolean columns of <paramref name="x"/>. O(n²·(p + log n) + n³).</summary>
    /// <exception cref="InvalidHyperparameterException">n_neighbors ≥ rows or n_components &gt; rows.</exception>
    /// <exception cref="InvalidInputException">No rows or columns, a text or date column, NaN or infinity.</exception>
    public IsomapModel Fit(DataFrame x, FitContext? context = null)
    {
        Hyperparameters.Validate(this);
        var m = ManifoldInput.ToMatrix(x, nameof(Isomap));
        return FitCore(m, x.ColumnNames.ToArray(), x.Columns.Select(c => c.Kind).ToArray(), context ?? FitContext.Default);
    }

    /// <summary>Fits on a matrix (columns named x0, x1, …).</summary>
    /// <exception cref="InvalidHyperparameterException">See <see cref="Fit(DataFrame, FitContext?)"/>.</exception>
    /// <exception cref="InvalidInputException">See <see cref="Fit(DataFrame, FitContext?)"/>.</exception>
    public IsomapModel Fit(Matrix x, FitContext? context = null)
    {
        ArgumentNullException.ThrowIfNull(x);
        Hyperparameters.Validate(this);
        if (x.Columns == 0 || x.Rows == 0) throw new InvalidInputException("Isomap: the data is empty; give it rows and columns.");
        Linear.InputChecks.Finite(x, nameof(Isomap));
        return FitCore(x.Clone(), ManifoldInput.OutputNames("x", x.Columns), Enumerable.Repeat(ColumnKind.Numeric, x.Columns).ToArray(), context ?? FitContext.Default);
    }

    ITransformerModel ITransformer.Fit(DataFrame x, FitContext? context) => Fit(x, context);

    private IsomapModel FitCore(Matrix x, string[] names, ColumnKind[] kinds, FitContext ctx)
    {
        int n = x.Rows;
        if (NNeighbors >= n)
            throw new InvalidHyperparameterException("n_neighbors", string.Create(CultureInfo.InvariantCulture,
                $"Isomap: n_neighbors = {NNeighbors} must be less than the number of rows ({n})."));
        if (NComponents > n)
            throw new InvalidHyperparameterException("n_components", string.Create(CultureInfo.InvariantCulture,
                $"Isomap: n_components = {NComponents} is more than the number of rows ({n})."));
        var nn = NearestNeighbors.Build(x).KNeighborsOfPoints(NNeighbors, ctx.ThreadCount);
        var ids = nn.Indices;
        var dist = nn.Distances.Clone().Storage;
        var graph = Geodesic.Graph(n, NNeighbors, ids, dist);
        var bridges = Geodesic.Bridges(graph, x);
        if (bridges.Count > 0)
        {
            ctx.Warn(string.Create(CultureInfo.InvariantCulture,
                $"Isomap: the {NNeighbors}-nearest-neighbour graph falls into several pieces; joined them at their closest points ({bridges.Count} edges added). Raise n_neighbors to avoid this."));
            graph = Geodesic.Graph(n, NNeighbors, ids, dist, bridges);
        }
        var g = Geodesic.AllPairs(graph, ctx.ThreadCount, ctx);
        ctx.ThrowIfCancellationRequested();
        var kernel = new Matrix(n, n);
        var gs = g.Storage;
        var ks = kernel.Storage;
        for (int i = 0; i < gs.Length; i++) ks[i] = -0.5 * gs[i] * gs[i];
        var eig = KernelEigen.Fit(kernel, NComponents);
        return new IsomapModel(this, names, kinds, x, g, eig);
    }
}
