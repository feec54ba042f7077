namespace Fathom.Optimization;

/// <summary>Why an optimizer stopped.</summary>
public enum OptimizationStatus
{
    /// <summary>The largest absolute gradient component fell to the gradient tolerance or below.</summary>
    GradientTolerance,

    /// <summary>The relative decrease of the function value fell to the function tolerance or below.</summary>
    FunctionTolerance,

    /// <summary>The iteration limit was reached before convergence.</summary>
    MaxIterations,

    /// <summary>No step satisfying the line search conditions was found (often: the minimum was reached to
    /// machine precision, or the gradient is inconsistent with the function).</summary>
    LineSearchFailed,
}
