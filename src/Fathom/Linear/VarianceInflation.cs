using Fathom.Core;
using Fathom.LinearAlgebra;
using Fathom.Numerics;

namespace Fathom.Linear;

/// <summary>
/// Variance inflation factors: VIFⱼ = 1 / (1 − Rⱼ²), where Rⱼ² is the R² of regressing column j on all other
/// columns with an intercept — statsmodels' <c>variance_inflation_factor(add_constant(X), j + 1)</c>. Values above
/// 5–10 flag collinearity; a column that the others explain exactly gets +∞.
/// </summary>
/// <remarks>p least-squares fits of n × p designs: O(n · p³) time, O(n · p) memory.</remarks>
public static class VarianceInflation
{
    /// <summary>The VIF of every column of <paramref name="x"/>.</summary>
    /// <exception cref="InvalidInputException">Fewer than 2 columns or rows, or non-finite values.</exception>
    public static double[] Factors(Matrix x)
    {
        InputChecks.Features(x, nameof(VarianceInflation));
        int n = x.Rows, p = x.Columns;
        if (p < 2) throw new InvalidInputException($"{nameof(VarianceInflation)}: {p} column was given; variance inflation needs at least 2 columns.");
        if (n < 2) throw new InvalidInputException($"{nameof(VarianceInflation)}: {n} row was given; variance inflation needs at least 2 rows.");
        var vif = new double[p];
        var design = new Matrix(n, p);
        var target = new double[n];
        for (int j = 0; j < p; j++)
        {
            for (int i = 0; i < n; i++)
            {
                var src = x.Row(i);
                var dst = design.Row(i);
                dst[0] = 1;
                int c = 1;
                for (int k = 0; k < p; k++) if (k != j) dst[c++] = src[k];
                target[i] = src[j];
            }
            double mean = target.Average(), tss = 0;
            foreach (double v in target) tss += (v - mean) * (v - mean);
            if (tss == 0) { vif[j] = double.NaN; continue; }
            var solution = LeastSquares.Solve(design, target);
            var fitted = MatrixOps.Multiply(design, solution.Solution.Column(0));
            double ssr = 0;
            for (int i = 0; i < n; i++) ssr += (target[i] - fitted[i]) * (target[i] - fitted[i]);
            vif[j] = ssr <= 1e-13 * tss ? double.PositiveInfinity : tss / ssr;
        }
        return vif;
    }
}
