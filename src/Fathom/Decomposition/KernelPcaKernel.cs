namespace Fathom.Decomposition;

/// <summary>Kernel of <see cref="KernelPCA"/>.</summary>
public enum KernelPcaKernel
{
    /// <summary>k(x, y) = x·y (the centred kernel gives ordinary PCA scores).</summary>
    Linear,

    /// <summary>k(x, y) = (γ·x·y + coef0)^degree.</summary>
    Poly,

    /// <summary>k(x, y) = exp(−γ·‖x − y‖²).</summary>
    Rbf,

    /// <summary>k(x, y) = tanh(γ·x·y + coef0).</summary>
    Sigmoid,

    /// <summary>k(x, y) = x·y / (‖x‖·‖y‖) (0 for a zero row).</summary>
    Cosine,
}
