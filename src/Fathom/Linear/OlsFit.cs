using Fathom.LinearAlgebra;
using Fathom.Numerics;
using Fathom.Statistics;

namespace Fathom.Linear;

/// <summary>
/// The computation behind <see cref="OrdinaryLeastSquares"/>: β̂ = D⁺y through the SVD of the (weighted) design
/// D = √W·[1, X] (statsmodels' pinv with rcond 1e-15), the unscaled covariance (DᵀD)⁺ = V S⁻² Vᵀ, rank by numpy's
/// matrix_rank tolerance, then every statistic of the summary. O(n·q² + q³) for q = p + 1 columns.
/// </summary>
internal static class OlsFit
{
    private const double MachineEpsilon = 2.220446049250313e-16;

    public static (double[] Beta, OlsSummary Summary) Run(Matrix x, double[] y, double[]? sampleWeight, bool fitIntercept, double confidenceLevel)
    {
        int k0 = fitIntercept ? 1 : 0, p = x.Columns, q = p + k0;
        var rows = new List<int>(x.Rows);
        for (int i = 0; i < x.Rows; i++)
            if (sampleWeight is null || sampleWeight[i] > 0) rows.Add(i);
        int n = rows.Count;
        bool weighted = sampleWeight is not null && rows.Any(i => sampleWeight[i] != 1.0);

        var design = new Matrix(n, q);
        var wy = new double[n];
        for (int r = 0; r < n; r++)
        {
            int i = rows[r];
            double s = sampleWeight is null ? 1.0 : Math.Sqrt(sampleWeight[i]);
            var dst = design.Row(r);
            if (fitIntercept) dst[0] = s;
            var src = x.Row(i);
            for (int j = 0; j < p; j++) dst[k0 + j] = s * src[j];
            wy[r] = s * y[i];
        }

        var svd = SingularValueDecomposition.Decompose(design);
        var sv = svd.SingularValues;
        var u = svd.U!;
        var vt = svd.Vt!;
        double sMax = sv.Length > 0 ? sv[0] : 0;
        double pinvCut = 1e-15 * sMax, rankTol = sMax * Math.Max(n, q) * MachineEpsilon;
        int rank = sv.Count(s => s > rankTol);

        var uty = MatrixOps.TransposeMultiply(u, wy);
        var beta = new double[q];
        var ncov = new Matrix(q, q);
        for (int k = 0; k < sv.Length; k++)
        {
            if (!(sv[k] > pinvCut)) continue;
            var v = vt.Row(k);
            double scale = uty[k] / sv[k], inv2 = 1 / (sv[k] * sv[k]);
            for (int a = 0; a < q; a++)
            {
                beta[a] += v[a] * scale;
                var covRow = ncov.Row(a);
                for (int b = 0; b < q; b++) covRow[b] += v[a] * v[b] * inv2;
            }
        }

        var wresid = new double[n];
        var fitted = MatrixOps.Multiply(design, beta);
        double ssr = 0;
        for (int r = 0; r < n; r++) { wresid[r] = wy[r] - fitted[r]; ssr += wresid[r] * wresid[r]; }

        double dfModel = rank - k0, dfResid = n - rank;
        double scaleSigma = ssr / dfResid;
        double tss = 0;
        if (fitIntercept)
        {
            double sw = 0, mean = 0;
            foreach (int i in rows) { double w = sampleWeight?[i] ?? 1; sw += w; mean += w * y[i]; }
            mean /= sw;
            foreach (int i in rows) { double w = sampleWeight?[i] ?? 1; tss += w * (y[i] - mean) * (y[i] - mean); }
        }
        else
        {
            foreach (int i in rows) tss += (sampleWeight?[i] ?? 1) * y[i] * y[i];
        }
        double r2 = 1 - ssr / tss;
        double adjR2 = 1 - (n - k0) / dfResid * (1 - r2);
        double ess = tss - ssr;
        double fStat = dfModel > 0 && dfResid > 0 ? ess / dfModel / (ssr / dfResid) : double.NaN;
        double fP = double.IsFinite(fStat) ? FisherFDistribution.Sf(fStat, dfModel, dfResid) : double.NaN;
        double llf = -0.5 * n * (Math.Log(2 * Math.PI) + Math.Log(ssr / n) + 1);
        if (weighted) foreach (int i in rows) llf += 0.5 * Math.Log(sampleWeight![i]);
        double aic = -2 * llf + 2 * (dfModel + k0);
        double bic = -2 * llf + Math.Log(n) * (dfModel + k0);

        double tCrit = dfResid > 0 ? StudentTDistribution.Quantile(1 - (1 - confidenceLevel) / 2, dfResid) : double.NaN;
        var table = new OlsCoefficient[q];
        for (int j = 0; j < q; j++)
        {
            double se = Math.Sqrt(scaleSigma * ncov[j, j]);
            double t = beta[j] / se;
            double pv = dfResid > 0 && double.IsFinite(t) ? StudentTDistribution.TwoSidedPValue(t, dfResid) : double.NaN;
            string name = fitIntercept && j == 0 ? "const" : "x" + (j - k0).ToString(System.Globalization.CultureInfo.InvariantCulture);
            table[j] = new OlsCoefficient(name, beta[j], se, t, pv, beta[j] - tCrit * se, beta[j] + tCrit * se);
        }

        double dw = 0;
        for (int r = 1; r < n; r++) dw += (wresid[r] - wresid[r - 1]) * (wresid[r] - wresid[r - 1]);
        dw /= ssr;
        var nan = new TestResult(double.NaN, double.NaN);
        var omnibus = n >= 8 ? NormalityTests.Omnibus(wresid) : nan;
        var jb = n >= 2 ? NormalityTests.JarqueBera(wresid) : nan;
        double cond = sv.Length > 0 && sv[^1] > 0 ? sMax / sv[^1] : double.PositiveInfinity;

        var summary = new OlsSummary(table, n, dfModel, dfResid, r2, adjR2, fStat, fP, llf, aic, bic, scaleSigma, omnibus, jb,
            NormalityTests.Skewness(wresid), NormalityTests.Kurtosis(wresid), dw, cond, confidenceLevel, fitIntercept);
        return (beta, summary);
    }

    /// <summary>
    /// The Gaussian log-likelihood and the parameter count of an unweighted OLS fit of y on the given columns
    /// of X (plus an intercept): the pieces of AIC/BIC that stepwise selection compares. O(n·k²).
    /// </summary>
    public static (double LogLikelihood, int Parameters) LogLikelihood(Matrix x, double[] y, IReadOnlyList<int> columns, bool fitIntercept)
    {
        int n = x.Rows, k = columns.Count, k0 = fitIntercept ? 1 : 0;
        double ssr;
        if (k == 0)
        {
            double mean = fitIntercept ? y.Average() : 0;
            ssr = y.Sum(v => (v - mean) * (v - mean));
            return (-0.5 * n * (Math.Log(2 * Math.PI) + Math.Log(ssr / n) + 1), k0);
        }
        var design = new Matrix(n, k + k0);
        for (int i = 0; i < n; i++)
        {
            var dst = design.Row(i);
            var src = x.Row(i);
            if (fitIntercept) dst[0] = 1;
            for (int j = 0; j < k; j++) dst[k0 + j] = src[columns[j]];
        }
        var solution = LeastSquares.Solve(design, y);
        var fitted = MatrixOps.Multiply(design, solution.Solution.Column(0));
        ssr = 0;
        for (int i = 0; i < n; i++) ssr += (y[i] - fitted[i]) * (y[i] - fitted[i]);
        return (-0.5 * n * (Math.Log(2 * Math.PI) + Math.Log(ssr / n) + 1), solution.Rank);
    }
}
