using Fathom.Core;

namespace Fathom.Metrics;

/// <summary>
/// How well predicted probabilities match observed frequencies: the reliability curve (scikit-learn's
/// calibration_curve) and the expected calibration error. O(n log n) for quantile bins, O(n) otherwise.
/// </summary>
public static class CalibrationMetrics
{
    /// <summary>
    /// Reliability curve of a binary problem. Bin edges: <paramref name="bins"/> + 1 evenly spaced points in [0, 1]
    /// (uniform) or the quantiles of the predictions (quantile); a row goes to the bin whose inner edges bracket it
    /// (scikit-learn's searchsorted on the inner edges: a value on an edge goes to the lower bin). Empty bins are left out.
    /// </summary>
    /// <exception cref="InvalidInputException">A probability outside [0, 1], or lengths disagree.</exception>
    public static ReliabilityCurve Curve<T>(IReadOnlyList<T> yTrue, IReadOnlyList<double> probabilityPositive, T positiveLabel, int bins = 5,
        CalibrationStrategy strategy = CalibrationStrategy.Uniform) where T : notnull
    {
        var (positive, bin) = Assign(yTrue, probabilityPositive, positiveLabel, bins, strategy, nameof(Curve));
        var sumTrue = new double[bins];
        var sumPred = new double[bins];
        var count = new int[bins];
        for (int i = 0; i < bin.Length; i++)
        {
            sumTrue[bin[i]] += positive[i] ? 1 : 0;
            sumPred[bin[i]] += probabilityPositive[i];
            count[bin[i]]++;
        }
        var fraction = new List<double>();
        var mean = new List<double>();
        var counts = new List<int>();
        for (int b = 0; b < bins; b++)
        {
            if (count[b] == 0) continue;
            fraction.Add(sumTrue[b] / count[b]);
            mean.Add(sumPred[b] / count[b]);
            counts.Add(count[b]);
        }
        return new ReliabilityCurve(fraction, mean, counts);
    }

    /// <summary>
    /// Expected calibration error Σ_b (n_b / n) · |observed frequency_b − mean prediction_b| over the bins of
    /// <see cref="Curve{T}"/> (equal-width by default, 10 bins). 0 for perfectly calibrated predictions.
    /// </summary>
    public static double ExpectedCalibrationError<T>(IReadOnlyList<T> yTrue, IReadOnlyList<double> probabilityPositive, T positiveLabel,
        int bins = 10, CalibrationStrategy strategy = CalibrationStrategy.Uniform) where T : notnull
    {
        var c = Curve(yTrue, probabilityPositive, positiveLabel, bins, strategy);
        double n = c.Counts.Sum(), ece = 0;
        for (int b = 0; b < c.Counts.Count; b++) ece += c.Counts[b] / n * Math.Abs(c.FractionPositive[b] - c.MeanPredicted[b]);
        return ece;
    }

    private static (bool[] Positive, int[] Bin) Assign<T>(IReadOnlyList<T> yTrue, IReadOnlyList<double> prob, T positiveLabel, int bins,
        CalibrationStrategy strategy, string what) where T : notnull
    {
        ArgumentNullException.ThrowIfNull(yTrue);
        ArgumentNullException.ThrowIfNull(prob);
        MetricInputs.SameLength(yTrue.Count, prob.Count, what);
        if (bins < 1) throw new InvalidHyperparameterException("bins", $"{what}: at least one bin is needed; {bins} was given.");
        int n = prob.Count;
        for (int i = 0; i < n; i++)
            if (!(prob[i] >= 0 && prob[i] <= 1)) throw new InvalidInputException($"{what}: the probability at row {i} is {prob[i]}; it must lie in [0, 1].", i);
        var edges = new double[bins + 1];
        if (strategy == CalibrationStrategy.Uniform)
        {
            double step = 1.0 / bins; // numpy.linspace: i · step, the last edge exactly 1
            for (int b = 0; b < bins; b++) edges[b] = b * step;
            edges[bins] = 1;
        }
        else
        {
            var sorted = prob.ToArray();
            Array.Sort(sorted);
            for (int b = 0; b <= bins; b++)
            {
                double pos = (double)b / bins * (n - 1);
                int lo = (int)Math.Floor(pos);
                int hi = Math.Min(lo + 1, n - 1);
                edges[b] = sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
            }
        }
        var bin = new int[n];
        for (int i = 0; i < n; i++)
        {
            // searchsorted(edges[1:-1], p): the number of inner edges below p.
            int b = 0;
            for (int e = 1; e < bins; e++) if (edges[e] < prob[i]) b = e;
            bin[i] = b;
        }
        return (BinaryCurve.Positives(yTrue, positiveLabel), bin);
    }
}
