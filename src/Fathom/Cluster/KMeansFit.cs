using System.Collections.ObjectModel;
using Fathom.Core;
using Fathom.Linear;
using Fathom.Numerics;
using Fathom.Persistence;

namespace Fathom.Cluster;

/// <summary>
/// The state and behaviour the fitted k-means models (<see cref="KMeansModel"/>, <see cref="MiniBatchKMeansModel"/>)
/// share: the hyperparameters, the k × d cluster centres, the training labels and inertia, the iteration (or step)
/// count; nearest-centre assignment, distances to the centres, the score; and the saved form (hyperparameters,
/// <c>cluster_centers</c>, <c>labels</c>, the <c>inertia</c> property, then the count property, in that order).
/// Immutable and thread-safe.
/// </summary>
/// <typeparam name="TOptions">The estimator type whose hyperparameters are kept (<see cref="KMeans"/> or
/// <see cref="MiniBatchKMeans"/>).</typeparam>
internal sealed class KMeansFit<TOptions> where TOptions : class, new()
{
    private readonly int[] _labels;
    private readonly string _modelName;
    private readonly string _iterationsKey;

    /// <summary>Wraps a fitted model's state; neither <paramref name="centers"/> nor <paramref name="labels"/> is
    /// copied. <paramref name="modelName"/> is the name input errors report; <paramref name="iterationsKey"/> is
    /// the property the count is saved under.</summary>
    internal KMeansFit(TOptions options, Matrix centers, int[] labels, double inertia, int iterations, string modelName, string iterationsKey)
    {
        Options = options;
        Centers = centers;
        _labels = labels;
        Inertia = inertia;
        Iterations = iterations;
        _modelName = modelName;
        _iterationsKey = iterationsKey;
    }

    /// <summary>The hyperparameters the model was fitted with.</summary>
    internal TOptions Options { get; }

    /// <summary>The centres, k × d (not a copy: never hand it out).</summary>
    internal Matrix Centers { get; }

    /// <summary>The training labels, read-only.</summary>
    internal IReadOnlyList<int> Labels => new ReadOnlyCollection<int>(_labels);

    /// <summary>The training inertia as the fitting algorithm defines it.</summary>
    internal double Inertia { get; }

    /// <summary>Iterations of the best run (k-means) or mini-batch steps taken (mini-batch k-means).</summary>
    internal int Iterations { get; }

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

    /// <summary>Writes the model: hyperparameters, <c>cluster_centers</c>, <c>labels</c>, then the <c>inertia</c>
    /// and count properties.</summary>
    internal void WriteTo(ModelWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteHyperparameters(Options);
        writer.WriteMatrix("cluster_centers", Centers);
        writer.WriteInts("labels", _labels);
        writer.SetProperty("inertia", Inertia);
        writer.SetProperty(_iterationsKey, Iterations);
    }

    /// <summary>Reads what <see cref="WriteTo"/> wrote, in the same order, and checks every label is a centre
    /// index (<paramref name="labelKind"/> names the label in that error, e.g. "a k-means label").</summary>
    /// <exception cref="ModelFormatException">Invalid hyperparameters, missing or damaged arrays or properties,
    /// or a label outside 0..k−1.</exception>
    internal static KMeansFit<TOptions> ReadFrom(ModelReader reader, string modelName, string iterationsKey, string labelKind)
    {
        var options = reader.ReadHyperparameters<TOptions>();
        var centers = reader.ReadMatrix("cluster_centers");
        var labels = reader.ReadInts("labels");
        foreach (int l in labels)
            if (l < 0 || l >= centers.Rows)
                throw new ModelFormatException($"The model file is damaged: {labelKind} {l} is outside 0..{centers.Rows - 1}.");
        return new KMeansFit<TOptions>(options, centers, labels, reader.GetDouble("inertia"), reader.GetInt(iterationsKey), modelName, iterationsKey);
    }

    private void Check(Matrix x)
    {
        InputChecks.FeatureCount(x, FeatureCount, _modelName);
        InputChecks.Finite(x, _modelName);
    }
}
