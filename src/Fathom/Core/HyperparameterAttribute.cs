namespace Fathom.Core;

/// <summary>
/// Declares a property of an estimator as a hyperparameter, once: its meaning and valid range. The
/// default is the property's initial value. <see cref="Hyperparameters"/> reads these declarations to
/// validate estimators, to parse the command line's <c>--param key=value</c>, to build search spaces and
/// to write docs.
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = true, AllowMultiple = false)]
public sealed class HyperparameterAttribute : Attribute
{
    /// <summary>Declares a hyperparameter with its one-line meaning.</summary>
    public HyperparameterAttribute(string doc) => Doc = doc;

    /// <summary>What the hyperparameter means, in one sentence.</summary>
    public string Doc { get; }

    /// <summary>Smallest valid value (numbers only); −∞ when unbounded.</summary>
    public double Min { get; init; } = double.NegativeInfinity;

    /// <summary>Largest valid value (numbers only); +∞ when unbounded.</summary>
    public double Max { get; init; } = double.PositiveInfinity;

    /// <summary>True when <see cref="Min"/> itself is not allowed.</summary>
    public bool MinExclusive { get; init; }

    /// <summary>True when <see cref="Max"/> itself is not allowed.</summary>
    public bool MaxExclusive { get; init; }

    /// <summary>For nullable numbers: what null means (e.g. "no limit"); empty when null is not meaningful.</summary>
    public string NullMeans { get; init; } = "";
}
