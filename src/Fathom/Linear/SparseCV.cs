using System.Globalization;
using Fathom.Core;
using Fathom.Numerics;

namespace Fathom.Linear;

/// <summary>What <see cref="LassoCV"/> and <see cref="ElasticNetCV"/> learn.</summary>
internal sealed record SparseCVResult(double Alpha, double[] Alphas, Matrix MsePath, double[] Coefficients, double Intercept,
    int Iterations, double DualGap, bool Converged);

/// <summary>
/// The cross-validation both sparse estimators share (scikit-learn's LinearModelCV): the alpha grid is built once
/// on all rows (α_max = max|Xᵀ(y − ȳ)| / (n·ρ), then <c>count</c> values log-spaced down to eps·α_max), the
/// regularization path is computed on the training rows of each of K contiguous folds over that grid, the mean
/// squared error on the held-out rows is averaged over the folds, the alpha with the smallest mean wins (ties to the
/// larger alpha, the first in the grid) and the model is refitted on all rows with it.
/// </summary>
internal static class SparseCV
{
    public static SparseCVResult Fit(Matrix x, double[] y, double[]? sampleWeight, double l1Ratio, bool fitIntercept, int maxIter,
        double tol, bool positive, int cv, int alphaCount, double eps, IReadOnlyList<double>? alphas, FitContext? context, string name)
    {
        TargetChecks.Regression(x, y, sampleWeight, name);
        context ??= FitContext.Default;
        if (!(eps > 0 && eps <= 1)) throw new InvalidHyperparameterException("eps", $"{name}: eps must be in (0, 1].");
        if (alphaCount < 1) throw new InvalidHyperparameterException("n_alphas", $"{name}: n_alphas is {alphaCount}; give at least 1.");
        double[] grid;
        if (alphas is not null) grid = CvFolds.Grid(alphas, "alphas", name, allowZero: true).OrderDescending().ToArray();
        else
        {
            if (l1Ratio <= 0)
                throw new InvalidHyperparameterException("l1_ratio", $"{name}: the automatic alpha grid needs l1_ratio > 0; give the alphas explicitly.");
            var (design, solver) = ElasticNetFitter.Prepare(x, y, sampleWeight, fitIntercept, false, 1);
            double max = 0;
            foreach (double v in solver.Correlations) max = Math.Max(max, Math.Abs(v));
            grid = ElasticNetPath.Grid(max / (x.Rows * l1Ratio), eps, alphaCount);
            _ = design;
        }
        var folds = CvFolds.KFold(x.Rows, cv, name);
        var mse = new Matrix(grid.Length, folds.Length);
        for (int f = 0; f < folds.Length; f++)
        {
            var (train, test) = folds[f];
            var xTrain = x.SelectRows(train);
            var yTrain = train.Select(i => y[i]).ToArray();
            var swTest = CvFolds.Take(sampleWeight, test);
            var quiet = context with { Log = null };
            var path = ElasticNetPath.Run(xTrain, yTrain, l1Ratio, fitIntercept, null, maxIter, tol, positive, 0, eps, grid,
                CvFolds.Take(sampleWeight, train), quiet, name);
            var coef = path.Coefficients;
            var xTest = x.SelectRows(test);
            for (int a = 0; a < grid.Length; a++)
            {
                var pred = LinearPrediction.Predict(xTest, coef.Row(a).ToArray(), path.Intercepts[a], name);
                double sum = 0, wsum = 0;
                for (int i = 0; i < test.Length; i++)
                {
                    double w = swTest?[i] ?? 1.0, r = pred[i] - y[test[i]];
                    sum += w * r * r;
                    wsum += w;
                }
                mse[a, f] = sum / wsum;
            }
            context.Report("cv", f + 1, folds.Length);
        }
        int best = 0;
        double bestMean = double.PositiveInfinity;
        for (int a = 0; a < grid.Length; a++)
        {
            double mean = 0;
            for (int f = 0; f < folds.Length; f++) mean += mse[a, f];
            mean /= folds.Length;
            if (mean < bestMean) { bestMean = mean; best = a; }
        }
        var final = ElasticNetFitter.FitOnce(x, y, sampleWeight, fitIntercept, null, grid[best], l1Ratio, maxIter, tol, positive, null, context, name);
        return new SparseCVResult(grid[best], grid, mse, final.Coefficients, final.Intercept, final.Iterations, final.DualGap, final.Converged);
    }

    /// <summary>Writes the state after the hyperparameters.</summary>
    public static void Write(Fathom.Persistence.ModelWriter writer, SparseCVResult r)
    {
        writer.SetProperty("alpha", r.Alpha);
        writer.WriteDoubles("alphas", r.Alphas);
        writer.WriteMatrix("mse_path", r.MsePath);
        writer.WriteDoubles("coefficients", r.Coefficients);
        writer.SetProperty("intercept", r.Intercept);
        writer.SetProperty("iterations", r.Iterations);
        writer.SetProperty("dual_gap", r.DualGap);
        writer.SetProperty("converged", r.Converged);
    }

    public static SparseCVResult Read(Fathom.Persistence.ModelReader reader, string kind)
    {
        var alphas = reader.ReadDoubles("alphas");
        var mse = reader.ReadMatrix("mse_path");
        if (alphas.Length < 1 || mse.Rows != alphas.Length)
            throw new ModelFormatException(string.Create(CultureInfo.InvariantCulture,
                $"The model file is damaged: a {kind} model's error path has {mse.Rows} rows for {alphas.Length} alphas."));
        return new SparseCVResult(reader.GetDouble("alpha"), alphas, mse, LinearPrediction.ReadCoefficients(reader, kind),
            reader.GetDouble("intercept"), reader.GetInt("iterations"), reader.GetDouble("dual_gap"), reader.GetBool("converged"));
    }
}
