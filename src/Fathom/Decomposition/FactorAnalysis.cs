using System.Globalization;
using Fathom.Core;
using Fathom.Data;
using Fathom.LinearAlgebra;
using Fathom.Numerics;
using Fathom.Preprocessing;

namespace Fathom.Decomposition;

/// <summary>
/// Factor analysis X = W·z + μ + ε, z ~ N(0, I), ε ~ N(0, diag ψ), fitted by the SVD-based maximum-likelihood
/// iteration of Barber (2012, algorithm 21.1), as scikit-learn 1.2's <c>FactorAnalysis(svd_method="lapack")</c>: each
/// step takes the exact SVD of X̃ = (X − μ)/(√ψ·√n), sets W = √max(s² − 1, 0)·Vᵀ·√ψ and ψ = max(var − Σ W², 1e-12),
/// and stops when the log-likelihood gains less than <see cref="Tol"/>. Fathom always uses the exact SVD (scikit-learn's
/// default is a randomized one, which agrees to its own approximation). Cost O(n·p·min(n, p)) per iteration.
/// </summary>
public sealed record FactorAnalysis : ITransformer
{
    /// <summary>Latent factors; null = features.</summary>
    [Hyperparameter("latent factors", Min = 1, NullMeans = "number of features")]
    public int? NComponents { get; init; }

    /// <summary>Stop when the log-likelihood increases by less than this (default 0.01).</summary>
    [Hyperparameter("log-likelihood gain below which the iteration stops", Min = 0)]
    public double Tol { get; init; } = 1e-2;

    /// <summary>Most iterations (default 1000).</summary>
    [Hyperparameter("most iterations", Min = 1)]
    public int MaxIter { get; init; } = 1000;

    /// <inheritdoc/>
    public EstimatorTags Tags { get; } = new() { SupportsSampleWeight = false };

    /// <summary>Fits on the numeric and boolean columns of <paramref name="x"/>.</summary>
    /// <exception cref="InvalidHyperparameterException">More factors than features.</exception>
    /// <exception cref="InvalidInputException">Fewer than 2 rows, no columns, a text or date column, NaN or infinity.</exception>
    public FactorAnalysisModel Fit(DataFrame x, FitContext? context = null)
    {
        Hyperparameters.Validate(this);
        var m = Manifold.ManifoldInput.ToMatrix(x, nameof(FactorAnalysis));
        return FitCore(m, x.ColumnNames.ToArray(), x.Columns.Select(c => c.Kind).ToArray(), context ?? FitContext.Default);
    }

    /// <summary>Fits on a matrix (columns named x0, x1, …).</summary>
    /// <exception cref="InvalidHyperparameterException">See <see cref="Fit(DataFrame, FitContext?)"/>.</exception>
    /// <exception cref="InvalidInputException">See <see cref="Fit(DataFrame, FitContext?)"/>.</exception>
    public FactorAnalysisModel Fit(Matrix x, FitContext? context = null)
    {
        ArgumentNullException.ThrowIfNull(x);
        Hyperparameters.Validate(this);
        if (x.Columns == 0 || x.Rows == 0) throw new InvalidInputException("FactorAnalysis: the data is empty; give it rows and columns.");
        Linear.InputChecks.Finite(x, nameof(FactorAnalysis));
        return FitCore(x, Manifold.ManifoldInput.OutputNames("x", x.Columns), Enumerable.Repeat(ColumnKind.Numeric, x.Columns).ToArray(), context ?? FitContext.Default);
    }

    ITransformerModel ITransformer.Fit(DataFrame x, FitContext? context) => Fit(x, context);

    private FactorAnalysisModel FitCore(Matrix x, string[] names, ColumnKind[] kinds, FitContext ctx)
    {
        int n = x.Rows, p = x.Columns;
        if (n < 2) throw new InvalidInputException("FactorAnalysis: the data has 1 row; fitting needs at least 2 rows.");
        int k = NComponents ?? p;
        if (k > p)
            throw new InvalidHyperparameterException("n_components", string.Create(CultureInfo.InvariantCulture,
                $"FactorAnalysis: n_components = {k} is more than the number of features ({p})."));
        const double small = 1e-12;
        var mean = Reductions.ColumnMeans(x);
        var xc = new Matrix(n, p);
        for (int i = 0; i < n; i++) System.Numerics.Tensors.TensorPrimitives.Subtract(x.Row(i), mean, xc.Row(i));
        var variance = Reductions.ColumnVariances(x, ddof: 0);
        double nsqrt = Math.Sqrt(n);
        double llconst = p * Math.Log(2 * Math.PI) + k;
        var psi = Enumerable.Repeat(1.0, p).ToArray();
        var loglike = new List<double>();
        double old = double.NegativeInfinity;
        var w = new Matrix(k, p);
        int it;
        var scaled = new Matrix(n, p);
        for (it = 0; it < MaxIter; it++)
        {
            var sq = psi.Select(v => Math.Sqrt(v) + small).ToArray();
            for (int i = 0; i < n; i++)
            {
                var src = xc.Row(i);
                var dst = scaled.Row(i);
                for (int j = 0; j < p; j++) dst[j] = src[j] / (sq[j] * nsqrt);
            }
            var svd = SingularValueDecomposition.Decompose(scaled);
            var s = svd.SingularValues;
            var vt = svd.Vt!;
            double unexplained = 0;
            for (int t = k; t < s.Length; t++) unexplained += s[t] * s[t];
            double ll = llconst;
            for (int t = 0; t < k; t++)
            {
                double s2 = t < s.Length ? s[t] * s[t] : 0;
                ll += Math.Log(s2);
                double f = Math.Sqrt(Math.Max(s2 - 1.0, 0.0));
                for (int j = 0; j < p; j++) w[t, j] = t < vt.Rows ? f * vt[t, j] * sq[j] : 0;
            }
            for (int j = 0; j < p; j++) ll += Math.Log(psi[j]);
            ll += unexplained;
            ll *= -n / 2.0;
            loglike.Add(ll);
            if (ll - old < Tol) break;
            old = ll;
            for (int j = 0; j < p; j++)
            {
                double colSq = 0;
                for (int t = 0; t < k; t++) colSq += w[t, j] * w[t, j];
                psi[j] = Math.Max(variance[j] - colSq, small);
            }
            ctx.ThrowIfCancellationRequested();
        }
        if (it == MaxIter) ctx.Warn($"FactorAnalysis: did not converge in {MaxIter} iterations; raise max_iter or tol.");
        return new FactorAnalysisModel(this, names, kinds, mean, w, psi, [.. loglike], Math.Min(it + 1, MaxIter));
    }
}
