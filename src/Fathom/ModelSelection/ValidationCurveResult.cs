namespace Fathom.ModelSelection;

/// <summary>Scores of one hyperparameter's values: for each value, a cross-validation with train and test scores.</summary>
/// <param name="Parameter">Parameter name (snake_case).</param>
/// <param name="Values">The values tried, in the order given.</param>
/// <param name="Results">Cross-validation result for each value (same order), holding one scorer with train scores.</param>
public sealed record ValidationCurveResult(string Parameter, IReadOnlyList<string> Values, IReadOnlyList<CrossValidationResult> Results)
{
    /// <summary>Test scores: [value][fold].</summary>
    public double[][] TestScores => Results.Select(r => r.Scores[0].Test).ToArray();

    /// <summary>Training scores: [value][fold].</summary>
    public double[][] TrainScores => Results.Select(r => r.Scores[0].Train!).ToArray();
}
