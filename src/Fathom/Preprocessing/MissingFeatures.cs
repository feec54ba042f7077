namespace Fathom.Preprocessing;

/// <summary>Which columns <see cref="MissingIndicator"/> makes an indicator for.</summary>
public enum MissingFeatures
{
    /// <summary>Only columns that had a missing value at fit.</summary>
    MissingOnly,

    /// <summary>Every column.</summary>
    All,
}
