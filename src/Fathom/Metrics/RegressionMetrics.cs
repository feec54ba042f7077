namespace Fathom.Metrics;

/// <summary>
/// Regression metrics with scikit-learn 1.2's definitions. All take optional non-negative sample weights
/// (weighted averages) and run in O(n).
/// </summary>
public static class RegressionMetrics
{
    /// <summary>Coefficient of determination R² = 1 − Σw(y − ŷ)² / Σw(y − ȳ_w)². A constant target gives 1 when
    /// predicted exactly, else 0 (scikit-learn's force_finite). Higher is better; 1 is perfect.</summary>
    public static double R2(IReadOnlyList<double> yTrue, IReadOnlyList<double> yPred, double[]? sampleWeight = null)
    {
        Check(yTrue, yPred, sampleWeight, nameof(R2));
        int n = yTrue.Count;
        double sw = 0, mean = 0;
        for (int i = 0; i < n; i++) { double w = sampleWeight?[i] ?? 1; sw += w; mean += w * yTrue[i]; }
        mean /= sw;
        double num = 0, den = 0;
        for (int i = 0; i < n; i++)
        {
            double w = sampleWeight?[i] ?? 1;
            double r = yTrue[i] - yPred[i], d = yTrue[i] - mean;
            num += w * r * r;
            den += w * d * d;
        }
        if (den == 0) return num == 0 ? 1.0 : 0.0;
        return 1 - num / den;
    }

    /// <summary>Mean squared error Σw(y − ŷ)² / Σw.</summary>
    public static double MeanSquaredError(IReadOnlyList<double> yTrue, IReadOnlyList<double> yPred, double[]? sampleWeight = null)
    {
        Check(yTrue, yPred, sampleWeight, nameof(MeanSquaredError));
        double s = 0, sw = 0;
        for (int i = 0; i < yTrue.Count; i++)
        {
            double w = sampleWeight?[i] ?? 1, r = yTrue[i] - yPred[i];
            s += w * r * r;
            sw += w;
        }
        return s / sw;
    }

    /// <summary>Root mean squared error √MSE (scikit-learn's mean_squared_error(squared=False)).</summary>
    public static double RootMeanSquaredError(IReadOnlyList<double> yTrue, IReadOnlyList<double> yPred, double[]? sampleWeight = null) =>
        Math.Sqrt(MeanSquaredError(yTrue, yPred, sampleWeight));

    /// <summary>Mean absolute error Σw|y − ŷ| / Σw.</summary>
    public static double MeanAbsoluteError(IReadOnlyList<double> yTrue, IReadOnlyList<double> yPred, double[]? sampleWeight = null)
    {
        Check(yTrue, yPred, sampleWeight, nameof(MeanAbsoluteError));
        double s = 0, sw = 0;
        for (int i = 0; i < yTrue.Count; i++)
        {
            double w = sampleWeight?[i] ?? 1;
            s += w * Math.Abs(yTrue[i] - yPred[i]);
            sw += w;
        }
        return s / sw;
    }

    private static void Check(IReadOnlyList<double> yTrue, IReadOnlyList<double> yPred, double[]? w, string what)
    {
        ArgumentNullException.ThrowIfNull(yTrue);
        ArgumentNullException.ThrowIfNull(yPred);
        MetricInputs.SameLength(yTrue.Count, yPred.Count, what);
        MetricInputs.Weights(w, yTrue.Count, what);
    }
}
