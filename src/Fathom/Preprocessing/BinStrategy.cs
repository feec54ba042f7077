namespace Fathom.Preprocessing;

/// <summary>How <see cref="KBinsDiscretizer"/> places bin edges.</summary>
public enum BinStrategy
{
    /// <summary>Equal-width bins between the column's minimum and maximum.</summary>
    Uniform,

    /// <summary>Equal-frequency bins: edges at the column's quantiles.</summary>
    Quantile,

    /// <summary>Edges halfway between the centres of a 1-D k-means.</summary>
    KMeans,
}
