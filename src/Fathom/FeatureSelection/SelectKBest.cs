using Fathom.Core;
using Fathom.Data;

namespace Fathom.FeatureSelection;

/// <summary>
/// Keeps the <see cref="K"/> columns with the highest univariate score, like scikit-learn's <c>SelectKBest</c>:
/// scores from <see cref="ScoreFunc"/> (f_classif by default; see <see cref="UnivariateScores"/>), NaN scores
/// lowest, ties resolved as scikit-learn (a stable ascending sort, the last K kept, so a later column wins a
/// tie). It needs the target, so it is an <see cref="IEstimator"/> with <c>Fit(x, y)</c>; its model is an
/// <see cref="ITransformerModel"/>. O(n·p + p log p).
/// </summary>
public sealed record SelectKBest : IEstimator
{
    /// <summary>Number of columns kept (default 10; all when there are fewer).</summary>
    [Hyperparameter("Number of columns kept (all of them when there are fewer).", Min = 0)]
    public int K { get; init; } = 10;

    /// <summary>The univariate test (default f_classif).</summary>
    [Hyperparameter("Univariate test: f_classif, f_regression or chi2.")]
    public ScoreFunction ScoreFunc { get; init; } = ScoreFunction.FClassif;

    /// <inheritdoc/>
    public EstimatorTags Tags { get; } = new() { SupportsSampleWeight = false };

    /// <summary>Scores every column against <paramref name="y"/> (class labels for f_classif and chi2) and keeps the best K.</summary>
    /// <exception cref="InvalidInputException">No rows or columns; a text, date or missing value; a bad target;
    /// a negative value with chi2.</exception>
    public FeatureSelectionModel Fit(DataFrame x, double[] y, FitContext? context = null)
    {
        Hyperparameters.Validate(this);
        var (names, kinds, cols) = SelectionInput.Read(x, y, nameof(SelectKBest));
        var (scores, p) = UnivariateScores.Compute(ScoreFunc, cols, y);
        int k = Math.Min(K, names.Length);
        if (K > names.Length) context?.Warn($"SelectKBest: k = {K} is above the {names.Length} columns; all are kept.");
        var order = Enumerable.Range(0, names.Length).OrderBy(j => SelectionInput.Clean(scores[j])).ToArray(); // stable
        var support = new bool[names.Length];
        foreach (int j in order.Skip(names.Length - k)) support[j] = true;
        return new FeatureSelectionModel("select-k-best", this, names, kinds, support, scores, p);
    }
}
