namespace Fathom.Decomposition;

/// <summary>The contrast function G of <see cref="FastICA"/> (its derivative g drives the fixed-point update).</summary>
public enum IcaFunction
{
    /// <summary>G(u) = log cosh(αu)/α, g = tanh(αu): a good general-purpose choice.</summary>
    Logcosh,

    /// <summary>G(u) = −exp(−u²/2), g = u·exp(−u²/2): for super-Gaussian sources or when robustness matters.</summary>
    Exp,

    /// <summary>G(u) = u⁴/4, g = u³: kurtosis-based.</summary>
    Cube,
}
