using Fathom.Core;
using Fathom.LinearAlgebra;
using Fathom.Metrics;
using Fathom.Numerics;

namespace Fathom.Linear;

/// <summary>
/// Ridge regression with the penalty chosen by cross-validation, as scikit-learn's RidgeCV. By default
/// (<see cref="Cv"/> = null) it uses efficient leave-one-out: with A = √s·(X − x̄) = U·S·Vᵀ (one thin SVD) and
/// fᵢ = sᵢ²/(sᵢ² + α), the fitted values are U·diag(f)·Uᵀb and the hat diagonal hᵢᵢ = Σₖ Uᵢₖ² fₖ (+ sᵢ/Σs for the
/// unpenalized intercept), so every leave-one-out residual is rᵢ/(1 − hᵢᵢ) without refitting; the alpha with the
/// smallest mean squared leave-one-out residual wins (scikit-learn's GCV mode; ties to the first alpha). With
/// <see cref="Cv"/> = K, K contiguous folds are used and the alpha with the best mean R² wins. The final model is a
/// <see cref="Ridge"/> fitted on all rows with that alpha.
/// </summary>
/// <remarks>Leave-one-out: O(n·p·min(n, p)) for the SVD plus O(n·min(n, p)) per alpha. K-fold: K ridge fits per alpha.</remarks>
public sealed record RidgeCV : IRegressor
{
    /// <summary>The candidate penalties (each &gt; 0). Default 0.1, 1, 10 (scikit-learn's).</summary>
    public IReadOnlyList<double> Alphas { get; init; } = [0.1, 1.0, 10.0];

    /// <summary>Whether to fit an (unpenalized) intercept. Default true.</summary>
    [Hyperparameter("whether to fit an intercept")]
    public bool FitIntercept { get; init; } = true;

    /// <summary>Number of contiguous folds (≥ 2), or null (default) for efficient leave-one-out.</summary>
    [Hyperparameter("number of cross-validation folds", Min = 2, NullMeans = "efficient leave-one-out")]
    public int? Cv { get; init; }

    /// <summary>Validates, chooses alpha, then fits a new model on all rows.</summary>
    /// <param name="x">Features (n × p), finite.</param>
    /// <param name="y">Targets, finite.</param>
    /// <param name="sampleWeight">Optional non-negative weight per row (weights the leave-one-out errors too).</param>
    /// <param name="context">Cancellation and threads.</param>
    /// <exception cref="InvalidHyperparameterException">An alpha ≤ 0, no alphas, cv below 2 or above the row count.</exception>
    /// <exception cref="InvalidInputException">Empty data, NaN/infinity, length mismatch, negative weights.</exception>
    public RidgeCVModel Fit(Matrix x, double[] y, double[]? sampleWeight = null, FitContext? context = null)
    {
        Hyperparameters.Validate(this);
        var alphas = CvFolds.Grid(Alphas, "alphas", nameof(RidgeCV));
        TargetChecks.Regression(x, y, sampleWeight, nameof(RidgeCV));
        context ??= FitContext.Default;
        var scores = Cv is int k ? KFoldScores(x, y, sampleWeight, alphas, k, context) : LeaveOneOutScores(x, y, sampleWeight, alphas);
        int best = 0;
        for (int a = 1; a < alphas.Length; a++) if (scores[a] > scores[best]) best = a;
        var ridge = new Ridge { Alpha = alphas[best], FitIntercept = FitIntercept }.Fit(x, y, sampleWeight, context);
        return new RidgeCVModel(this with { Alphas = alphas }, alphas[best], scores, ridge.Coefficients.ToArray(), ridge.Intercept);
    }

    /// <summary>−(mean squared leave-one-out residual of the scaled problem) per alpha (scikit-learn's best_score_ scale).</summary>
    private double[] LeaveOneOutScores(Matrix x, double[] y, double[]? sampleWeight, double[] alphas)
    {
        int n = x.Rows;
        var design = CenteredDesign.Create(x, y, sampleWeight, FitIntercept);
        var svd = SingularValueDecomposition.Decompose(design.A);
        var u = svd.U!;
        var s = svd.SingularValues;
        int r = s.Length;
        var ub = MatrixOps.TransposeMultiply(u, design.B);
        var u2 = new Matrix(n, r);
        for (int i = 0; i < n; i++)
        {
            var src = u.Row(i);
            var dst = u2.Row(i);
            for (int c = 0; c < r; c++) dst[c] = src[c] * src[c];
        }
        double sumW = sampleWeight?.Sum() ?? n;
        var scores = new double[alphas.Length];
        var f = new double[r];
        var fub = new double[r];
        for (int a = 0; a < alphas.Length; a++)
        {
            for (int c = 0; c < r; c++)
            {
                double l = s[c] * s[c];
                f[c] = l / (l + alphas[a]);
                fub[c] = f[c] * ub[c];
            }
            var fitted = MatrixOps.Multiply(u, fub);
            var h = MatrixOps.Multiply(u2, f);
            double sum = 0;
            for (int i = 0; i < n; i++)
            {
                double hii = h[i] + (FitIntercept ? (sampleWeight?[i] ?? 1.0) / sumW : 0.0);
                double e = (design.B[i] - fitted[i]) / (1 - hii);
                sum += e * e;
            }
            scores[a] = -sum / n;
        }
        return scores;
    }

    /// <summary>Mean R² over K contiguous folds per alpha.</summary>
    private double[] KFoldScores(Matrix x, double[] y, double[]? sampleWeight, double[] alphas, int k, FitContext context)
    {
        var folds = CvFolds.KFold(x.Rows, k, nameof(RidgeCV));
        var scores = new double[alphas.Length];
        foreach (var (train, test) in folds)
        {
            var xTrain = x.SelectRows(train);
            var yTrain = train.Select(i => y[i]).ToArray();
            var xTest = x.SelectRows(test);
            var yTest = test.Select(i => y[i]).ToArray();
            for (int a = 0; a < alphas.Length; a++)
            {
                context.ThrowIfCancellationRequested();
                var m = new Ridge { Alpha = alphas[a], FitIntercept = FitIntercept }.Fit(xTrain, yTrain, CvFolds.Take(sampleWeight, train), context);
                scores[a] += RegressionMetrics.R2(yTest, m.Predict(xTest)) / folds.Length;
            }
        }
        return scores;
    }

    IRegressionModel IRegressor.Fit(Matrix x, double[] y, double[]? sampleWeight, FitContext? context) =>
        Fit(x, y, sampleWeight, context);
}
