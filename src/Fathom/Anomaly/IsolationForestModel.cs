using System.Globalization;
using Fathom.Core;
using Fathom.Linear;
using Fathom.Numerics;
using Fathom.Persistence;

namespace Fathom.Anomaly;

/// <summary>
/// A fitted <see cref="IsolationForest"/>: the trees, ψ (<see cref="MaxSamplesUsed"/>) and the offset. Immutable and
/// thread-safe. <see cref="ScoreSamples(Matrix)"/> = −2^(−E[h(x)]/c(ψ)) (higher = more normal, in [−1, 0]);
/// <see cref="DecisionFunction"/> = score − <see cref="Offset"/>; <see cref="Predict"/> = −1 where that is negative.
/// </summary>
public sealed class IsolationForestModel : IOutlierModel
{
    private const int Chunk = 128; // rows scored together, so each tree's nodes stay in cache across them

    private readonly IsolationNode[] _nodes;
    private readonly int[] _roots;

    internal IsolationForestModel(IsolationForest options, int featureCount, int maxSamples, (IsolationNode[] Nodes, int[] Roots) forest, double offset)
    {
        Options = options;
        FeatureCount = featureCount;
        MaxSamplesUsed = maxSamples;
        (_nodes, _roots) = forest;
        Offset = offset;
    }

    /// <summary>A copy with another offset (the nodes are shared; they never change).</summary>
    internal IsolationForestModel WithOffset(double offset) => new(Options, FeatureCount, MaxSamplesUsed, (_nodes, _roots), offset);

    /// <summary>The hyperparameters it was fitted with.</summary>
    public IsolationForest Options { get; }

    /// <inheritdoc/>
    public int FeatureCount { get; }

    /// <summary>ψ, the rows drawn per tree (scikit-learn's <c>max_samples_</c>).</summary>
    public int MaxSamplesUsed { get; }

    /// <summary>Number of trees.</summary>
    public int TreeCount => _roots.Length;

    /// <summary>Total number of nodes over all trees.</summary>
    public int NodeCount => _nodes.Length;

    /// <inheritdoc/>
    /// <remarks>−0.5 when <see cref="IsolationForest.Contamination"/> is null ("auto"), else that quantile of the training scores.</remarks>
    public double Offset { get; }

    /// <inheritdoc/>
    public string ModelKind => "isolation-forest";

    /// <summary>
    /// −2^(−E[h(x)]/c(ψ)) per row, where E[h(x)] is the mean over trees of (depth of the leaf reached + c(rows left in
    /// it)). Near −1: isolated at once (outlier); −0.5 or above: normal. Uses all processors; O(m·T·log ψ).
    /// </summary>
    /// <exception cref="InvalidInputException">Wrong column count or NaN/infinity.</exception>
    public double[] ScoreSamples(Matrix x) => ScoreSamples(x, 0);

    /// <summary><see cref="ScoreSamples(Matrix)"/> on at most <paramref name="threads"/> threads (0 = all); the result does not depend on it.</summary>
    /// <exception cref="InvalidInputException">Wrong column count or NaN/infinity.</exception>
    public double[] ScoreSamples(Matrix x, int threads)
    {
        InputChecks.FeatureCount(x, FeatureCount, nameof(IsolationForestModel));
        InputChecks.Finite(x, nameof(IsolationForestModel));
        int m = x.Rows, p = x.Columns;
        var scores = new double[m];
        double norm = -1.0 / (TreeCount * IsolationForest.AveragePathLength(MaxSamplesUsed));
        var options = new ParallelOptions { MaxDegreeOfParallelism = threads > 0 ? threads : Environment.ProcessorCount };
        Parallel.For(0, (m + Chunk - 1) / Chunk, options, () => new double[Chunk * p], (c, _, buffer) =>
        {
            int start = c * Chunk, rows = Math.Min(Chunk, m - start);
            for (int r = 0; r < rows; r++) x.Row(start + r).CopyTo(buffer.AsSpan(r * p, p));
            var sums = scores.AsSpan(start, rows);
            var nodes = _nodes;
            foreach (int root in _roots)
            {
                for (int r = 0; r < rows; r++)
                {
                    int i = root;
                    int off = r * p;
                    while (true)
                    {
                        ref readonly var node = ref nodes[i];
                        if (node.Feature < 0)
                        {
                            sums[r] += node.Value;
                            break;
                        }
                        i = buffer[off + node.Feature] <= node.Value ? node.Left : node.Left + 1;
                    }
                }
            }
            for (int r = 0; r < rows; r++) sums[r] = -Math.Pow(2.0, sums[r] * norm);
            return buffer;
        }, _ => { });
        return scores;
    }

    /// <inheritdoc/>
    /// <exception cref="InvalidInputException">Wrong column count or NaN/infinity.</exception>
    public double[] DecisionFunction(Matrix x)
    {
        var s = ScoreSamples(x);
        for (int i = 0; i < s.Length; i++) s[i] -= Offset;
        return s;
    }

    /// <inheritdoc/>
    /// <exception cref="InvalidInputException">Wrong column count or NaN/infinity.</exception>
    public int[] Predict(Matrix x) => DecisionFunction(x).Select(d => d < 0 ? -1 : 1).ToArray();

    /// <inheritdoc/>
    public void WriteTo(ModelWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteHyperparameters(Options);
        writer.SetProperty("feature_count", FeatureCount);
        writer.SetProperty("max_samples", MaxSamplesUsed);
        writer.SetProperty("offset", Offset);
        writer.WriteInts("roots", _roots);
        writer.WriteInts("node_feature", _nodes.Select(n => n.Feature).ToArray());
        writer.WriteInts("node_left", _nodes.Select(n => n.Left).ToArray());
        writer.WriteDoubles("node_value", _nodes.Select(n => n.Value).ToArray());
    }

    internal static IsolationForestModel ReadFrom(ModelReader reader)
    {
        var options = reader.ReadHyperparameters<IsolationForest>();
        int p = reader.GetInt("feature_count");
        int psi = reader.GetInt("max_samples");
        double offset = reader.GetDouble("offset");
        var roots = reader.ReadInts("roots");
        var feature = reader.ReadInts("node_feature");
        var left = reader.ReadInts("node_left", feature.Length);
        var value = reader.ReadDoubles("node_value", feature.Length);
        var nodes = new IsolationNode[feature.Length];
        for (int i = 0; i < nodes.Length; i++)
        {
            bool leaf = feature[i] < 0;
            if (!leaf && (feature[i] >= p || left[i] <= i || left[i] + 1 >= nodes.Length))
                throw new ModelFormatException(string.Create(CultureInfo.InvariantCulture, $"The model file is damaged: isolation tree node {i} points outside the tree or the features."));
            nodes[i] = new IsolationNode(leaf ? -1 : feature[i], leaf ? -1 : left[i], value[i]);
        }
        foreach (int r in roots)
            if (r < 0 || r >= nodes.Length) throw new ModelFormatException("The model file is damaged: an isolation tree root is outside the nodes.");
        if (roots.Length == 0 || psi < 1) throw new ModelFormatException("The model file is damaged: an isolation forest needs trees and max_samples ≥ 1.");
        return new IsolationForestModel(options, p, psi, (nodes, roots), offset);
    }
}
