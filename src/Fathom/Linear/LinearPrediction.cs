using Fathom.Core;
using Fathom.Numerics;
using Fathom.Persistence;

namespace Fathom.Linear;

/// <summary>Prediction and loading shared by the single-output linear regression models.</summary>
internal static class LinearPrediction
{
    /// <summary>Checks x (feature count, finite) and returns x·β + β₀ for each row.</summary>
    public static double[] Predict(Matrix x, double[] coef, double intercept, string model)
    {
        InputChecks.FeatureCount(x, coef.Length, model);
        InputChecks.Finite(x, model);
        var z = new double[x.Rows];
        LinearKernels.Project(x, 0, x.Rows, coef, [intercept], 1, z);
        return z;
    }

    /// <summary>Reads the "coefficients" array, which must hold at least one value.</summary>
    public static double[] ReadCoefficients(ModelReader reader, string kind)
    {
        var coef = reader.ReadDoubles("coefficients");
        if (coef.Length < 1) throw new ModelFormatException($"The model file is damaged: a {kind} model has no coefficients.");
        return coef;
    }
}
