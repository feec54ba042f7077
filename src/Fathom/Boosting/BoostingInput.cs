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
        double l2, int maxBins, bool earlyStopping, double validationFraction, int nIterNoChange, double tol, int seed,
        double subsample, double colsampleByTree, double maxFeatures, sbyte[]? monotonic) =>
        new(maxIter, maxBins, new GrowerSettings(maxLeafNodes, maxDepth, minSamplesLeaf, l2, 1e-3, learningRate, monotonic, maxFeatures),
            earlyStopping, validationFraction, nIterNoChange, tol, seed, subsample, colsampleByTree);

    /// <summary>Parses monotonic_cst ("1,0,-1": one −1/0/1 per feature); null when absent or all zero.</summary>
    /// <exception cref="InvalidHyperparameterException">Wrong count or value, or constraints with more than two classes.</exception>
    public static sbyte[]? Monotonic(string? text, int features, int classes, string who)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        if (parts.Length != features)
            throw new InvalidHyperparameterException("monotonic_cst",
                $"{who}: monotonic_cst has {parts.Length} values for {features} features; give one -1, 0 or 1 per feature, comma-separated.");
        var result = new sbyte[features];
        for (int f = 0; f < features; f++)
        {
            result[f] = parts[f] switch
            {
                "1" or "+1" => 1,
                "0" => 0,
                "-1" => -1,
                _ => throw new InvalidHyperparameterException("monotonic_cst",
                    $"{who}: monotonic_cst value '{parts[f]}' for feature {f} is not -1, 0 or 1."),
            };
        }
        if (result.All(c => c == 0)) return null;
        if (classes > 2)
            throw new InvalidHyperparameterException("monotonic_cst",
                $"{who}: monotonic constraints are not supported with more than two classes (as in scikit-learn); drop monotonic_cst.");
        return result;
    }

    /// <summary>Parses categorical_features ("0,3") and checks the training values of those columns: integer codes
    /// in [0, maxBins) or NaN. Null when absent.</summary>
    /// <exception cref="InvalidHyperparameterException">A bad index, or a monotonic constraint on a categorical feature.</exception>
    /// <exception cref="InvalidInputException">A categorical value that is not a code in [0, maxBins).</exception>
    public static bool[]? Categorical(string? text, Matrix x, int maxBins, sbyte[]? monotonic, string who)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var result = new bool[x.Columns];
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (!int.TryParse(part, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out int f) || f < 0 || f >= x.Columns)
                throw new InvalidHyperparameterException("categorical_features",
                    $"{who}: categorical_features entry '{part}' is not a feature index in [0, {x.Columns}); give comma-separated column indices.");
            if (monotonic is not null && monotonic[f] != 0)
                throw new InvalidHyperparameterException("categorical_features",
                    $"{who}: feature {f} is categorical and has a monotonic constraint; a categorical feature cannot be monotonic.");
            result[f] = true;
        }
        for (int i = 0; i < x.Rows; i++)
        {
            var row = x.Row(i);
            for (int f = 0; f < result.Length; f++)
            {
                double v = row[f];
                if (result[f] && !double.IsNaN(v) && !(v >= 0 && v < maxBins && v == Math.Floor(v)))
                    throw new InvalidInputException(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                        $"{who}: categorical feature {f} has value {v} at row {i}; categories must be integer codes in [0, {maxBins}) (encode them with an ordinal encoder) or NaN."),
                        i, f.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
        }
        return result;
    }
}
