namespace Fathom.Optimization;

/// <summary>The outcome of a minimization.</summary>
/// <param name="Solution">The best point found.</param>
/// <param name="Value">The function value at <paramref name="Solution"/>.</param>
/// <param name="Gradient">The gradient at <paramref name="Solution"/>.</param>
/// <param name="Iterations">Number of completed iterations (accepted steps).</param>
/// <param name="FunctionEvaluations">Number of calls to <see cref="IDifferentiableFunction.Evaluate"/>.</param>
/// <param name="Status">Why the optimizer stopped.</param>
public sealed record OptimizationResult(
    double[] Solution,
    double Value,
    double[] Gradient,
    int Iterations,
    int FunctionEvaluations,
    OptimizationStatus Status)
{
    /// <summary>True when a tolerance was met (<see cref="OptimizationStatus.GradientTolerance"/> or
    /// <see cref="OptimizationStatus.FunctionTolerance"/>).</summary>
    public bool Converged => Status is OptimizationStatus.GradientTolerance or OptimizationStatus.FunctionTolerance;
}
