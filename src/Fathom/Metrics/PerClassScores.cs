namespace Fathom.Metrics;

/// <summary>Precision, recall, F-beta and support of each class, in sorted label order (scikit-learn's average=None).</summary>
/// <typeparam name="T">Label type.</typeparam>
/// <param name="Labels">The classes, sorted (ordinal order for strings).</param>
/// <param name="Precision">tp / (tp + fp) per class (0 when nothing was predicted as the class).</param>
/// <param name="Recall">tp / (tp + fn) per class (0 when the class has no true rows).</param>
/// <param name="FScore">(1 + β²)·P·R / (β²·P + R) per class (0 when P = R = 0).</param>
/// <param name="Support">(Weighted) number of true rows of each class.</param>
public sealed record PerClassScores<T>(IReadOnlyList<T> Labels, IReadOnlyList<double> Precision, IReadOnlyList<double> Recall,
    IReadOnlyList<double> FScore, IReadOnlyList<double> Support) where T : notnull;
