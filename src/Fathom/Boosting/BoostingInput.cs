using Fathom.Core;
using Fathom.Linear;
using Fathom.Numerics;

namespace Fathom.Boosting;

/// <summary>Data checks and settings shared by the two boosting estimators. NaN (missing) and infinite feature values
/// are accepted, as scikit-learn's HistGradientBoosting does.</summary>
internal static class BoostingInput
{
    /// <summary>Non-empty X, one target per row, valid weights.</summary>
    public static void CheckFit(Matrix x, int targets, double[]? sampleWeight, string who)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (x.Rows == 0) throw new InvalidInputException($"{who}: the data has no rows; fit needs at least one sample.");
        if (x.Columns == 0) throw new InvalidInputException($"{who}: the data has no feature columns.");
        if (targets != x.Rows)
            throw new InvalidInputException($"{who}: {targets} targets were given for {x.Rows} rows; give one target per row.");
        InputChecks.Weights(sampleWeight, x.Rows, who);
    }

    /// <summary>Feature count of a prediction input (missing values are allowed).</summary>
    public static void CheckPredict(Matrix x, int featureCount, string who) => InputChecks.FeatureCount(x, featureCount, who);

    /// <summary>The loop settings from the shared hyperparameters.</summary>
    public static BoostingSettings Settings(double learningRate, int maxIter, int? maxLeafNodes, int? maxDepth, int minSamplesLeaf,
        double l2, int maxBins, bool earlyStopping, double validationFraction, int nIterNoChange, double tol, int seed) =>
        new(maxIter, maxBins, new GrowerSettings(maxLeafNodes, maxDepth, minSamplesLeaf, l2, 1e-3, learningRate),
            earlyStopping, validationFraction, nIterNoChange, tol, seed);
}
