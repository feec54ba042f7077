using System.Collections.ObjectModel;
using Fathom.Core;
using Fathom.Linear;
using Fathom.Numerics;
using Fathom.Persistence;

namespace Fathom.Cluster;

/// <summary>
/// A fitted <see cref="MiniBatchKMeans"/>: the centres, the labels and inertia of all training rows, and the
/// number of steps taken. <see cref="Predict"/> assigns new rows to the nearest centre. Immutable and thread-safe.
/// </summary>
public sealed class MiniBatchKMeansModel : IClusterPredictor
{
    private readonly Matrix _centers;
    private readonly int[] _labels;

    internal MiniBatchKMeansModel(MiniBatchKMeans options, Matrix centers, int[] labels, double inertia, int steps)
    {
        Options = options;
        _centers = centers;
        _labels = labels;
        Inertia = inertia;
        Steps = steps;
    }

    /// <summary>The hyperparameters it was fitted with.</summary>
    public MiniBatchKMeans Options { get; }

    /// <summary>Cluster centres, k × features (a copy).</summary>
    public Matrix ClusterCenters => _centers.Clone();

    /// <inheritdoc/>
    public IReadOnlyList<int> Labels => new ReadOnlyCollection<int>(_labels);

    /// <summary>Σᵢ ‖xᵢ − c₍ₗᵢ₎‖² over all training rows with the final centres (scikit-learn's <c>inertia_</c>).</summary>
    public double Inertia { get; }

    /// <summary>Mini-batch steps taken (scikit-learn's <c>n_steps_</c>).</summary>
    public int Steps { get; }

    /// <summary>Number of clusters k.</summary>
    public int ClusterCount => _centers.Rows;

    /// <inheritdoc/>
    public int FeatureCount => _centers.Columns;

    /// <inheritdoc/>
    public string ModelKind => "minibatch-kmeans";

    /// <summary>Index of the nearest centre of each row. O(n·k·d).</summary>
    /// <exception cref="InvalidInputException">Wrong feature count or non-finite values.</exception>
    public int[] Predict(Matrix x)
    {
        InputChecks.FeatureCount(x, FeatureCount, "MiniBatchKMeansModel");
        InputChecks.Finite(x, "MiniBatchKMeansModel");
        var labels = new int[x.Rows];
        KMeansCore.Assign(x, _centers, labels, new double[x.Rows], Environment.ProcessorCount);
        return labels;
    }

    /// <inheritdoc/>
    public void WriteTo(ModelWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteHyperparameters(Options);
        writer.WriteMatrix("cluster_centers", _centers);
        writer.WriteInts("labels", _labels);
        writer.SetProperty("inertia", Inertia);
        writer.SetProperty("steps", Steps);
    }

    internal static MiniBatchKMeansModel ReadFrom(ModelReader reader)
    {
        var options = reader.ReadHyperparameters<MiniBatchKMeans>();
        var centers = reader.ReadMatrix("cluster_centers");
        var labels = reader.ReadInts("labels");
        foreach (int l in labels)
            if (l < 0 || l >= centers.Rows)
                throw new ModelFormatException($"The model file is damaged: a mini-batch k-means label {l} is outside 0..{centers.Rows - 1}.");
        return new MiniBatchKMeansModel(options, centers, labels, reader.GetDouble("inertia"), reader.GetInt("steps"));
    }
}
