namespace Fathom.Svm;

/// <summary>The kernel K(x, z) of a kernel support vector machine (scikit-learn's <c>kernel</c>).</summary>
public enum SvmKernel
{
    /// <summary>K(x, z) = x·z.</summary>
    Linear,

    /// <summary>K(x, z) = (γ x·z + coef0)^degree.</summary>
    Poly,

    /// <summary>K(x, z) = exp(−γ ‖x − z‖²) (the default).</summary>
    Rbf,

    /// <summary>K(x, z) = tanh(γ x·z + coef0).</summary>
    Sigmoid,
}
