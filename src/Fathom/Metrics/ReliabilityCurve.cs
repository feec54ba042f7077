namespace Fathom.Metrics;

/// <summary>A reliability (calibration) curve: for each non-empty bin, the observed frequency of the positive class against the mean prediction.</summary>
/// <param name="FractionPositive">Observed share of positive rows in each non-empty bin (scikit-learn's prob_true).</param>
/// <param name="MeanPredicted">Mean predicted probability in each non-empty bin (prob_pred).</param>
/// <param name="Counts">Number of rows in each non-empty bin.</param>
public sealed record ReliabilityCurve(IReadOnlyList<double> FractionPositive, IReadOnlyList<double> MeanPredicted, IReadOnlyList<int> Counts);
