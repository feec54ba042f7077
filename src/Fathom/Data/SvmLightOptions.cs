namespace Fathom.Data;

/// <summary>How <see cref="SvmLightReader"/> reads an svmlight / libsvm file.</summary>
public sealed record SvmLightOptions
{
    /// <summary>Feature indices start at 0 (default false: they start at 1, as svmlight and libsvm write them; feature
    /// index i becomes column i − 1).</summary>
    public bool ZeroBased { get; init; }

    /// <summary>Number of columns of the result; null (default) = the largest index seen + 1 (after the shift for
    /// 1-based files). Give it when reading a test file whose last features may all be zero.</summary>
    public int? FeatureCount { get; init; }
}
