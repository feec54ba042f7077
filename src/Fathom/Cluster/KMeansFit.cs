using System.Collections.ObjectModel;
using Fathom.Core;
using Fathom.Linear;
using Fathom.Numerics;
using Fathom.Persistence;

namespace Fathom.Cluster;

/// <summary>
/// What the fitted k-means models (<see cref="KMeansModel"/>, <see cref="MiniBatchKMeansModel"/>) have in common:
/// the k × d cluster centres, the training labels and inertia, nearest-centre assignment, distances to the centres,
/// and the part of the saved model they share (hyperparameters, <c>cluster_centers</c>, <c>labels</c>,
/// <c>inertia</c>, written in that order). Immutable and thread-safe.
/// </summary>
internal sealed class KMeansFit
{
    private readonly int[] _labels;
    private readonly string _modelName;

    /// <summary>Wraps the centres and training labels (neither is copied) and the training inertia of the model
    /// named <paramref name="modelName"/> (the name input errors report).</summary>
    internal KMeansFit(Matrix centers, int[] labels, double inertia, string modelName)
    {
        Centers = centers;
        _labels = labels;
        Inertia = inertia;
        _modelName = modelName;
    }

    /// <summary>The centres, k × d (not a copy: never hand it out).</summary>
    internal Matrix Centers { get; }

    /// <summary>The training labels, read-only.</summary>
    internal IReadOnlyList<int> Labels => new ReadOnlyCollection<int>(_labels);

    /// <summary>The training inertia as the fitting algorithm defines it.</summary>
    internal double Inertia { get; }

    /// <summary>Number of clusters k.</summary>
    internal int ClusterCount => Centers.Rows;

    /// <summary>Number of features d.</summary>
    internal int FeatureCount => Centers.Columns;

    /// <summary>Index of the nearest centre of each row, by <see cref="KMeansCore.Assign"/>. O(n·k·d).</summary>
    /// <exception cref="InvalidInputException">Wrong feature count or non-finite values.</exception>
    internal int[] Predict(Matrix x)
    {
        Check(x);
        var labels = new int[x.Rows];
        KMeansCore.Assign(x, Centers, labels, new double[x.Rows], Environment.ProcessorCount);
        return labels;
    }

    /// <summary>Euclidean distance of each row to each centre, n × k: the square root of
    /// <see cref="Distances.SquaredEuclidean(Matrix, Matrix, int)"/>. O(n·k·d).</summary>
    /// <exception cref="InvalidInputException">Wrong feature count or non-finite values.</exception>
    internal Matrix Transform(Matrix x)
    {
        Check(x);
        var d = Distances.SquaredEuclidean(x, Centers);
        System.Numerics.Tensors.TensorPrimitives.Sqrt(d.AsSpan(), d.AsSpan());
        return d;
    }

    /// <summary>−Σᵢ ‖xᵢ − c₍ₚᵢ₎‖² with pᵢ the <see cref="Predict"/> of row i. O(n·k·d).</summary>
    /// <exception cref="InvalidInputException">Wrong feature count or non-finite values.</exception>
    internal double Score(Matrix x)
    {
        var labels = Predict(x);
        double s = 0;
        for (int i = 0; i < x.Rows; i++) s += Distances.SquaredEuclidean(x.Row(i), Centers.Row(labels[i]));
        return -s;
    }

    /// <summary>Writes the shared part of the saved model: the hyperparameters of <paramref name="options"/>,
    /// <c>cluster_centers</c>, <c>labels</c> and the <c>inertia</c> property. The model adds its own
    /// properties after this.</summary>
    internal void WriteTo(ModelWriter writer, object options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteHyperparameters(options);
        writer.WriteMatrix("cluster_centers", Centers);
        writer.WriteInts("labels", _labels);
        writer.SetProperty("inertia", Inertia);
    }

    /// <summary>Reads <c>cluster_centers</c> and <c>labels</c> (after the model has read its hyperparameters),
    /// checks every label is a centre index (<paramref name="labelKind"/> names the label in that error, e.g.
    /// "a k-means label"), then reads <c>inertia</c>.</summary>
    /// <exception cref="ModelFormatException">Missing or damaged arrays or inertia, or a label outside 0..k−1.</exception>
    internal static KMeansFit ReadFrom(ModelReader reader, string modelName, string labelKind)
    {
        var centers = reader.ReadMatrix("cluster_centers");
        var labels = reader.ReadInts("labels");
        foreach (int l in labels)
            if (l < 0 || l >= centers.Rows)
                throw new ModelFormatException($"The model file is damaged: {labelKind} {l} is outside 0..{centers.Rows - 1}.");
        return new KMeansFit(centers, labels, reader.GetDouble("inertia"), modelName);
    }

    private void Check(Matrix x)
    {
        InputChecks.FeatureCount(x, FeatureCount, _modelName);
        InputChecks.Finite(x, _modelName);
    }
}
