namespace Fathom.Anomaly;

/// <summary>Kernel of <see cref="KernelDensity"/>, as a function of the distance d and the bandwidth h (unnormalised forms;
/// each is scaled to integrate to 1 over ℝᵈ).</summary>
public enum DensityKernel
{
    /// <summary>exp(−d²/(2h²)).</summary>
    Gaussian,

    /// <summary>1 for d &lt; h, else 0.</summary>
    Tophat,

    /// <summary>1 − d²/h² for d &lt; h, else 0.</summary>
    Epanechnikov,

    /// <summary>exp(−d/h).</summary>
    Exponential,

    /// <summary>1 − d/h for d &lt; h, else 0.</summary>
    Linear,

    /// <summary>cos(πd/(2h)) for d &lt; h, else 0.</summary>
    Cosine,
}
