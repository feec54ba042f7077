namespace Fathom.Boosting;

/// <summary>
/// The one seam between the boosting loop and a loss: gradients and hessians of the loss with respect to the raw
/// prediction, the constant initial prediction, the loss value (for early stopping) and the inverse link. Raw
/// predictions, gradients and hessians are laid out tree-major: element [k · n + i] is row i's value for tree k
/// of an iteration (k is always 0 unless the loss grows one tree per class). A new loss is one new file.
/// </summary>
internal interface IBoostingLoss
{
    /// <summary>Trees grown per boosting iteration (1, or the class count for the multinomial loss).</summary>
    int TreesPerIteration { get; }

    /// <summary>The raw prediction minimizing the (weighted) loss of a constant model, one value per tree.</summary>
    double[] Baseline(double[] y, double[]? weights);

    /// <summary>Gradient and hessian (times the row weight) of rows [start, end).</summary>
    void GradientHessian(double[] y, double[] raw, double[]? weights, float[] gradient, float[] hessian, int start, int end);

    /// <summary>Weighted mean of the loss over all rows (scikit-learn's "half" losses).</summary>
    double Loss(double[] y, double[] raw, double[]? weights);

    /// <summary>For losses whose leaf values are not the Newton step −G/H (absolute error, quantile): recomputes a
    /// leaf's unshrunk value from its rows, given the raw predictions before the tree (tree k's at raw[offset + i]).
    /// Null (the default) keeps −G/(H + λ).</summary>
    LeafValueUpdate? LeafUpdate(double[] y, double[] raw, int offset, double[]? weights) => null;

    /// <summary>The prediction (mean, or class probabilities) of one row from its raw values (one per tree).</summary>
    void InverseLink(ReadOnlySpan<double> raw, Span<double> output);
}
