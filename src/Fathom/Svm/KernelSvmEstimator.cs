using Fathom.Core;

namespace Fathom.Svm;

/// <summary>
/// The kernel and solver hyperparameters every kernel SVM shares (<see cref="SVC"/>, <see cref="NuSVC"/>, <see cref="SVR"/>,
/// <see cref="NuSVR"/>, <see cref="OneClassSVM"/>), with libsvm's and scikit-learn's defaults; the concrete types add
/// their penalty (C or ν) and task-specific settings.
/// </summary>
public abstract record KernelSvmEstimator
{
    private protected KernelSvmEstimator() { }

    /// <summary>Kernel: rbf (default), linear, poly or sigmoid.</summary>
    [Hyperparameter("kernel: linear, poly, rbf or sigmoid")]
    public SvmKernel Kernel { get; init; } = SvmKernel.Rbf;

    /// <summary>Degree of the poly kernel (default 3).</summary>
    [Hyperparameter("degree of the poly kernel", Min = 0)]
    public int Degree { get; init; } = 3;

    /// <summary>Kernel coefficient γ of rbf, poly and sigmoid: "scale" (default) = 1 / (features · Var(X)),
    /// "auto" = 1 / features, or a number &gt; 0.</summary>
    [Hyperparameter("kernel coefficient: scale, auto or a number > 0")]
    public string Gamma { get; init; } = "scale";

    /// <summary>Constant term of the poly and sigmoid kernels (default 0).</summary>
    [Hyperparameter("constant term of the poly and sigmoid kernels")]
    public double Coef0 { get; init; }

    /// <summary>Use the shrinking heuristic (default true).</summary>
    [Hyperparameter("use the shrinking heuristic")]
    public bool Shrinking { get; init; } = true;

    /// <summary>Stopping tolerance on the maximal KKT violation (default 1e-3).</summary>
    [Hyperparameter("stopping tolerance", Min = 0, MinExclusive = true)]
    public double Tol { get; init; } = 1e-3;

    /// <summary>Kernel cache size in MB (default 200).</summary>
    [Hyperparameter("kernel cache size in MB", Min = 0, MinExclusive = true)]
    public double CacheSize { get; init; } = 200;

    /// <summary>Iteration limit of each solver run; −1 (default) for libsvm's max(10⁷, 100·n).</summary>
    [Hyperparameter("iteration limit per solver run (-1 for no explicit limit)", Min = -1)]
    public int MaxIter { get; init; } = -1;

    /// <summary>The kernel and solver settings as the solver takes them.</summary>
    internal KernelSvmOptions Options => new(Kernel, Degree, Gamma, Coef0, Shrinking, Tol, CacheSize, MaxIter);
}
