using Fathom.Core;
using Fathom.Data;

namespace Fathom.FeatureSelection;

/// <summary>
/// Greedy forward or backward selection by cross-validated score, like scikit-learn's
/// <c>SequentialFeatureSelector</c>: at each step every remaining candidate column is tried (added, or removed
/// when backward), scored by the mean <see cref="Cv"/>-fold score of <see cref="Estimator"/> (R² for a
/// regressor with unshuffled k-fold, accuracy for a classifier with unshuffled stratified k-fold), and the best
/// one (the first among equals) is taken, until <see cref="NFeaturesToSelect"/> columns are selected.
/// O(p² × cv fits).
/// </summary>
public sealed record SequentialFeatureSelector : IEstimator
{
    /// <summary>The model scored on each candidate subset (must be set).</summary>
    public IEstimator? Estimator { get; init; }

    /// <summary>Columns to select; null (default) = half, rounded down.</summary>
    [Hyperparameter("Number of columns to select (none = half of them).", Min = 1, NullMeans = "half")]
    public int? NFeaturesToSelect { get; init; }

    /// <summary>Add (forward, default) or remove (backward) columns.</summary>
    [Hyperparameter("forward (add columns from none) or backward (remove columns from all).")]
    public SelectionDirection Direction { get; init; } = SelectionDirection.Forward;

    /// <summary>Cross-validation folds (default 5).</summary>
    [Hyperparameter("Number of cross-validation folds scoring each candidate subset.", Min = 2)]
    public int Cv { get; init; } = 5;

    /// <inheritdoc/>
    public EstimatorTags Tags { get; } = new() { SupportsSampleWeight = false };

    /// <summary>Runs the greedy search.</summary>
    /// <exception cref="InvalidHyperparameterException">No estimator; n_features_to_select not below the column count.</exception>
    /// <exception cref="InvalidInputException">Bad data or target.</exception>
    public FeatureSelectionModel Fit(DataFrame x, double[] y, FitContext? context = null)
    {
        Hyperparameters.Validate(this);
        if (Estimator is null)
            throw new InvalidHyperparameterException("estimator", "SequentialFeatureSelector: no estimator; give a classifier or regressor.");
        var (names, kinds, cols) = SelectionInput.Read(x, y, nameof(SequentialFeatureSelector));
        int p = names.Length;
        int target = NFeaturesToSelect ?? p / 2;
        if (target >= p || target < 1)
            throw new InvalidHyperparameterException("n_features_to_select", $"SequentialFeatureSelector: n_features_to_select = {target} must be between 1 and {p - 1} for {p} columns.");
        var selected = new bool[p];
        if (Direction == SelectionDirection.Backward) Array.Fill(selected, true);
        int steps = Direction == SelectionDirection.Forward ? target : p - target;
        var scores = new double[p];
        Array.Fill(scores, double.NaN);
        for (int s = 0; s < steps; s++)
        {
            int best = -1;
            double bestScore = double.NegativeInfinity;
            for (int j = 0; j < p; j++)
            {
                if (selected[j] != (Direction == SelectionDirection.Backward)) continue;
                context?.ThrowIfCancellationRequested();
                var subset = Enumerable.Range(0, p).Where(k => Direction == SelectionDirection.Forward ? selected[k] || k == j : selected[k] && k != j).ToArray();
                double score = CvScoring.Score(Estimator, cols, subset, y, Cv, context);
                if (score > bestScore) { bestScore = score; best = j; }
            }
            selected[best] = Direction == SelectionDirection.Forward;
            scores[best] = bestScore;
        }
        return new FeatureSelectionModel("sequential", this, names, kinds, selected, scores);
    }
}
