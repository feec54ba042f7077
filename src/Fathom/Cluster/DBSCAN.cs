using Fathom.Core;
using Fathom.Linear;
using Fathom.Numerics;

namespace Fathom.Cluster;

/// <summary>
/// Density-based clustering (Ester et al. 1996), as scikit-learn's <c>DBSCAN</c> with the Euclidean metric.
/// A row is a core sample when the rows within distance <see cref="Eps"/> (inclusive, the row itself
/// counted) weigh at least <see cref="MinSamples"/>; clusters are the connected groups of core samples plus
/// the non-core rows within eps of one of them (border rows, given to the first cluster — in order of its
/// lowest-index core row — that reaches them); everything else is noise (label −1). Deterministic.
/// </summary>
/// <remarks>
/// Region queries use a uniform eps-grid for up to 3 features (about O(n·m) for m neighbours per row) and
/// blocks of GEMM distances otherwise (O(n²·d) time, O(n) extra memory per block); the neighbourhoods are
/// stored (O(total neighbours) memory), as scikit-learn does.
/// </remarks>
public sealed record DBSCAN : IClusterer
{
    /// <summary>Neighbourhood radius (default 0.5).</summary>
    [Hyperparameter("radius of a neighbourhood (Euclidean, inclusive)", Min = 0, MinExclusive = true)]
    public double Eps { get; init; } = 0.5;

    /// <summary>Weight (row count when unweighted) a neighbourhood needs, the row itself included, for the row to be a core sample (default 5).</summary>
    [Hyperparameter("rows (or total weight) within eps, the row itself included, that make a core sample", Min = 1)]
    public int MinSamples { get; init; } = 5;

    /// <inheritdoc/>
    public EstimatorTags Tags { get; } = new() { SupportsSampleWeight = true };

    /// <summary>Clusters the rows of <paramref name="x"/>.</summary>
    /// <param name="x">n × d finite values.</param>
    /// <param name="sampleWeight">Optional non-negative weight per row; a row's neighbourhood weight is the sum
    /// of its neighbours' weights (a weight of 2 counts as the row twice).</param>
    /// <param name="context">Cancellation and thread limit.</param>
    /// <exception cref="InvalidHyperparameterException">A parameter out of range.</exception>
    /// <exception cref="InvalidInputException">Empty data, NaN/infinity (row and column named), bad weights.</exception>
    public DBSCANModel Fit(Matrix x, double[]? sampleWeight = null, FitContext? context = null)
    {
        Hyperparameters.Validate(this);
        InputChecks.Features(x, nameof(DBSCAN));
        InputChecks.Weights(sampleWeight, x.Rows, nameof(DBSCAN));
        context ??= FitContext.Default;
        var neighbors = RadiusNeighbors.Build(x, Eps, context.ThreadCount);
        context.ThrowIfCancellationRequested();
        int n = x.Rows;
        var core = new bool[n];
        for (int i = 0; i < n; i++)
        {
            var nb = neighbors.Of(i);
            double weight = 0;
            if (sampleWeight is null) weight = nb.Length;
            else foreach (int j in nb) weight += sampleWeight[j];
            core[i] = weight >= MinSamples;
        }
        var labels = Expand(neighbors, core);
        var coreIndices = Enumerable.Range(0, n).Where(i => core[i]).ToArray();
        return new DBSCANModel(this, x.Columns, labels, coreIndices, x.SelectRows(coreIndices));
    }

    IClusteringModel IClusterer.Fit(Matrix x, double[]? sampleWeight, FitContext? context) => Fit(x, sampleWeight, context);

    /// <summary>scikit-learn's <c>dbscan_inner</c>: depth-first expansion from each unlabelled core row in index order.</summary>
    private static int[] Expand(RadiusNeighbors neighbors, bool[] core)
    {
        int n = core.Length;
        var labels = new int[n];
        Array.Fill(labels, -1);
        var stack = new Stack<int>();
        int label = 0;
        for (int start = 0; start < n; start++)
        {
            if (labels[start] != -1 || !core[start]) continue;
            int i = start;
            while (true)
            {
                if (labels[i] == -1)
                {
                    labels[i] = label;
                    if (core[i])
                        foreach (int v in neighbors.Of(i))
                            if (labels[v] == -1) stack.Push(v);
                }
                if (stack.Count == 0) break;
                i = stack.Pop();
            }
            label++;
        }
        return labels;
    }
}
