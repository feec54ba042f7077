namespace Fathom.Anomaly;

/// <summary>Rules of thumb for the bandwidth of <see cref="KernelDensity"/> (scikit-learn 1.2's; note they do not scale by the data's spread).</summary>
public enum BandwidthRule
{
    /// <summary>Scott: n^(−1/(d + 4)) (n = total sample weight).</summary>
    Scott,

    /// <summary>Silverman: (n·(d + 2)/4)^(−1/(d + 4)).</summary>
    Silverman,
}
