using Fathom.Numerics;

namespace Fathom.Svm;

/// <summary>
/// The SVM duals libsvm solves, each mapped onto <see cref="SmoSolver"/>: C-SVC, ν-SVC, one-class, ε-SVR and
/// ν-SVR. Each returns the signed coefficients of the decision f(x) = Σ coef_i K(x_i, x) − ρ.
/// </summary>
internal static class SvmFormulations
{
    /// <summary>Coefficients per training row (0 for non-support rows), ρ, iterations, and the ν-SVR ε.</summary>
    public sealed record Solution(double[] Coef, double Rho, int Iterations, bool Converged, double Epsilon = 0);

    /// <summary>C-SVC: min ½αᵀQα − Σα s.t. yᵀα = 0, 0 ≤ α_i ≤ C_i; coef = y·α.</summary>
    public static Solution CSvc(Matrix x, double[] y, double[] c, KernelFunction kernel, SolverSettings s)
    {
        int l = y.Length;
        var p = new double[l];
        Array.Fill(p, -1.0);
        using var q = new ClassificationQ(x, y, kernel, s.CacheMegabytes);
        var r = SmoSolver.Solve(q, p, y, new double[l], c, s.Tol, s.Shrinking, false, s.MaxIter, s.Context);
        var coef = new double[l];
        for (int i = 0; i < l; i++) coef[i] = r.Alpha[i] * y[i];
        return new Solution(coef, r.Rho, r.Iterations, r.Converged);
    }

    /// <summary>ν-SVC: min ½αᵀQα s.t. yᵀα = 0, Σα = ν·Σw, 0 ≤ α_i ≤ w_i; rescaled by 1/r to the C-SVC form.</summary>
    public static Solution NuSvc(Matrix x, double[] y, double nu, double[] w, KernelFunction kernel, SolverSettings s)
    {
        int l = y.Length;
        double total = 0;
        foreach (double v in w) total += v;
        double sumPos = nu * total / 2, sumNeg = sumPos;
        var alpha = new double[l];
        for (int i = 0; i < l; i++)
        {
            if (y[i] > 0) { alpha[i] = Math.Min(w[i], sumPos); sumPos -= alpha[i]; }
            else { alpha[i] = Math.Min(w[i], sumNeg); sumNeg -= alpha[i]; }
        }
        using var q = new ClassificationQ(x, y, kernel, s.CacheMegabytes);
        var r = SmoSolver.Solve(q, new double[l], y, alpha, w, s.Tol, s.Shrinking, true, s.MaxIter, s.Context);
        var coef = new double[l];
        for (int i = 0; i < l; i++) coef[i] = r.Alpha[i] * y[i] / r.R;
        return new Solution(coef, r.Rho / r.R, r.Iterations, r.Converged);
    }

    /// <summary>One-class SVM: min ½αᵀKα s.t. Σα = ν·Σw, 0 ≤ α_i ≤ w_i.</summary>
    public static Solution OneClass(Matrix x, double nu, double[] w, KernelFunction kernel, SolverSettings s)
    {
        int l = x.Rows;
        var alpha = new double[l];
        double total = 0;
        foreach (double v in w) total += v;
        double left = nu * total;
        for (int i = 0; i < l && left > 0; i++)
        {
            alpha[i] = Math.Min(w[i], left);
            left -= alpha[i];
        }
        var ones = new double[l];
        Array.Fill(ones, 1.0);
        using var q = new ClassificationQ(x, ones, kernel, s.CacheMegabytes);
        var r = SmoSolver.Solve(q, new double[l], ones, alpha, w, s.Tol, s.Shrinking, false, s.MaxIter, s.Context);
        return new Solution(r.Alpha, r.Rho, r.Iterations, r.Converged);
    }

    /// <summary>ε-SVR over the 2l variables (α, α*): linear term ε ∓ y, coef = α − α*.</summary>
    public static Solution EpsilonSvr(Matrix x, double[] y, double epsilon, double[] c, KernelFunction kernel, SolverSettings s)
    {
        int l = y.Length;
        var p = new double[2 * l];
        var sign = new double[2 * l];
        var c2 = new double[2 * l];
        for (int i = 0; i < l; i++)
        {
            p[i] = epsilon - y[i];
            p[i + l] = epsilon + y[i];
            sign[i] = 1;
            sign[i + l] = -1;
            c2[i] = c2[i + l] = c[i];
        }
        using var q = new RegressionQ(x, kernel, s.CacheMegabytes);
        var r = SmoSolver.Solve(q, p, sign, new double[2 * l], c2, s.Tol, s.Shrinking, false, s.MaxIter, s.Context);
        var coef = new double[l];
        for (int i = 0; i < l; i++) coef[i] = r.Alpha[i] - r.Alpha[i + l];
        return new Solution(coef, r.Rho, r.Iterations, r.Converged);
    }

    /// <summary>ν-SVR: the ν solver over (α, α*) with Σ(α + α*) = C·ν·Σw; ε comes out as −r.</summary>
    public static Solution NuSvr(Matrix x, double[] y, double nu, double[] c, KernelFunction kernel, SolverSettings s)
    {
        int l = y.Length;
        double total = 0;
        for (int i = 0; i < l; i++) total += c[i];
        double sum = total * nu / 2;
        var alpha = new double[2 * l];
        var p = new double[2 * l];
        var sign = new double[2 * l];
        var c2 = new double[2 * l];
        for (int i = 0; i < l; i++)
        {
            alpha[i] = alpha[i + l] = Math.Min(sum, c[i]);
            sum -= alpha[i];
            p[i] = -y[i];
            p[i + l] = y[i];
            sign[i] = 1;
            sign[i + l] = -1;
            c2[i] = c2[i + l] = c[i];
        }
        using var q = new RegressionQ(x, kernel, s.CacheMegabytes);
        var r = SmoSolver.Solve(q, p, sign, alpha, c2, s.Tol, s.Shrinking, true, s.MaxIter, s.Context);
        var coef = new double[l];
        for (int i = 0; i < l; i++) coef[i] = r.Alpha[i] - r.Alpha[i + l];
        return new Solution(coef, r.Rho, r.Iterations, r.Converged, -r.R);
    }
}
