using System.Collections.ObjectModel;
using Fathom.Core;
using Fathom.Linear;
using Fathom.Neighbors;
using Fathom.Numerics;
using Fathom.Persistence;

namespace Fathom.Cluster;

/// <summary>A fitted <see cref="MeanShift"/>: the modes found and the label of each training row. Immutable.</summary>
public sealed class MeanShiftModel : IClusterPredictor
{
    private readonly Matrix _centres;
    private readonly int[] _labels;

    internal MeanShiftModel(MeanShift parameters, Matrix centres, double bandwidth, int[] labels, int iterations)
    {
        Parameters = parameters;
        _centres = centres;
        Bandwidth = bandwidth;
        _labels = labels;
        Iterations = iterations;
    }

    /// <summary>The hyperparameters the model was fitted with.</summary>
    public MeanShift Parameters { get; }

    /// <summary>The modes (cluster centres), strongest first; row c is cluster c.</summary>
    public Matrix ClusterCenters => _centres.Clone();

    /// <summary>The bandwidth used (given or estimated).</summary>
    public double Bandwidth { get; }

    /// <summary>Most steps any seed took (scikit-learn's <c>n_iter_</c>).</summary>
    public int Iterations { get; }

    /// <summary>Number of clusters found.</summary>
    public int ClusterCount => _centres.Rows;

    /// <inheritdoc/>
    public IReadOnlyList<int> Labels => new ReadOnlyCollection<int>(_labels);

    /// <inheritdoc/>
    public int FeatureCount => _centres.Columns;

    /// <inheritdoc/>
    public string ModelKind => "mean-shift";

    /// <summary>The nearest centre of each row (ties to the stronger centre). O(n · k · p).</summary>
    /// <exception cref="InvalidInputException">Wrong feature count or non-finite values.</exception>
    public int[] Predict(Matrix x) => Assign(x, clusterAll: true);

    internal int[] Assign(Matrix x, bool clusterAll)
    {
        InputChecks.FeatureCount(x, FeatureCount, nameof(MeanShiftModel));
        InputChecks.Finite(x, nameof(MeanShiftModel));
        var nn = NearestNeighbors.Build(_centres).KNeighbors(x, 1);
        var labels = new int[x.Rows];
        for (int i = 0; i < labels.Length; i++)
            labels[i] = clusterAll || nn.Distances[i, 0] <= Bandwidth ? nn[i, 0] : -1;
        return labels;
    }

    internal MeanShiftModel WithLabels(int[] labels) => new(Parameters, _centres, Bandwidth, labels, Iterations);

    /// <inheritdoc/>
    public void WriteTo(ModelWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteHyperparameters(Parameters);
        writer.WriteMatrix("centres", _centres);
        writer.WriteInts("labels", _labels);
        writer.SetProperty("bandwidth", Bandwidth);
        writer.SetProperty("iterations", Iterations);
    }

    internal static MeanShiftModel ReadFrom(ModelReader reader)
    {
        var parameters = reader.ReadHyperparameters<MeanShift>();
        var centres = reader.ReadMatrix("centres");
        if (centres.Rows < 1 || centres.Columns < 1) throw new ModelFormatException("The model file is damaged: a mean-shift model has no centres.");
        return new MeanShiftModel(parameters, centres, reader.GetDouble("bandwidth"), reader.ReadInts("labels"), reader.GetInt("iterations"));
    }
}
