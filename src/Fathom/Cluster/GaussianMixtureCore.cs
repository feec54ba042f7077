using System.Globalization;
using System.Numerics.Tensors;
using Fathom.Core;
using Fathom.LinearAlgebra;
using Fathom.Numerics;

namespace Fathom.Cluster;

/// <summary>
/// The Gaussian-mixture maths without validation: per-component log densities through the Cholesky factors
/// of the precisions and the shared GEMM, the M-step (weights, means, covariances for the four covariance
/// types, as scikit-learn's <c>_estimate_gaussian_parameters</c>) and the precision factors. Row work runs
/// in blocks of <see cref="Block"/> rows over a fixed number of segments whose partial sums are added in
/// segment order, so results are bit-identical whatever the thread count.
/// </summary>
internal static class GaussianMixtureCore
{
    /// <summary>Rows per block.</summary>
    internal const int Block = 512;

    private const int MaxSegments = 32;

    /// <summary>numpy's finfo(float64).eps, 2⁻⁵².</summary>
    private const double MachineEpsilon = 2.220446049250313e-16;

    private static readonly double Log2Pi = Math.Log(2 * Math.PI);

    /// <summary>Runs <paramref name="body"/>(segment, firstRow, rowCount) over blocks of rows, in parallel by segment.</summary>
    internal static int ForBlocks(int n, int threads, Action<int, int, int> body)
    {
        int blocks = (n + Block - 1) / Block;
        int segments = Math.Max(1, Math.Min(blocks, MaxSegments));
        Parallel.For(0, segments, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, threads) }, s =>
        {
            int b0 = (int)((long)blocks * s / segments), b1 = (int)((long)blocks * (s + 1) / segments);
            for (int b = b0; b < b1; b++)
            {
                int r0 = b * Block;
                body(s, r0, Math.Min(Block, n - r0));
            }
        });
        return segments;
    }

    /// <summary>Number of segments <see cref="ForBlocks"/> uses for <paramref name="n"/> rows.</summary>
    internal static int SegmentCount(int n) => Math.Max(1, Math.Min((n + Block - 1) / Block, MaxSegments));

    /// <summary>
    /// log wⱼ + log 𝒩(xᵢ | μⱼ, Σⱼ) for every row and component (n × k): −½(d·log 2π + ‖(xᵢ − μⱼ)·Cⱼ‖²) + log det Cⱼ
    /// + log wⱼ, with the squared Mahalanobis term from one GEMM per block and component (full), per block
    /// (tied), or the expansion Σ prec·x² − 2x·(μ∘prec) + Σ prec·μ² on GEMMs (diag, spherical). O(n·k·d²) for
    /// full, O(n·k·d) for diag/spherical.
    /// </summary>
    internal static Matrix WeightedLogProb(Matrix x, GaussianMixtureParameters p, int threads, bool addLogWeights = true)
    {
        int n = x.Rows, d = p.D, k = p.K;
        var result = new Matrix(n, k);
        var add = new double[k];
        for (int j = 0; j < k; j++) add[j] = -0.5 * d * Log2Pi + p.LogDet[j] + (addLogWeights ? Math.Log(p.Weights[j]) : 0);
        var pc = p.PrecisionsCholesky;
        int ldx = MatrixOps.Ld(x);
        switch (p.Type)
        {
            case GaussianMixtureCovariance.Full:
            case GaussianMixtureCovariance.Tied:
                {
                    bool tied = p.Type == GaussianMixtureCovariance.Tied;
                    // b_j = μ_j · C_j, so that (x − μ_j)·C_j = x·C_j − b_j.
                    var b = new Matrix(k, d);
                    for (int j = 0; j < k; j++)
                    {
                        var c = tied ? pc : pc.RowRange(j * d, d);
                        Blas.Gemv(true, d, d, 1.0, c.AsSpan(), d, p.Means.Row(j), 0.0, b.Row(j));
                    }
                    ForBlocks(n, threads, (_, r0, len) =>
                    {
                        var buf = new double[len * d];
                        var tmp = new double[d];
                        var src = MatrixOps.Data(x)[(r0 * ldx)..];
                        for (int j = 0; j < k; j++)
                        {
                            if (j == 0 || !tied)
                            {
                                var c = tied ? pc : pc.RowRange(j * d, d);
                                Blas.Gemm(false, false, len, d, d, 1.0, src, ldx, c.AsSpan(), d, 0.0, buf, d, 1);
                            }
                            var bj = b.Row(j);
                            for (int i = 0; i < len; i++)
                            {
                                TensorPrimitives.Subtract(buf.AsSpan(i * d, d), bj, tmp);
                                result[r0 + i, j] = -0.5 * TensorPrimitives.Dot<double>(tmp, tmp) + add[j];
                            }
                        }
                    });
                    break;
                }
            case GaussianMixtureCovariance.Diag:
                {
                    // prec = C², A_j = μ_j ∘ prec_j, c_j = Σ μ_j² prec_j.
                    var prec = new Matrix(k, d);
                    TensorPrimitives.Multiply(pc.AsSpan(), pc.AsSpan(), prec.AsSpan());
                    var a = new Matrix(k, d);
                    TensorPrimitives.Multiply(p.Means.AsSpan(), prec.AsSpan(), a.AsSpan());
                    var cst = new double[k];
                    for (int j = 0; j < k; j++) cst[j] = TensorPrimitives.Dot<double>(a.Row(j), p.Means.Row(j));
                    ForBlocks(n, threads, (_, r0, len) =>
                    {
                        var buf = new double[len * k];
                        var sq = new double[len * d];
                        for (int i = 0; i < len; i++)
                        {
                            var row = x.Row(r0 + i);
                            TensorPrimitives.Multiply(row, row, sq.AsSpan(i * d, d));
                        }
                        Blas.Gemm(false, true, len, k, d, -2.0, MatrixOps.Data(x)[(r0 * ldx)..], ldx, a.AsSpan(), d, 0.0, buf, k, 1);
                        Blas.Gemm(false, true, len, k, d, 1.0, sq, d, prec.AsSpan(), d, 1.0, buf, k, 1);
                        for (int i = 0; i < len; i++)
                            for (int j = 0; j < k; j++)
                                result[r0 + i, j] = -0.5 * (buf[i * k + j] + cst[j]) + add[j];
                    });
                    break;
                }
            default:
                {
                    var prec = new double[k];
                    var mnorm = new double[k];
                    for (int j = 0; j < k; j++)
                    {
                        prec[j] = pc[j, 0] * pc[j, 0];
                        mnorm[j] = TensorPrimitives.Dot<double>(p.Means.Row(j), p.Means.Row(j));
                    }
                    ForBlocks(n, threads, (_, r0, len) =>
                    {
                        var buf = new double[len * k];
                        Blas.Gemm(false, true, len, k, d, -2.0, MatrixOps.Data(x)[(r0 * ldx)..], ldx, p.Means.AsSpan(), d, 0.0, buf, k, 1);
                        for (int i = 0; i < len; i++)
                        {
                            var row = x.Row(r0 + i);
                            double xn = TensorPrimitives.Dot<double>(row, row);
                            for (int j = 0; j < k; j++)
                                result[r0 + i, j] = -0.5 * prec[j] * (buf[i * k + j] + mnorm[j] + xn) + add[j];
                        }
                    });
                    break;
                }
        }
        return result;
    }

    /// <summary>
    /// The M-step from weighted responsibilities <paramref name="resp"/> (n × k, rᵢⱼ·wᵢ): nⱼ = Σᵢ rᵢⱼ + 10ε,
    /// μⱼ = Σᵢ rᵢⱼxᵢ / nⱼ, covariances by type plus <paramref name="reg"/> on the diagonal, weights nⱼ/Σn, and the
    /// precision factors. <paramref name="weightedGram"/> (Σᵢ wᵢxᵢxᵢᵀ) is needed for tied covariances.
    /// </summary>
    /// <exception cref="InvalidInputException">A covariance is not positive definite (names reg_covar).</exception>
    internal static GaussianMixtureParameters MStep(Matrix x, Matrix resp, double reg, GaussianMixtureCovariance type, Matrix? weightedGram, int threads)
    {
        int n = x.Rows, d = x.Columns, k = resp.Columns;
        var nk = Reductions.ColumnSums(resp);
        for (int j = 0; j < k; j++) nk[j] += 10 * MachineEpsilon;
        var means = MatrixOps.TransposeMultiply(resp, x, threads);
        for (int j = 0; j < k; j++) TensorPrimitives.Divide(means.Row(j), nk[j], means.Row(j));
        Matrix cov;
        switch (type)
        {
            case GaussianMixtureCovariance.Full:
                cov = FullCovariances(x, resp, means, nk, threads);
                for (int j = 0; j < k; j++)
                    for (int f = 0; f < d; f++) cov[j * d + f, f] += reg;
                break;
            case GaussianMixtureCovariance.Tied:
                {
                    // (Σ wᵢxᵢxᵢᵀ − Σⱼ nⱼμⱼμⱼᵀ) / Σ nⱼ, as scikit-learn's _estimate_gaussian_covariances_tied.
                    cov = weightedGram!.Clone();
                    var scaled = means.Clone();
                    for (int j = 0; j < k; j++) TensorPrimitives.Multiply(scaled.Row(j), nk[j], scaled.Row(j));
                    Blas.Gemm(true, false, d, d, k, -1.0, scaled.AsSpan(), d, means.AsSpan(), d, 1.0, cov.AsSpan(), d, 1);
                    TensorPrimitives.Divide(cov.AsSpan(), TensorPrimitives.Sum<double>(nk), cov.AsSpan());
                    for (int f = 0; f < d; f++) cov[f, f] += reg;
                    break;
                }
            default:
                {
                    // avg x² − 2 μ·avg x + μ² + reg (scikit-learn's _estimate_gaussian_covariances_diag).
                    var x2 = new Matrix(n, d);
                    for (int i = 0; i < n; i++) TensorPrimitives.Multiply(x.Row(i), x.Row(i), x2.Row(i));
                    var avgX2 = MatrixOps.TransposeMultiply(resp, x2, threads);
                    var diag = new Matrix(k, d);
                    for (int j = 0; j < k; j++)
                        for (int f = 0; f < d; f++)
                        {
                            double m = means[j, f];
                            diag[j, f] = avgX2[j, f] / nk[j] - 2 * m * m + m * m + reg;
                        }
                    if (type == GaussianMixtureCovariance.Diag) cov = diag;
                    else
                    {
                        cov = new Matrix(k, 1);
                        for (int j = 0; j < k; j++) cov[j, 0] = TensorPrimitives.Sum<double>(diag.Row(j)) / d;
                    }
                    break;
                }
        }
        double total = TensorPrimitives.Sum<double>(nk);
        var weights = nk.Select(v => v / total).ToArray();
        return new GaussianMixtureParameters(weights, means, cov, PrecisionsCholesky(cov, type, k, d), type);
    }

    /// <summary>Σⱼ = Σᵢ rᵢⱼ(xᵢ − μⱼ)(xᵢ − μⱼ)ᵀ / nⱼ, summed over row blocks (one d × d GEMM per block and component).</summary>
    private static Matrix FullCovariances(Matrix x, Matrix resp, Matrix means, double[] nk, int threads)
    {
        int n = x.Rows, d = x.Columns, k = resp.Columns;
        int segments = SegmentCount(n);
        var partial = new double[segments][];
        ForBlocks(n, threads, (s, r0, len) =>
        {
            var acc = partial[s] ??= new double[k * d * d];
            var diff = new double[len * d];
            var wdiff = new double[len * d];
            for (int j = 0; j < k; j++)
            {
                var mu = means.Row(j);
                for (int i = 0; i < len; i++)
                {
                    var dst = diff.AsSpan(i * d, d);
                    TensorPrimitives.Subtract(x.Row(r0 + i), mu, dst);
                    TensorPrimitives.Multiply(dst, resp[r0 + i, j], wdiff.AsSpan(i * d, d));
                }
                Blas.Gemm(true, false, d, d, len, 1.0, wdiff, d, diff, d, 1.0, acc.AsSpan(j * d * d, d * d), d, 1);
            }
        });
        var cov = new Matrix(k * d, d);
        var total = cov.AsSpan();
        for (int s = 0; s < segments; s++)
            if (partial[s] is { } part) TensorPrimitives.Add(total, part, total);
        for (int j = 0; j < k; j++)
        {
            var block = total.Slice(j * d * d, d * d);
            TensorPrimitives.Divide(block, nk[j], block);
        }
        return cov;
    }

    /// <summary>
    /// C with C·Cᵀ = Σ⁻¹ for each covariance: (L⁻¹)ᵀ from the Cholesky factor L of Σ (full, tied), 1/√σ² (diag,
    /// spherical), as scikit-learn's <c>_compute_precision_cholesky</c>.
    /// </summary>
    /// <exception cref="InvalidInputException">A covariance is singular or not positive definite.</exception>
    internal static Matrix PrecisionsCholesky(Matrix cov, GaussianMixtureCovariance type, int k, int d)
    {
        switch (type)
        {
            case GaussianMixtureCovariance.Full:
            case GaussianMixtureCovariance.Tied:
                {
                    int blocks = type == GaussianMixtureCovariance.Full ? k : 1;
                    var result = new Matrix(blocks * d, d);
                    for (int j = 0; j < blocks; j++)
                    {
                        if (!CholeskyDecomposition.TryDecompose(cov.RowRange(j * d, d), out var chol))
                            throw Singular(type == GaussianMixtureCovariance.Full ? j : -1);
                        InverseTransposeLower(chol.GetL(), result.RowRange(j * d, d));
                    }
                    return result;
                }
            default:
                {
                    var result = new Matrix(cov.Rows, cov.Columns);
                    var src = cov.AsSpan();
                    var dst = result.AsSpan();
                    for (int i = 0; i < src.Length; i++)
                    {
                        if (!(src[i] > 0)) throw Singular(type == GaussianMixtureCovariance.Diag ? i / d : i);
                        dst[i] = 1 / Math.Sqrt(src[i]);
                    }
                    return result;
                }
        }
    }

    /// <summary>C from given precisions P (C·Cᵀ = P): the lower Cholesky factor (full, tied), √p (diag, spherical).</summary>
    /// <exception cref="InvalidHyperparameterException">A precision matrix is not symmetric positive definite (names precisions_init).</exception>
    internal static Matrix CholeskyOfPrecisions(Matrix precisions, GaussianMixtureCovariance type, int d)
    {
        var result = new Matrix(precisions.Rows, precisions.Columns);
        if (type is GaussianMixtureCovariance.Full or GaussianMixtureCovariance.Tied)
        {
            for (int j = 0; j < precisions.Rows / d; j++)
            {
                var block = precisions.RowRange(j * d, d);
                for (int r = 0; r < d; r++)
                    for (int c = 0; c < r; c++)
                        if (Math.Abs(block[r, c] - block[c, r]) > 1e-10 * Math.Max(1, Math.Abs(block[r, c])))
                            throw BadPrecisions($"precision matrix {j} is not symmetric (entries [{r},{c}] and [{c},{r}] differ)");
                if (!CholeskyDecomposition.TryDecompose(block, out var chol))
                    throw BadPrecisions($"precision matrix {j} is not positive definite");
                chol.GetL().AsSpan().CopyTo(result.RowRange(j * d, d).AsSpan());
            }
            return result;
        }
        var src = precisions.AsSpan();
        var dst = result.AsSpan();
        for (int i = 0; i < src.Length; i++)
        {
            if (!(src[i] > 0) || !double.IsFinite(src[i])) throw BadPrecisions($"precision {src[i].ToString(CultureInfo.InvariantCulture)} is not positive");
            dst[i] = Math.Sqrt(src[i]);
        }
        return result;
    }

    /// <summary>log det C of each component: Σ log of C's diagonal (full, tied), Σ log c (diag), d·log c (spherical).</summary>
    internal static double[] LogDetCholesky(Matrix pc, GaussianMixtureCovariance type, int k, int d)
    {
        var r = new double[k];
        for (int j = 0; j < k; j++)
        {
            double s = 0;
            switch (type)
            {
                case GaussianMixtureCovariance.Full:
                    for (int f = 0; f < d; f++) s += Math.Log(pc[j * d + f, f]);
                    break;
                case GaussianMixtureCovariance.Tied:
                    for (int f = 0; f < d; f++) s += Math.Log(pc[f, f]);
                    break;
                case GaussianMixtureCovariance.Diag:
                    for (int f = 0; f < d; f++) s += Math.Log(pc[j, f]);
                    break;
                default:
                    s = d * Math.Log(pc[j, 0]);
                    break;
            }
            r[j] = s;
        }
        return r;
    }

    /// <summary>Writes (L⁻¹)ᵀ of the lower-triangular <paramref name="l"/> to <paramref name="destination"/> (forward substitution, O(d³)).</summary>
    private static void InverseTransposeLower(Matrix l, Matrix destination)
    {
        int d = l.Rows;
        var inv = new Matrix(d, d);
        for (int i = 0; i < d; i++)
        {
            inv[i, i] = 1 / l[i, i];
            for (int j = 0; j < i; j++)
            {
                double s = 0;
                for (int m = j; m < i; m++) s += l[i, m] * inv[m, j];
                inv[i, j] = -s / l[i, i];
            }
        }
        for (int r = 0; r < d; r++)
            for (int c = 0; c < d; c++) destination[r, c] = inv[c, r];
    }

    private static InvalidInputException Singular(int component)
    {
        string which = component < 0 ? "the shared (tied) covariance" : $"the covariance of component {component}";
        return new InvalidInputException(
            $"GaussianMixture: {which} is singular (not positive definite): the component collapsed onto too few distinct rows, " +
            "or a feature is constant or a linear combination of others within it. Increase reg_covar (e.g. to 1e-6 or more; it is added " +
            "to every variance), use fewer components, or drop constant and duplicate columns.");
    }

    private static InvalidHyperparameterException BadPrecisions(string what) =>
        new("precisions_init", $"GaussianMixture: precisions_init is not valid: {what}; give symmetric positive definite precision matrices (inverse covariances).");
}
