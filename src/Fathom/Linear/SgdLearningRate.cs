namespace Fathom.Linear;

/// <summary>The step-size schedule of the SGD estimators (scikit-learn's <c>learning_rate</c>); t counts samples seen, from 1.</summary>
public enum SgdLearningRate
{
    /// <summary>η = eta0.</summary>
    Constant,

    /// <summary>η = 1 / (α·(t₀ + t − 1)), t₀ from Bottou's heuristic (scikit-learn's "optimal"; needs α &gt; 0).</summary>
    Optimal,

    /// <summary>η = eta0 / t^power_t.</summary>
    Invscaling,

    /// <summary>η = eta0 until n_iter_no_change epochs fail to improve the loss by tol, then η /= 5 (stops when η &lt; 1e-6).</summary>
    Adaptive,
}
