using Fathom.Core;
using Fathom.Numerics;
using Fathom.Persistence;

namespace Fathom.Cluster;

/// <summary>
/// A fitted <see cref="MiniBatchKMeans"/>: the centres, the labels and inertia of all training rows, and the
/// number of steps taken. <see cref="Predict"/> assigns new rows to the nearest centre. Immutable and thread-safe.
/// </summary>
public sealed class MiniBatchKMeansModel : IClusterPredictor
{
    private const string StepsKey = "steps";

    private readonly KMeansFit<MiniBatchKMeans> _fit;

    internal MiniBatchKMeansModel(MiniBatchKMeans options, Matrix centers, int[] labels, double inertia, int steps) =>
        _fit = new(options, centers, labels, inertia, steps, nameof(MiniBatchKMeansModel), StepsKey);

    private MiniBatchKMeansModel(KMeansFit<MiniBatchKMeans> fit) => _fit = fit;

    /// <summary>The hyperparameters it was fitted with.</summary>
    public MiniBatchKMeans Options => _fit.Options;

    /// <summary>Cluster centres, k × features (a copy).</summary>
    public Matrix ClusterCenters => _fit.Centers.Clone();

    /// <inheritdoc/>
    public IReadOnlyList<int> Labels => _fit.Labels;

    /// <summary>Σᵢ ‖xᵢ − c₍ₗᵢ₎‖² over all training rows with the final centres (scikit-learn's <c>inertia_</c>).</summary>
    public double Inertia => _fit.Inertia;

    /// <summary>Mini-batch steps taken (scikit-learn's <c>n_steps_</c>).</summary>
    public int Steps => _fit.Iterations;

    /// <summary>Number of clusters k.</summary>
    public int ClusterCount => _fit.ClusterCount;

    /// <inheritdoc/>
    public int FeatureCount => _fit.FeatureCount;

    /// <inheritdoc/>
    public string ModelKind => "minibatch-kmeans";

    /// <summary>Index of the nearest centre of each row. O(n·k·d).</summary>
    /// <exception cref="InvalidInputException">Wrong feature count or non-finite values.</exception>
    public int[] Predict(Matrix x) => _fit.Predict(x);

    /// <inheritdoc/>
    public void WriteTo(ModelWriter writer) => _fit.WriteTo(writer);

    internal static MiniBatchKMeansModel ReadFrom(ModelReader reader) =>
        new(KMeansFit<MiniBatchKMeans>.ReadFrom(reader, nameof(MiniBatchKMeansModel), StepsKey, "a mini-batch k-means label"));
}
