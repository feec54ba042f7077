namespace Fathom.Dummy;

/// <summary>Which constant a <see cref="DummyRegressor"/> predicts (scikit-learn's <c>strategy</c>).</summary>
public enum DummyRegressorStrategy
{
    /// <summary>The (weighted) mean of the training targets. scikit-learn's default.</summary>
    Mean,

    /// <summary>The median of the training targets (the weighted median when weights are given).</summary>
    Median,

    /// <summary>The <see cref="DummyRegressor.Quantile"/> quantile of the training targets.</summary>
    Quantile,

    /// <summary>The user-given <see cref="DummyRegressor.Constant"/>.</summary>
    Constant,
}
