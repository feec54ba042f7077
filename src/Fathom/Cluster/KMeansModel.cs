using Fathom.Core;
using Fathom.Numerics;
using Fathom.Persistence;

namespace Fathom.Cluster;

/// <summary>
/// A fitted <see cref="KMeans"/>: the cluster centres, the training labels and inertia. <see cref="Predict"/>
/// assigns new rows to the nearest centre; <see cref="Transform"/> gives the distance to every centre.
/// Immutable and thread-safe.
/// </summary>
public sealed class KMeansModel : IClusterPredictor
{
    private const string IterationsKey = "iterations";

    private readonly KMeansFit<KMeans> _fit;

    internal KMeansModel(KMeans options, Matrix centers, int[] labels, double inertia, int iterations) =>
        _fit = new(options, centers, labels, inertia, iterations, nameof(KMeansModel), IterationsKey);

    private KMeansModel(KMeansFit<KMeans> fit) => _fit = fit;

    /// <summary>The hyperparameters it was fitted with.</summary>
    public KMeans Options => _fit.Options;

    /// <summary>Cluster centres, k × features (a copy).</summary>
    public Matrix ClusterCenters => _fit.Centers.Clone();

    /// <inheritdoc/>
    public IReadOnlyList<int> Labels => _fit.Labels;

    /// <summary>Σᵢ wᵢ‖xᵢ − c₍ₗᵢ₎‖² on the training rows (scikit-learn's <c>inertia_</c>), of the best run.</summary>
    public double Inertia => _fit.Inertia;

    /// <summary>Iterations of the best run (scikit-learn's <c>n_iter_</c>).</summary>
    public int Iterations => _fit.Iterations;

    /// <summary>Number of clusters k.</summary>
    public int ClusterCount => _fit.ClusterCount;

    /// <inheritdoc/>
    public int FeatureCount => _fit.FeatureCount;

    /// <inheritdoc/>
    public string ModelKind => "kmeans";

    /// <summary>Index of the nearest centre of each row. O(n·k·d).</summary>
    /// <exception cref="InvalidInputException">Wrong feature count or non-finite values.</exception>
    public int[] Predict(Matrix x) => _fit.Predict(x);

    /// <summary>Euclidean distance of each row to each centre: n × k. O(n·k·d).</summary>
    /// <exception cref="InvalidInputException">Wrong feature count or non-finite values.</exception>
    public Matrix Transform(Matrix x) => _fit.Transform(x);

    /// <summary>Negative inertia of <paramref name="x"/> against the centres: −Σᵢ min_j ‖xᵢ − cⱼ‖² (scikit-learn's <c>score</c>).</summary>
    /// <exception cref="InvalidInputException">Wrong feature count or non-finite values.</exception>
    public double Score(Matrix x) => _fit.Score(x);

    /// <inheritdoc/>
    public void WriteTo(ModelWriter writer) => _fit.WriteTo(writer);

    internal static KMeansModel ReadFrom(ModelReader reader) =>
        new(KMeansFit<KMeans>.ReadFrom(reader, nameof(KMeansModel), IterationsKey, "a k-means label"));
}
