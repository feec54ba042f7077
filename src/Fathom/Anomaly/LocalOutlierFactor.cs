using System.Globalization;
using Fathom.Core;
using Fathom.Linear;
using Fathom.Neighbors;
using Fathom.Numerics;

namespace Fathom.Anomaly;

/// <summary>
/// Local outlier factor (Breunig et al. 2000), as scikit-learn 1.2's <c>LocalOutlierFactor</c>. With k =
/// min(<see cref="NNeighbors"/>, n − 1), the neighbours N(p) of each training row p are its k nearest other rows,
/// k-dist(o) is the distance to o's k-th neighbour, the reachability distance is reach(p, o) = max(k-dist(o), d(p, o)),
/// the local reachability density is lrd(p) = 1 / (mean over o ∈ N(p) of reach(p, o) + 1e-10), and
/// LOF(p) = mean over o ∈ N(p) of lrd(o)/lrd(p). <c>negative_outlier_factor_</c> = −LOF: about −1 for inliers, much
/// lower for outliers.
/// </summary>
/// <remarks>
/// <para><see cref="Contamination"/> null ("auto") puts the offset at −1.5 (as scikit-learn); a value c puts it at the
/// c-quantile (numpy's linear percentile) of the training rows' −LOF. Rows below the offset are outliers.</para>
/// <para>Without <see cref="Novelty"/> the model describes the training rows only (scikit-learn's <c>fit_predict</c>):
/// <see cref="LocalOutlierFactorModel.NegativeOutlierFactor"/> and <see cref="LocalOutlierFactorModel.TrainingLabels"/>;
/// scoring new rows throws, because a training row scored as a new one would count itself among its neighbours. With
/// <see cref="Novelty"/> = true, new rows x are scored against the training rows: −mean over o ∈ N(x) of lrd(o)/lrd(x)
/// with the k nearest training rows N(x).</para>
/// <para>Neighbours come from <see cref="NearestNeighbors"/> (brute force on GEMM distances or KD-tree); ties at the k-th
/// place keep the lowest indices (see there). Fit costs one k-NN query of the training rows against themselves.
/// Deterministic; sample weights are not used (as scikit-learn, which has none here).</para>
/// </remarks>
public sealed record LocalOutlierFactor : IOutlierDetector
{
    /// <summary>Number of neighbours k (default 20); capped at n − 1 with a warning.</summary>
    [Hyperparameter("number of neighbours that define the local density", Min = 1)]
    public int NNeighbors { get; init; } = 20;

    /// <summary>Expected share of outliers: null (default, "auto") puts the offset at −1.5; a value in (0, 0.5] at that quantile of −LOF.</summary>
    [Hyperparameter("expected share of outliers; sets the threshold at that quantile of the training rows' -LOF", Min = 0, MinExclusive = true, Max = 0.5,
        NullMeans = "auto: offset -1.5")]
    public double? Contamination { get; init; }

    /// <summary>Allow scoring new rows (default false: the model describes the training rows only).</summary>
    [Hyperparameter("whether the model scores new rows (novelty detection) rather than only the training rows")]
    public bool Novelty { get; init; }

    /// <summary>Distance: euclidean (default), manhattan, chebyshev, minkowski (with <see cref="P"/>), cosine or nan_euclidean (missing values allowed).</summary>
    [Hyperparameter("distance between rows: euclidean, manhattan, chebyshev, minkowski, cosine or nan_euclidean")]
    public NeighborMetric Metric { get; init; } = NeighborMetric.Euclidean;

    /// <summary>Power p of the minkowski metric (default 2, as scikit-learn; ≥ 1; unused by the other metrics).</summary>
    [Hyperparameter("power p of the minkowski metric", Min = 1)]
    public double P { get; init; } = 2;

    /// <summary>Search: auto (default), brute or kd_tree.</summary>
    [Hyperparameter("neighbour search: auto, brute or kd_tree")]
    public NeighborAlgorithm Algorithm { get; init; } = NeighborAlgorithm.Auto;

    /// <summary>No sample weights; deterministic.</summary>
    public EstimatorTags Tags => new() { SupportsSampleWeight = false, AllowsMissingValues = Metric == NeighborMetric.NanEuclidean };

    /// <summary>Validates, finds each row's neighbours among the others and computes lrd and −LOF.</summary>
    /// <param name="x">Rows (n × p, n ≥ 2), finite.</param>
    /// <param name="sampleWeight">Ignored with a warning (as nearest neighbours in general).</param>
    /// <param name="context">Log (warnings) and thread limit.</param>
    /// <exception cref="InvalidHyperparameterException">A hyperparameter out of range, or kd_tree with manhattan.</exception>
    /// <exception cref="InvalidInputException">Fewer than 2 rows, NaN/infinity.</exception>
    public LocalOutlierFactorModel Fit(Matrix x, double[]? sampleWeight = null, FitContext? context = null)
    {
        Hyperparameters.Validate(this);
        const string who = nameof(LocalOutlierFactor);
        NeighborFit.CheckPoints(x, Metric, who);
        context ??= FitContext.Default;
        if (sampleWeight is not null)
        {
            InputChecks.Weights(sampleWeight, x.Rows, who);
            context.Warn($"{who}: sample weights are not used by the local outlier factor (as in scikit-learn); they were ignored.");
        }
        int n = x.Rows;
        if (n < 2) throw new InvalidInputException($"{who}: needs at least 2 rows to find neighbours; got {n}.");
        int k = NNeighbors;
        if (k > n - 1)
        {
            context.Warn(string.Create(CultureInfo.InvariantCulture, $"{who}: n_neighbors = {k} is not below the {n} rows; {n - 1} neighbours are used."));
            k = n - 1;
        }
        var index = NearestNeighbors.Create(x.Clone(), Metric, Algorithm, k, P);
        var nb = index.KNeighborsOfPoints(k, context.ThreadCount);
        var kDistance = new double[n];
        for (int i = 0; i < n; i++) kDistance[i] = nb.Distances[i, k - 1];
        var lrd = Densities(nb, kDistance);
        var nof = Scores(nb, lrd, lrd);
        double offset = Contamination is double c ? Dummy.DummyRegressor.Percentile(nof, 100.0 * c) : -1.5;
        return new LocalOutlierFactorModel(this, k, index, kDistance, lrd, nof, offset);
    }

    IOutlierModel IOutlierDetector.Fit(Matrix x, double[]? sampleWeight, FitContext? context) => Fit(x, sampleWeight, context);

    /// <summary>lrd of each query row: 1 / (mean of max(k-dist(o), d(query, o)) over its neighbours o + 1e-10).</summary>
    internal static double[] Densities(NeighborResult nb, double[] kDistance)
    {
        int m = nb.QueryCount, k = nb.K;
        var lrd = new double[m];
        for (int i = 0; i < m; i++)
        {
            var ids = nb.IndicesOf(i);
            var d = nb.Distances.Row(i);
            double sum = 0;
            for (int j = 0; j < k; j++) sum += Math.Max(d[j], kDistance[ids[j]]);
            lrd[i] = 1.0 / (sum / k + 1e-10);
        }
        return lrd;
    }

    /// <summary>−mean over the neighbours o of lrd(o)/lrd(query) (ratios first, then the mean, as scikit-learn).</summary>
    internal static double[] Scores(NeighborResult nb, double[] trainLrd, double[] queryLrd)
    {
        int m = nb.QueryCount, k = nb.K;
        var s = new double[m];
        for (int i = 0; i < m; i++)
        {
            var ids = nb.IndicesOf(i);
            double sum = 0;
            for (int j = 0; j < k; j++) sum += trainLrd[ids[j]] / queryLrd[i];
            s[i] = -(sum / k);
        }
        return s;
    }
}
