using Fathom.Core;
using Fathom.LinearAlgebra;
using Fathom.Numerics;

namespace Fathom.Linear;

/// <summary>
/// Ordinary least squares, as scikit-learn's LinearRegression: minimizes Σᵢ sᵢ (yᵢ − xᵢ·β − β₀)². With an
/// intercept, X and y are centred on their (weighted) means; sample weights scale each centred row by √sᵢ;
/// the problem is then solved by <see cref="LeastSquares"/> (column-pivoted Householder QR, or the SVD when
/// the design is rank-deficient, which gives the minimum-norm solution like scipy.linalg.lstsq) and the
/// intercept is ȳ − x̄·β.
/// </summary>
/// <remarks>Cost O(n · p²) time, O(n · p) extra memory for the centred copy.</remarks>
public sealed record LinearRegression : IRegressor
{
    /// <summary>Whether to fit an intercept (centre X and y first). Default true.</summary>
    [Hyperparameter("whether to fit an intercept")]
    public bool FitIntercept { get; init; } = true;

    /// <summary>Validates, then fits a new model.</summary>
    /// <param name="x">Features (n × p), finite.</param>
    /// <param name="y">Targets, one per row, finite.</param>
    /// <param name="sampleWeight">Optional non-negative weight per row.</param>
    /// <param name="context">Cancellation (checked before the solve); the solve itself is not interruptible.</param>
    /// <exception cref="InvalidInputException">Empty data, NaN/infinity, length mismatch, negative weights.</exception>
    public LinearRegressionModel Fit(Matrix x, double[] y, double[]? sampleWeight = null, FitContext? context = null)
    {
        Hyperparameters.Validate(this);
        const string name = nameof(LinearRegression);
        TargetChecks.Regression(x, y, sampleWeight, name);
        context ??= FitContext.Default;
        context.ThrowIfCancellationRequested();

        int n = x.Rows, p = x.Columns;
        var xMean = new double[p];
        double yMean = 0;
        if (FitIntercept)
        {
            double sw = 0;
            for (int i = 0; i < n; i++)
            {
                double w = sampleWeight?[i] ?? 1.0;
                var row = x.Row(i);
                for (int j = 0; j < p; j++) xMean[j] += w * row[j];
                yMean += w * y[i];
                sw += w;
            }
            for (int j = 0; j < p; j++) xMean[j] /= sw;
            yMean /= sw;
        }
        var a = new Matrix(n, p);
        var b = new double[n];
        for (int i = 0; i < n; i++)
        {
            double s = sampleWeight is null ? 1.0 : Math.Sqrt(sampleWeight[i]);
            var src = x.Row(i);
            var dst = a.Row(i);
            for (int j = 0; j < p; j++) dst[j] = (src[j] - xMean[j]) * s;
            b[i] = (y[i] - yMean) * s;
        }
        var solution = LeastSquares.Solve(a, b);
        var coef = solution.Solution.Column(0);
        double intercept = 0;
        if (FitIntercept)
        {
            intercept = yMean;
            for (int j = 0; j < p; j++) intercept -= xMean[j] * coef[j];
        }
        return new LinearRegressionModel(this, coef, intercept, solution.Rank);
    }

    IRegressionModel IRegressor.Fit(Matrix x, double[] y, double[]? sampleWeight, FitContext? context) =>
        Fit(x, y, sampleWeight, context);
}
