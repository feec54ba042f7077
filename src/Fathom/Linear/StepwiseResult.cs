namespace Fathom.Linear;

/// <summary>The outcome of <see cref="StepwiseSelection"/>.</summary>
/// <param name="Selected">The chosen feature columns, ascending.</param>
/// <param name="Criterion">The criterion of the chosen model.</param>
/// <param name="InitialCriterion">The criterion of the starting model (intercept only, or all features).</param>
/// <param name="Steps">The moves in order.</param>
public sealed record StepwiseResult(IReadOnlyList<int> Selected, double Criterion, double InitialCriterion, IReadOnlyList<StepwiseStep> Steps);
