using System.Collections.ObjectModel;
using Fathom.Core;
using Fathom.Numerics;
using Fathom.Persistence;

namespace Fathom.Cluster;

/// <summary>
/// A fitted <see cref="DBSCAN"/>: the label of each training row (−1 = noise), the core samples and their
/// values. DBSCAN has no rule for new rows (as in scikit-learn); the model keeps the training result.
/// Immutable and thread-safe.
/// </summary>
public sealed class DBSCANModel : IClusteringModel
{
    private readonly int[] _labels;
    private readonly int[] _core;
    private readonly Matrix _components;

    internal DBSCANModel(DBSCAN options, int featureCount, int[] labels, int[] coreSampleIndices, Matrix components)
    {
        Options = options;
        FeatureCount = featureCount;
        _labels = labels;
        _core = coreSampleIndices;
        _components = components;
        ClusterCount = labels.Length == 0 ? 0 : labels.Max() + 1;
    }

    /// <summary>The hyperparameters it was fitted with.</summary>
    public DBSCAN Options { get; }

    /// <inheritdoc/>
    public IReadOnlyList<int> Labels => new ReadOnlyCollection<int>(_labels);

    /// <summary>Indices of the core samples, ascending (scikit-learn's <c>core_sample_indices_</c>).</summary>
    public IReadOnlyList<int> CoreSampleIndices => new ReadOnlyCollection<int>(_core);

    /// <summary>The core samples' rows, in <see cref="CoreSampleIndices"/> order (scikit-learn's <c>components_</c>), as a copy.</summary>
    public Matrix Components => _components.Clone();

    /// <summary>Number of clusters found (labels 0 … ClusterCount − 1).</summary>
    public int ClusterCount { get; }

    /// <summary>Number of noise rows (label −1).</summary>
    public int NoiseCount => _labels.Count(l => l < 0);

    /// <inheritdoc/>
    public int FeatureCount { get; }

    /// <inheritdoc/>
    public string ModelKind => "dbscan";

    /// <inheritdoc/>
    public void WriteTo(ModelWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteHyperparameters(Options);
        writer.SetProperty("feature_count", FeatureCount);
        writer.WriteInts("labels", _labels);
        writer.WriteInts("core_sample_indices", _core);
        writer.WriteMatrix("components", _components);
    }

    internal static DBSCANModel ReadFrom(ModelReader reader)
    {
        var options = reader.ReadHyperparameters<DBSCAN>();
        int p = reader.GetInt("feature_count");
        var labels = reader.ReadInts("labels");
        var core = reader.ReadInts("core_sample_indices");
        var components = reader.ReadMatrix("components");
        if (components.Rows != core.Length || (core.Length > 0 && components.Columns != p))
            throw new ModelFormatException("The model file is damaged: DBSCAN core samples and their values disagree in size.");
        foreach (int c in core)
            if (c < 0 || c >= labels.Length) throw new ModelFormatException($"The model file is damaged: core sample index {c} is outside the training rows.");
        if (core.Length == 0) components = new Matrix(0, p);
        return new DBSCANModel(options, p, labels, core, components);
    }
}
