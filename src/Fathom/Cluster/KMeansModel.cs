using System.Collections.ObjectModel;
using Fathom.Core;
using Fathom.Linear;
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
    private readonly Matrix _centers;
    private readonly int[] _labels;

    internal KMeansModel(KMeans options, Matrix centers, int[] labels, double inertia, int iterations)
    {
        Options = options;
        _centers = centers;
        _labels = labels;
        Inertia = inertia;
        Iterations = iterations;
    }

    /// <summary>The hyperparameters it was fitted with.</summary>
    public KMeans Options { get; }

    /// <summary>Cluster centres, k × features (a copy).</summary>
    public Matrix ClusterCenters => _centers.Clone();

    /// <inheritdoc/>
    public IReadOnlyList<int> Labels => new ReadOnlyCollection<int>(_labels);

    /// <summary>Σᵢ wᵢ‖xᵢ − c₍ₗᵢ₎‖² on the training rows (scikit-learn's <c>inertia_</c>), of the best run.</summary>
    public double Inertia { get; }

    /// <summary>Iterations of the best run (scikit-learn's <c>n_iter_</c>).</summary>
    public int Iterations { get; }

    /// <summary>Number of clusters k.</summary>
    public int ClusterCount => _centers.Rows;

    /// <inheritdoc/>
    public int FeatureCount => _centers.Columns;

    /// <inheritdoc/>
    public string ModelKind => "kmeans";

    /// <summary>Index of the nearest centre of each row. O(n·k·d).</summary>
    /// <exception cref="InvalidInputException">Wrong feature count or non-finite values.</exception>
    public int[] Predict(Matrix x)
    {
        Check(x);
        var labels = new int[x.Rows];
        KMeansCore.Assign(x, _centers, labels, new double[x.Rows], Environment.ProcessorCount);
        return labels;
    }

    /// <summary>Euclidean distance of each row to each centre: n × k. O(n·k·d).</summary>
    /// <exception cref="InvalidInputException">Wrong feature count or non-finite values.</exception>
    public Matrix Transform(Matrix x)
    {
        Check(x);
        var d = Distances.SquaredEuclidean(x, _centers);
        System.Numerics.Tensors.TensorPrimitives.Sqrt(d.AsSpan(), d.AsSpan());
        return d;
    }

    /// <summary>Negative inertia of <paramref name="x"/> against the centres: −Σᵢ min_j ‖xᵢ − cⱼ‖² (scikit-learn's <c>score</c>).</summary>
    /// <exception cref="InvalidInputException">Wrong feature count or non-finite values.</exception>
    public double Score(Matrix x)
    {
        var labels = Predict(x);
        double s = 0;
        for (int i = 0; i < x.Rows; i++) s += Distances.SquaredEuclidean(x.Row(i), _centers.Row(labels[i]));
        return -s;
    }

    private void Check(Matrix x)
    {
        InputChecks.FeatureCount(x, FeatureCount, "KMeansModel");
        InputChecks.Finite(x, "KMeansModel");
    }

    /// <inheritdoc/>
    public void WriteTo(ModelWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteHyperparameters(Options);
        writer.WriteMatrix("cluster_centers", _centers);
        writer.WriteInts("labels", _labels);
        writer.SetProperty("inertia", Inertia);
        writer.SetProperty("iterations", Iterations);
    }

    internal static KMeansModel ReadFrom(ModelReader reader)
    {
        var options = reader.ReadHyperparameters<KMeans>();
        var centers = reader.ReadMatrix("cluster_centers");
        var labels = reader.ReadInts("labels");
        foreach (int l in labels)
            if (l < 0 || l >= centers.Rows)
                throw new ModelFormatException($"The model file is damaged: a k-means label {l} is outside 0..{centers.Rows - 1}.");
        return new KMeansModel(options, centers, labels, reader.GetDouble("inertia"), reader.GetInt("iterations"));
    }
}
