namespace Fathom.Optimization;

/// <summary>
/// A smooth objective f: ℝⁿ → ℝ that returns its value and writes its gradient into a caller-provided span,
/// so an optimizer can evaluate it many times without allocating. Implementations may keep internal scratch
/// buffers and are therefore not required to be thread-safe.
/// </summary>
public interface IDifferentiableFunction
{
    /// <summary>Number of variables n.</summary>
    int Dimension { get; }

    /// <summary>Computes f(<paramref name="x"/>) and writes ∇f(<paramref name="x"/>) into <paramref name="gradient"/>.</summary>
    /// <param name="x">The point, length <see cref="Dimension"/>; not modified.</param>
    /// <param name="gradient">Receives the gradient, length <see cref="Dimension"/>.</param>
    /// <returns>The function value.</returns>
    double Evaluate(ReadOnlySpan<double> x, Span<double> gradient);
}
