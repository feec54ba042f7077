namespace Fathom.Statistics;

/// <summary>The outcome of a hypothesis test: the test statistic and its p-value.</summary>
/// <param name="Statistic">The test statistic.</param>
/// <param name="PValue">The probability, under the null hypothesis, of a statistic at least as extreme.</param>
public readonly record struct TestResult(double Statistic, double PValue);
