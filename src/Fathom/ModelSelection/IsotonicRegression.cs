using Fathom.Core;
using Fathom.Numerics;

namespace Fathom.ModelSelection;

/// <summary>
/// Isotonic regression as scikit-learn 1.2's <c>IsotonicRegression</c>: the monotone (non-decreasing or
/// non-increasing) step fit minimising Σ wᵢ (yᵢ − ŷᵢ)², found by pool-adjacent-violators, then optionally clipped
/// to [<see cref="YMin"/>, <see cref="YMax"/>]; predictions interpolate linearly between the fitted points.
/// X has exactly one column. Rows with zero weight are dropped and rows with equal x are pooled (weighted mean,
/// summed weight) before the fit. O(n log n) for the sort, O(n) for the pooling.
/// </summary>
public sealed record IsotonicRegression : IRegressor
{
    /// <summary>Fit a non-decreasing function (default true); false fits a non-increasing one.</summary>
    [Hyperparameter("Fit an increasing (true) or decreasing (false) function")]
    public bool Increasing { get; init; } = true;

    /// <summary>Lower bound on the fitted values (default null: none).</summary>
    [Hyperparameter("Lower bound on fitted values", NullMeans = "no bound")]
    public double? YMin { get; init; }

    /// <summary>Upper bound on the fitted values (default null: none).</summary>
    [Hyperparameter("Upper bound on fitted values", NullMeans = "no bound")]
    public double? YMax { get; init; }

    /// <summary>Prediction outside the training range of x (default <see cref="OutOfBoundsHandling.Nan"/>).</summary>
    [Hyperparameter("Out-of-range inputs: nan, clip or raise")]
    public OutOfBoundsHandling OutOfBounds { get; init; } = OutOfBoundsHandling.Nan;

    /// <summary>Takes sample weights.</summary>
    public EstimatorTags Tags => new() { SupportsSampleWeight = true };

    /// <summary>Fits the isotonic step function.</summary>
    /// <param name="x">One column of finite inputs.</param>
    /// <param name="y">Finite targets.</param>
    /// <param name="sampleWeight">Optional finite non-negative weights with a positive sum.</param>
    /// <param name="context">Unused (the fit is a single pass).</param>
    /// <exception cref="InvalidInputException">X has other than one column, lengths differ, or values are not finite.</exception>
    public IsotonicRegressionModel Fit(Matrix x, double[] y, double[]? sampleWeight = null, FitContext? context = null)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        Hyperparameters.Validate(this);
        if (x.Columns != 1)
            throw new InvalidInputException($"IsotonicRegression takes exactly one feature column, got {x.Columns}; pass a single column.");
        return Fit(x.Column(0), y, sampleWeight);
    }

    /// <summary>Fits the isotonic step function on a plain vector of inputs.</summary>
    /// <param name="x">Finite inputs.</param>
    /// <param name="y">Finite targets, one per input.</param>
    /// <param name="sampleWeight">Optional finite non-negative weights with a positive sum.</param>
    /// <exception cref="InvalidInputException">Lengths differ, values are not finite, weights negative or all zero.</exception>
    public IsotonicRegressionModel Fit(double[] x, double[] y, double[]? sampleWeight = null)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (YMin is double lo && YMax is double hi && lo > hi)
            throw new InvalidHyperparameterException("y_min", $"IsotonicRegression: y_min ({lo}) is above y_max ({hi}).");
        int n = x.Length;
        if (n == 0) throw new InvalidInputException("IsotonicRegression needs at least one row.");
        if (y.Length != n) throw new InvalidInputException($"IsotonicRegression: x has {n} rows but y has {y.Length}.");
        if (sampleWeight is not null && sampleWeight.Length != n)
            throw new InvalidInputException($"IsotonicRegression: x has {n} rows but sample_weight has {sampleWeight.Length}.");
        for (int i = 0; i < n; i++)
        {
            if (!double.IsFinite(x[i])) throw new InvalidInputException($"IsotonicRegression: x is not finite at row {i}.", row: i);
            if (!double.IsFinite(y[i])) throw new InvalidInputException($"IsotonicRegression: y is not finite at row {i}.", row: i);
            if (sampleWeight is not null && !(sampleWeight[i] >= 0 && double.IsFinite(sampleWeight[i])))
                throw new InvalidInputException($"IsotonicRegression: sample_weight at row {i} is {sampleWeight[i]}; weights must be finite and non-negative.", row: i);
        }
        var rows = Enumerable.Range(0, n).Where(i => sampleWeight is null || sampleWeight[i] > 0).ToArray();
        if (rows.Length == 0) throw new InvalidInputException("IsotonicRegression: all sample weights are zero.");
        // sort by x, then y (scikit-learn's lexsort((y, X)))
        Array.Sort(rows, (a, b) => x[a] != x[b] ? x[a].CompareTo(x[b]) : y[a] != y[b] ? y[a].CompareTo(y[b]) : a.CompareTo(b));
        // pool equal x (as scikit-learn, an x less than 1e-15 above its group's first x joins that group)
        var ux = new List<double>();
        var uy = new List<double>();
        var uw = new List<double>();
        double eps = 1e-15;
        double cx = x[rows[0]], sy = 0, sw = 0;
        foreach (int i in rows)
        {
            double w = sampleWeight?[i] ?? 1.0;
            if (x[i] - cx >= eps)
            {
                ux.Add(cx); uy.Add(sy / sw); uw.Add(sw);
                cx = x[i]; sy = 0; sw = 0;
            }
            sy += w * y[i];
            sw += w;
        }
        ux.Add(cx); uy.Add(sy / sw); uw.Add(sw);
        var fitted = Pava(uy.ToArray(), uw.ToArray(), Increasing);
        for (int k = 0; k < fitted.Length; k++)
        {
            if (YMin is double a && fitted[k] < a) fitted[k] = a;
            if (YMax is double b && fitted[k] > b) fitted[k] = b;
        }
        return new IsotonicRegressionModel(this, ux.ToArray(), fitted, x[rows[0]], x[rows[^1]]);
    }

    IRegressionModel IRegressor.Fit(Matrix x, double[] y, double[]? sampleWeight, FitContext? context) => Fit(x, y, sampleWeight, context);

    /// <summary>
    /// Weighted pool-adjacent-violators: the monotone sequence closest to <paramref name="y"/> in weighted least
    /// squares. Blocks are kept on a stack; a new value merges with the previous block while they violate the order.
    /// O(n).
    /// </summary>
    /// <param name="y">Values in x order.</param>
    /// <param name="w">Positive weights.</param>
    /// <param name="increasing">Non-decreasing (true) or non-increasing (false) result.</param>
    /// <returns>The fitted values, one per input.</returns>
    public static double[] Pava(ReadOnlySpan<double> y, ReadOnlySpan<double> w, bool increasing = true)
    {
        int n = y.Length;
        if (w.Length != n) throw new ArgumentException("y and w must have the same length.", nameof(w));
        var mean = new double[n];
        var weight = new double[n];
        var start = new int[n];
        int blocks = 0;
        double sign = increasing ? 1 : -1;
        for (int i = 0; i < n; i++)
        {
            double m = sign * y[i], wt = w[i];
            int s = i;
            while (blocks > 0 && mean[blocks - 1] >= m)
            {
                blocks--;
                double tw = weight[blocks] + wt;
                m = (mean[blocks] * weight[blocks] + m * wt) / tw;
                wt = tw;
                s = start[blocks];
            }
            mean[blocks] = m; weight[blocks] = wt; start[blocks] = s;
            blocks++;
        }
        var result = new double[n];
        for (int b = 0; b < blocks; b++)
        {
            int end = b + 1 < blocks ? start[b + 1] : n;
            for (int i = start[b]; i < end; i++) result[i] = sign * mean[b];
        }
        return result;
    }
}
