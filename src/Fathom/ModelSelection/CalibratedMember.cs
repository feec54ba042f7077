using Fathom.Core;

namespace Fathom.ModelSelection;

/// <summary>One fitted base model with its per-class calibrators (sigmoid A, B or isotonic models), one per score column.</summary>
internal sealed record CalibratedMember(IClassificationModel Base, double[]? A, double[]? B, IsotonicRegressionModel[]? Isotonic)
{
    /// <summary>Calibrated (unnormalised) probability of score column <paramref name="c"/>.</summary>
    public double[] Calibrate(int c, double[] scores) =>
        Isotonic is not null ? Isotonic[c].Predict(scores) : PlattScaling.Predict(scores, A![c], B![c]);
}
