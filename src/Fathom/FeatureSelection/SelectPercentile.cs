using Fathom.Core;
using Fathom.Data;
using Fathom.Preprocessing;

namespace Fathom.FeatureSelection;

/// <summary>
/// Keeps the columns whose univariate score is in the top <see cref="Percentile"/> percent, like scikit-learn's
/// <c>SelectPercentile</c>: the threshold is the (100 − percentile)-th percentile of the scores (NumPy's linear
/// method); scores above it are kept, and tied scores at it are added in column order until
/// ⌊p·percentile/100⌋ columns are kept. O(n·p + p log p).
/// </summary>
public sealed record SelectPercentile : IEstimator
{
    /// <summary>Percent of columns kept (default 10).</summary>
    [Hyperparameter("Percent of the columns kept (by score).", Min = 0, Max = 100)]
    public double Percentile { get; init; } = 10;

    /// <summary>The univariate test (default f_classif).</summary>
    [Hyperparameter("Univariate test: f_classif, f_regression or chi2.")]
    public ScoreFunction ScoreFunc { get; init; } = ScoreFunction.FClassif;

    /// <inheritdoc/>
    public EstimatorTags Tags { get; } = new() { SupportsSampleWeight = false };

    /// <summary>Scores every column against <paramref name="y"/> and keeps the top percentile.</summary>
    /// <exception cref="InvalidInputException">As <see cref="SelectKBest.Fit"/>.</exception>
    public FeatureSelectionModel Fit(DataFrame x, double[] y, FitContext? context = null)
    {
        Hyperparameters.Validate(this);
        var (names, kinds, cols) = SelectionInput.Read(x, y, nameof(SelectPercentile));
        var (scores, p) = UnivariateScores.Compute(ScoreFunc, cols, y);
        int n = names.Length;
        var support = new bool[n];
        if (Percentile >= 100) Array.Fill(support, true);
        else if (Percentile > 0)
        {
            var clean = scores.Select(SelectionInput.Clean).ToArray();
            var sorted = (double[])clean.Clone();
            Array.Sort(sorted);
            double threshold = Percentiles.Percentile(sorted, 100 - Percentile);
            for (int j = 0; j < n; j++) support[j] = clean[j] > threshold;
            int maxFeatures = (int)(n * Percentile / 100);
            int room = maxFeatures - support.Count(b => b);
            for (int j = 0; j < n && room > 0; j++)
                if (clean[j] == threshold) { support[j] = true; room--; }
        }
        return new FeatureSelectionModel("select-percentile", this, names, kinds, support, scores, p);
    }
}
