using Fathom.Core;
using Fathom.Data;

namespace Fathom.Preprocessing;

/// <summary>
/// Makes each numeric column more Gaussian with a fitted power transform, like scikit-learn's
/// <c>PowerTransformer</c>. The exponent λ of each column maximizes the normal log-likelihood of the
/// transformed values, found by Brent's method from the bracket (−2, 2) as scikit-learn (SciPy's
/// <c>optimize.brent</c>):
/// <list type="bullet">
/// <item>Yeo-Johnson (default, any real x): ψ(x) = ((x+1)^λ − 1)/λ for x ≥ 0 (log1p x when λ = 0),
/// −((1−x)^(2−λ) − 1)/(2−λ) for x &lt; 0 (−log1p(−x) when λ = 2); log-likelihood
/// −n/2·log var(ψ) + (λ−1)·Σ sign(x)·log1p|x|.</item>
/// <item>Box-Cox (x &gt; 0 only): (x^λ − 1)/λ (log x when λ = 0); log-likelihood −n/2·log var(x^λ/λ) + (λ−1)·Σ log x.</item>
/// </list>
/// With <see cref="Standardize"/> (default) the transformed columns are then standardized (a nested
/// <see cref="StandardScaler"/>). NaN is ignored at fit and stays NaN. Fit is O(n·p·k) for k likelihood
/// evaluations (typically 20–40).
/// </summary>
public sealed record PowerTransformer : ITransformer
{
    /// <summary>The transform family (default yeo-johnson).</summary>
    [Hyperparameter("Power transform: yeo_johnson (any values) or box_cox (strictly positive values).")]
    public PowerMethod Method { get; init; } = PowerMethod.YeoJohnson;

    /// <summary>Standardize the output to zero mean and unit variance (default true).</summary>
    [Hyperparameter("Standardize the transformed columns to zero mean and unit variance.")]
    public bool Standardize { get; init; } = true;

    /// <inheritdoc/>
    public EstimatorTags Tags { get; } = new() { SupportsSampleWeight = false, AllowsMissingValues = true };

    /// <summary>Fits λ for each column (and the standardization).</summary>
    /// <exception cref="InvalidInputException">No rows or columns; a text or date column; an infinite value; a
    /// value ≤ 0 with box_cox (names the column and row). A constant column gets λ = 1 (identity) with a warning.</exception>
    public PowerTransformerModel Fit(DataFrame x, FitContext? context = null)
    {
        Hyperparameters.Validate(this);
        var (names, kinds, cols) = NumericColumns.ReadFit(x, nameof(PowerTransformer), allowMissing: true);
        int p = names.Length;
        var lambdas = new double[p];
        for (int j = 0; j < p; j++)
        {
            context?.ThrowIfCancellationRequested();
            if (Method == PowerMethod.BoxCox) CheckPositive(names[j], cols[j]);
            var present = cols[j].Where(d => !double.IsNaN(d)).ToArray();
            if (present.Length < 2 || present.All(d => d == present[0]))
            {
                context?.Warn($"PowerTransformer: column '{names[j]}' is constant (or has fewer than two values); λ cannot be estimated and is set to 1 (identity).");
                lambdas[j] = 1.0;
                continue;
            }
            lambdas[j] = Method == PowerMethod.YeoJohnson ? FitYeoJohnson(present) : FitBoxCox(present);
        }
        StandardScalerModel? scaler = null;
        if (Standardize)
        {
            var t = new double[p][];
            for (int j = 0; j < p; j++) t[j] = Apply(Method, cols[j], lambdas[j]);
            scaler = new StandardScaler().Fit(NumericColumns.ToFrame(names, t), context);
        }
        return new PowerTransformerModel(this, names, kinds, lambdas, scaler);
    }

    ITransformerModel ITransformer.Fit(DataFrame x, FitContext? context) => Fit(x, context);

    internal static void CheckPositive(string name, double[] v)
    {
        for (int i = 0; i < v.Length; i++)
            if (v[i] <= 0)
                throw new InvalidInputException(
                    $"PowerTransformer: column '{name}' has {v[i]} at row {i}; box_cox needs strictly positive values. Use method yeo_johnson, which takes any real value.",
                    i, name);
    }

    private static double FitYeoJohnson(double[] x)
    {
        double signedLogSum = 0;
        foreach (double d in x) signedLogSum += Math.Sign(d) * LogTransformerModel.Log1p(Math.Abs(d));
        var buffer = new double[x.Length];
        double n = x.Length;
        double Nll(double lambda)
        {
            for (int i = 0; i < x.Length; i++) buffer[i] = YeoJohnson(x[i], lambda);
            double var = Variance(buffer);
            if (var < 2.2250738585072014e-308 || double.IsNaN(var)) return double.PositiveInfinity; // finfo.tiny
            return n / 2 * Math.Log(var) - (lambda - 1) * signedLogSum;
        }
        return BrentMinimizer.Minimize(Nll, -2, 2);
    }

    private static double FitBoxCox(double[] x)
    {
        var logs = x.Select(d => Math.Log(d)).ToArray();
        double logSum = 0;
        foreach (double l in logs) logSum += l;
        var buffer = new double[x.Length];
        double n = x.Length;
        double Nll(double lambda)
        {
            if (lambda == 0) Array.Copy(logs, buffer, logs.Length);
            else for (int i = 0; i < x.Length; i++) buffer[i] = Math.Pow(x[i], lambda) / lambda;
            return -((lambda - 1) * logSum - n / 2 * Math.Log(Variance(buffer)));
        }
        return BrentMinimizer.Minimize(Nll, -2, 2);
    }

    /// <summary>Population variance as NumPy's <c>var</c>: mean, then the mean squared deviation.</summary>
    private static double Variance(double[] v)
    {
        double s = 0;
        foreach (double d in v) s += d;
        double m = s / v.Length, q = 0;
        foreach (double d in v) q += (d - m) * (d - m);
        return q / v.Length;
    }

    /// <summary>The transform of one column (NaN stays NaN).</summary>
    internal static double[] Apply(PowerMethod method, double[] v, double lambda)
    {
        var o = new double[v.Length];
        for (int i = 0; i < v.Length; i++) o[i] = method == PowerMethod.YeoJohnson ? YeoJohnson(v[i], lambda) : BoxCox(v[i], lambda);
        return o;
    }

    internal static double YeoJohnson(double x, double lambda)
    {
        const double eps = 2.220446049250313e-16;
        if (double.IsNaN(x)) return x;
        if (x >= 0)
            return Math.Abs(lambda) < eps ? LogTransformerModel.Log1p(x) : (Math.Pow(x + 1, lambda) - 1) / lambda;
        return Math.Abs(lambda - 2) > eps ? -(Math.Pow(-x + 1, 2 - lambda) - 1) / (2 - lambda) : -LogTransformerModel.Log1p(-x);
    }

    internal static double BoxCox(double x, double lambda)
    {
        if (double.IsNaN(x)) return x;
        return Math.Abs(lambda) < 1e-19 ? Math.Log(x) : LogTransformerModel.Expm1(lambda * Math.Log(x)) / lambda;
    }

    internal static double InverseYeoJohnson(double z, double lambda)
    {
        const double eps = 2.220446049250313e-16;
        if (double.IsNaN(z)) return z;
        if (z >= 0)
            return Math.Abs(lambda) < eps ? Math.Exp(z) - 1 : Math.Pow(z * lambda + 1, 1 / lambda) - 1;
        return Math.Abs(lambda - 2) > eps ? 1 - Math.Pow(-(2 - lambda) * z + 1, 1 / (2 - lambda)) : 1 - Math.Exp(-z);
    }

    internal static double InverseBoxCox(double z, double lambda) =>
        lambda == 0 ? Math.Exp(z) : Math.Pow(z * lambda + 1, 1 / lambda);
}
