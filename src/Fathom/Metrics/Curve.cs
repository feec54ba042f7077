namespace Fathom.Metrics;

/// <summary>A curve traced by moving a decision threshold: one (X, Y) point per threshold.</summary>
/// <param name="X">First coordinate (false positive rate for ROC, recall for precision-recall).</param>
/// <param name="Y">Second coordinate (true positive rate for ROC, precision for precision-recall).</param>
/// <param name="Thresholds">The score threshold of each point (score ≥ threshold counts as positive).</param>
public sealed record Curve(IReadOnlyList<double> X, IReadOnlyList<double> Y, IReadOnlyList<double> Thresholds);
