namespace Fathom.Linear;

/// <summary>One row of an OLS coefficient table, as statsmodels' summary prints it.</summary>
/// <param name="Name">Term name: <c>const</c> for the intercept, else the feature name (<c>x0</c>, <c>x1</c>, … by default).</param>
/// <param name="Estimate">The coefficient β̂ⱼ.</param>
/// <param name="StandardError">√(σ̂² [(XᵀWX)⁺]ⱼⱼ).</param>
/// <param name="TStatistic">β̂ⱼ / SE.</param>
/// <param name="PValue">Two-sided p-value of t with the residual degrees of freedom.</param>
/// <param name="Lower">Lower bound of the confidence interval β̂ⱼ − t_{1−α/2} · SE.</param>
/// <param name="Upper">Upper bound of the confidence interval β̂ⱼ + t_{1−α/2} · SE.</param>
public readonly record struct OlsCoefficient(
    string Name, double Estimate, double StandardError, double TStatistic, double PValue, double Lower, double Upper);
