using Fathom.Core;
using Fathom.Numerics;
using Fathom.Persistence;

namespace Fathom.ModelSelection;

/// <summary>A fitted <see cref="IsotonicRegression"/>: fitted points (x, ŷ) joined by straight lines. Immutable and thread-safe.</summary>
public sealed class IsotonicRegressionModel : IRegressionModel
{
    private readonly double[] _x;
    private readonly double[] _y;

    internal IsotonicRegressionModel(IsotonicRegression estimator, double[] x, double[] y, double xMin, double xMax)
    {
        Estimator = estimator;
        _x = x;
        _y = y;
        XMin = xMin;
        XMax = xMax;
    }

    /// <summary>The hyperparameters the model was fitted with.</summary>
    public IsotonicRegression Estimator { get; }

    /// <summary>Distinct training inputs, ascending (scikit-learn's <c>X_thresholds_</c> before duplicate trimming). A copy.</summary>
    public double[] XThresholds => (double[])_x.Clone();

    /// <summary>Fitted value at each of <see cref="XThresholds"/>. A copy.</summary>
    public double[] YThresholds => (double[])_y.Clone();

    /// <summary>Smallest training input (<c>X_min_</c>).</summary>
    public double XMin { get; }

    /// <summary>Largest training input (<c>X_max_</c>).</summary>
    public double XMax { get; }

    /// <inheritdoc/>
    public int FeatureCount => 1;

    /// <inheritdoc/>
    public string ModelKind => "isotonic-regression";

    /// <inheritdoc/>
    /// <exception cref="InvalidInputException">X has other than one column.</exception>
    public double[] Predict(Matrix x)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (x.Columns != 1)
            throw new InvalidInputException($"IsotonicRegressionModel expects 1 feature column, got {x.Columns}.");
        return Predict(x.Column(0));
    }

    /// <summary>Predictions for plain inputs: linear interpolation between fitted points; outside
    /// [<see cref="XMin"/>, <see cref="XMax"/>] as <see cref="IsotonicRegression.OutOfBounds"/> says. O(log m) per input.</summary>
    /// <param name="x">Inputs.</param>
    /// <exception cref="InvalidInputException">An input is out of range under <see cref="OutOfBoundsHandling.Raise"/>, or NaN.</exception>
    public double[] Predict(ReadOnlySpan<double> x)
    {
        var result = new double[x.Length];
        for (int i = 0; i < x.Length; i++) result[i] = PredictOne(x[i], i);
        return result;
    }

    private double PredictOne(double v, int row)
    {
        if (double.IsNaN(v)) throw new InvalidInputException($"IsotonicRegressionModel: input at row {row} is NaN.", row: row);
        if (v < XMin || v > XMax)
        {
            switch (Estimator.OutOfBounds)
            {
                case OutOfBoundsHandling.Nan: return double.NaN;
                case OutOfBoundsHandling.Raise:
                    throw new InvalidInputException($"IsotonicRegressionModel: input {v} at row {row} is outside the training range [{XMin}, {XMax}]; use OutOfBounds = Clip or Nan.", row: row);
                default: v = Math.Clamp(v, XMin, XMax); break;
            }
        }
        if (_x.Length == 1) return _y[0];
        int hi = Array.BinarySearch(_x, v);
        if (hi >= 0) return _y[hi];
        hi = ~hi;
        if (hi <= 0) return _y[0];
        if (hi >= _x.Length) return _y[^1];
        int lo = hi - 1;
        double t = (v - _x[lo]) / (_x[hi] - _x[lo]);
        return _y[lo] + t * (_y[hi] - _y[lo]);
    }

    /// <inheritdoc/>
    public void WriteTo(ModelWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteHyperparameters(Estimator);
        writer.WriteDoubles("x_thresholds", _x);
        writer.WriteDoubles("y_thresholds", _y);
        writer.WriteDoubles("x_range", [XMin, XMax]);
    }

    /// <summary>Reads a model written by <see cref="WriteTo"/>.</summary>
    internal static IsotonicRegressionModel ReadFrom(ModelReader reader)
    {
        var estimator = reader.ReadHyperparameters<IsotonicRegression>();
        var x = reader.ReadDoubles("x_thresholds");
        var y = reader.ReadDoubles("y_thresholds", x.Length);
        var range = reader.ReadDoubles("x_range", 2);
        bool ok = x.Length > 0 && x.All(double.IsFinite) && !y.Any(double.IsNaN) && range[0] <= range[1];
        for (int i = 1; ok && i < x.Length; i++) ok = x[i] > x[i - 1];
        if (!ok) throw new ModelFormatException("The model file is damaged: the thresholds of an isotonic regression are not valid.");
        return new IsotonicRegressionModel(estimator, x, y, range[0], range[1]);
    }
}
