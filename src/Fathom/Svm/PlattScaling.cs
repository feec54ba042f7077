using Fathom.Core;
using Fathom.Numerics;

namespace Fathom.Svm;

/// <summary>
/// Probability estimates for SVM classifiers as libsvm's: for every pair of classes, decision values from an
/// internal 5-fold cross-validation are fitted by a sigmoid P(a | f) = 1 / (1 + exp(A·f + B)) (Platt 2000,
/// with the Newton method and regularized targets of Lin, Lin and Weng 2007); pairwise probabilities are
/// coupled into class probabilities by the second method of Wu, Lin and Weng (2004).
/// </summary>
internal sealed class PlattScaling
{
    private const double MinProb = 1e-7;

    public PlattScaling(double[] a, double[] b)
    {
        A = a;
        B = b;
    }

    /// <summary>Sigmoid slope per pair (libsvm's probA).</summary>
    public double[] A { get; }

    /// <summary>Sigmoid offset per pair (libsvm's probB).</summary>
    public double[] B { get; }

    /// <summary>Fits A and B of every pair by 5-fold cross-validation of the binary solver.</summary>
    public static PlattScaling Fit(Matrix x, int[] codes, int k, double[] bound, KernelFunction kernel, SolverSettings settings, int seed,
        Func<Matrix, double[], double[], KernelFunction, SolverSettings, SvmFormulations.Solution> solve)
    {
        var rowsOf = new List<int>[k];
        for (int c = 0; c < k; c++) rowsOf[c] = [];
        for (int i = 0; i < codes.Length; i++) rowsOf[codes[i]].Add(i);
        int pairs = k * (k - 1) / 2;
        var a = new double[pairs];
        var b = new double[pairs];
        var random = new RandomSource(seed);
        int p = 0;
        for (int ca = 0; ca < k; ca++)
            for (int cb = ca + 1; cb < k; cb++, p++)
            {
                var rows = rowsOf[ca].Concat(rowsOf[cb]).ToArray();
                int l = rows.Length;
                var y = new double[l];
                for (int t = 0; t < l; t++) y[t] = t < rowsOf[ca].Count ? 1 : -1;
                var dec = CrossValidatedDecision(x, rows, y, bound, kernel, settings, random.Fork(p), solve);
                (a[p], b[p]) = Sigmoid(dec, y);
            }
        return new PlattScaling(a, b);
    }

    private static double[] CrossValidatedDecision(Matrix x, int[] rows, double[] y, double[] bound, KernelFunction kernel, SolverSettings settings,
        RandomSource random, Func<Matrix, double[], double[], KernelFunction, SolverSettings, SvmFormulations.Solution> solve)
    {
        const int folds = 5;
        int l = rows.Length;
        var perm = random.Permutation(l);
        var dec = new double[l];
        for (int f = 0; f < folds; f++)
        {
            int begin = f * l / folds, end = (f + 1) * l / folds;
            var train = new List<int>();
            for (int t = 0; t < l; t++) if (t < begin || t >= end) train.Add(perm[t]);
            int pos = train.Count(t => y[t] > 0), neg = train.Count - pos;
            var test = perm[begin..end];
            if (pos == 0 || neg == 0)
            {
                double v = pos == 0 && neg == 0 ? 0 : pos > 0 ? 1 : -1;
                foreach (int t in test) dec[t] = v;
                continue;
            }
            var trainRows = train.Select(t => rows[t]).ToArray();
            var sol = solve(x.SelectRows(trainRows), train.Select(t => y[t]).ToArray(), train.Select(t => bound[rows[t]]).ToArray(), kernel, settings);
            if (test.Length == 0) continue;
            var kx = kernel.Compute(x.SelectRows(test.Select(t => rows[t]).ToArray()), x.SelectRows(trainRows));
            for (int r = 0; r < test.Length; r++) dec[test[r]] = Blas.Dot(kx.Row(r), sol.Coef) - sol.Rho;
        }
        return dec;
    }

    /// <summary>Fits (A, B) minimizing the cross-entropy of 1 / (1 + exp(A·f + B)) against regularized targets by Newton's method with backtracking.</summary>
    internal static (double A, double B) Sigmoid(double[] dec, double[] y)
    {
        int l = dec.Length;
        double prior1 = y.Count(v => v > 0), prior0 = l - prior1;
        const int maxIter = 100;
        const double minStep = 1e-10, sigma = 1e-12, eps = 1e-5;
        double hi = (prior1 + 1) / (prior1 + 2), lo = 1 / (prior0 + 2);
        var t = new double[l];
        for (int i = 0; i < l; i++) t[i] = y[i] > 0 ? hi : lo;
        double a = 0, b = Math.Log((prior0 + 1) / (prior1 + 1));
        double fval = Objective(dec, t, a, b);
        for (int iter = 0; iter < maxIter; iter++)
        {
            double h11 = sigma, h22 = sigma, h21 = 0, g1 = 0, g2 = 0;
            for (int i = 0; i < l; i++)
            {
                double f = dec[i] * a + b, p, q;
                if (f >= 0)
                {
                    double e = Math.Exp(-f);
                    p = e / (1 + e);
                    q = 1 / (1 + e);
                }
                else
                {
                    double e = Math.Exp(f);
                    p = 1 / (1 + e);
                    q = e / (1 + e);
                }
                double d2 = p * q;
                h11 += dec[i] * dec[i] * d2;
                h22 += d2;
                h21 += dec[i] * d2;
                double d1 = t[i] - p;
                g1 += dec[i] * d1;
                g2 += d1;
            }
            if (Math.Abs(g1) < eps && Math.Abs(g2) < eps) break;
            double det = h11 * h22 - h21 * h21;
            double dA = -(h22 * g1 - h21 * g2) / det;
            double dB = -(-h21 * g1 + h11 * g2) / det;
            double gd = g1 * dA + g2 * dB;
            double step = 1;
            while (step >= minStep)
            {
                double na = a + step * dA, nb = b + step * dB;
                double nf = Objective(dec, t, na, nb);
                if (nf < fval + 0.0001 * step * gd)
                {
                    a = na;
                    b = nb;
                    fval = nf;
                    break;
                }
                step /= 2;
            }
            if (step < minStep) break;
        }
        return (a, b);
    }

    private static double Objective(double[] dec, double[] t, double a, double b)
    {
        double f = 0;
        for (int i = 0; i < dec.Length; i++)
        {
            double v = dec[i] * a + b;
            f += v >= 0 ? t[i] * v + Math.Log(1 + Math.Exp(-v)) : (t[i] - 1) * v + Math.Log(1 + Math.Exp(v));
        }
        return f;
    }

    /// <summary>Class probabilities from the raw pairwise decision values (rows × pairs).</summary>
    public Matrix Predict(Matrix decision, int k)
    {
        var result = new Matrix(decision.Rows, k);
        var r = new double[k, k];
        for (int i = 0; i < decision.Rows; i++)
        {
            int p = 0;
            for (int a = 0; a < k; a++)
                for (int b = a + 1; b < k; b++, p++)
                {
                    double f = decision[i, p] * A[p] + B[p];
                    double v = f >= 0 ? Math.Exp(-f) / (1 + Math.Exp(-f)) : 1 / (1 + Math.Exp(f));
                    v = Math.Min(Math.Max(v, MinProb), 1 - MinProb);
                    r[a, b] = v;
                    r[b, a] = 1 - v;
                }
            var row = result.Row(i);
            if (k == 2)
            {
                row[0] = r[0, 1];
                row[1] = r[1, 0];
            }
            else Couple(r, k, row);
        }
        return result;
    }

    /// <summary>Wu–Lin–Weng pairwise coupling: min ½pᵀQp over the simplex by fixed-point updates.</summary>
    private static void Couple(double[,] r, int k, Span<double> p)
    {
        var q = new double[k, k];
        var qp = new double[k];
        int maxIter = Math.Max(100, k);
        double eps = 0.005 / k;
        for (int t = 0; t < k; t++)
        {
            p[t] = 1.0 / k;
            q[t, t] = 0;
            for (int j = 0; j < t; j++)
            {
                q[t, t] += r[j, t] * r[j, t];
                q[t, j] = q[j, t];
            }
            for (int j = t + 1; j < k; j++)
            {
                q[t, t] += r[j, t] * r[j, t];
                q[t, j] = -r[j, t] * r[t, j];
            }
        }
        for (int iter = 0; iter < maxIter; iter++)
        {
            double pqp = 0;
            for (int t = 0; t < k; t++)
            {
                qp[t] = 0;
                for (int j = 0; j < k; j++) qp[t] += q[t, j] * p[j];
                pqp += p[t] * qp[t];
            }
            double maxError = 0;
            for (int t = 0; t < k; t++) maxError = Math.Max(maxError, Math.Abs(qp[t] - pqp));
            if (maxError < eps) break;
            for (int t = 0; t < k; t++)
            {
                double diff = (-qp[t] + pqp) / q[t, t];
                p[t] += diff;
                pqp = (pqp + diff * (diff * q[t, t] + 2 * qp[t])) / (1 + diff) / (1 + diff);
                for (int j = 0; j < k; j++)
                {
                    qp[j] = (qp[j] + diff * q[t, j]) / (1 + diff);
                    p[j] /= 1 + diff;
                }
            }
        }
    }
}
