using System.Collections.ObjectModel;
using Fathom.Core;
using Fathom.Neighbors;
using Fathom.Numerics;
using Fathom.Persistence;

namespace Fathom.Anomaly;

/// <summary>
/// A fitted <see cref="LocalOutlierFactor"/>: the indexed training rows with their k-distance and local reachability
/// density, the training rows' −LOF and the offset. Immutable and thread-safe.
/// </summary>
public sealed class LocalOutlierFactorModel : IOutlierModel
{
    private readonly double[] _kDistance;
    private readonly double[] _lrd;
    private readonly double[] _nof;

    internal LocalOutlierFactorModel(LocalOutlierFactor options, int k, NearestNeighbors index, double[] kDistance, double[] lrd, double[] nof, double offset)
    {
        Options = options;
        NeighborsUsed = k;
        Index = index;
        _kDistance = kDistance;
        _lrd = lrd;
        _nof = nof;
        Offset = offset;
    }

    /// <summary>The hyperparameters it was fitted with.</summary>
    public LocalOutlierFactor Options { get; }

    /// <summary>k actually used: min(n_neighbors, n − 1) (scikit-learn's <c>n_neighbors_</c>).</summary>
    public int NeighborsUsed { get; }

    /// <summary>The neighbour index over the training rows.</summary>
    public NearestNeighbors Index { get; }

    /// <inheritdoc/>
    public int FeatureCount => Index.Dimensions;

    /// <inheritdoc/>
    public string ModelKind => "local-outlier-factor";

    /// <inheritdoc/>
    /// <remarks>−1.5 for contamination "auto", else that quantile of <see cref="NegativeOutlierFactor"/>.</remarks>
    public double Offset { get; }

    /// <summary>−LOF of each training row (scikit-learn's <c>negative_outlier_factor_</c>): about −1 for inliers, lower for outliers.</summary>
    public IReadOnlyList<double> NegativeOutlierFactor => new ReadOnlyCollection<double>(_nof);

    /// <summary>Local reachability density of each training row.</summary>
    public IReadOnlyList<double> LocalReachabilityDensity => new ReadOnlyCollection<double>(_lrd);

    /// <summary>Distance of each training row to its k-th neighbour.</summary>
    public IReadOnlyList<double> KDistance => new ReadOnlyCollection<double>(_kDistance);

    /// <inheritdoc/>
    public IReadOnlyList<double>? TrainingScores => NegativeOutlierFactor;

    /// <summary>−1 for training rows whose −LOF is below <see cref="Offset"/>, +1 otherwise (scikit-learn's <c>fit_predict</c>).</summary>
    public IReadOnlyList<int> TrainingLabels => _nof.Select(v => v < Offset ? -1 : 1).ToArray();

    /// <summary>
    /// Novelty score of new rows: −mean over their k nearest training rows o of lrd(o)/lrd(row). Only with
    /// <see cref="LocalOutlierFactor.Novelty"/> = true.
    /// </summary>
    /// <exception cref="InvalidOperationException">Fitted without novelty: use <see cref="NegativeOutlierFactor"/> for the training rows.</exception>
    /// <exception cref="InvalidInputException">Wrong column count or NaN/infinity.</exception>
    public double[] ScoreSamples(Matrix x)
    {
        if (!Options.Novelty)
            throw new InvalidOperationException("This LocalOutlierFactor was fitted with novelty = false: it describes its training rows only (NegativeOutlierFactor, TrainingLabels). Fit with novelty = true to score new rows.");
        NeighborFit.CheckQuery(x, FeatureCount, nameof(LocalOutlierFactorModel), Options.Metric);
        var nb = Index.Search(x, NeighborsUsed, 0);
        return LocalOutlierFactor.Scores(nb, _lrd, LocalOutlierFactor.Densities(nb, _kDistance));
    }

    /// <inheritdoc/>
    /// <exception cref="InvalidOperationException">Fitted without novelty.</exception>
    /// <exception cref="InvalidInputException">Wrong column count or NaN/infinity.</exception>
    public double[] DecisionFunction(Matrix x)
    {
        var s = ScoreSamples(x);
        for (int i = 0; i < s.Length; i++) s[i] -= Offset;
        return s;
    }

    /// <inheritdoc/>
    /// <exception cref="InvalidOperationException">Fitted without novelty.</exception>
    /// <exception cref="InvalidInputException">Wrong column count or NaN/infinity.</exception>
    public int[] Predict(Matrix x) => DecisionFunction(x).Select(d => d < 0 ? -1 : 1).ToArray();

    /// <inheritdoc/>
    public void WriteTo(ModelWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteHyperparameters(Options);
        writer.SetProperty("n_neighbors_used", NeighborsUsed);
        writer.SetProperty("offset", Offset);
        writer.WriteMatrix("points", Index.Points);
        writer.WriteDoubles("k_distance", _kDistance);
        writer.WriteDoubles("lrd", _lrd);
        writer.WriteDoubles("negative_outlier_factor", _nof);
    }

    internal static LocalOutlierFactorModel ReadFrom(ModelReader reader)
    {
        var options = reader.ReadHyperparameters<LocalOutlierFactor>();
        int k = reader.GetInt("n_neighbors_used");
        double offset = reader.GetDouble("offset");
        var points = reader.ReadMatrix("points");
        var kd = reader.ReadDoubles("k_distance", points.Rows);
        var lrd = reader.ReadDoubles("lrd", points.Rows);
        var nof = reader.ReadDoubles("negative_outlier_factor", points.Rows);
        if (k < 1 || k >= points.Rows || points.Columns < 1)
            throw new ModelFormatException("The model file is damaged: the training rows and n_neighbors of a local outlier factor model do not fit together.");
        var index = NearestNeighbors.Create(points, options.Metric, options.Algorithm, k, options.P);
        return new LocalOutlierFactorModel(options, k, index, kd, lrd, nof, offset);
    }
}
