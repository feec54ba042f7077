namespace Fathom.ModelSelection;

/// <summary>One point of a grid search: its parameter values and their cross-validated score.</summary>
/// <param name="Parameters">Parameter name (snake_case) to value text, keys in sorted order.</param>
/// <param name="MeanScore">Mean test score over the folds.</param>
/// <param name="StdScore">Population standard deviation of the test scores.</param>
/// <param name="FoldScores">Test score of each fold.</param>
/// <param name="Rank">1 for the best candidate; ties share the lower rank (scikit-learn's <c>rank_test_score</c>).</param>
public sealed record GridSearchCandidate(IReadOnlyDictionary<string, string> Parameters, double MeanScore, double StdScore,
    double[] FoldScores, int Rank);
