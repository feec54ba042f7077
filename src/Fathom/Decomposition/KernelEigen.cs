using Fathom.LinearAlgebra;
using Fathom.Numerics;

namespace Fathom.Decomposition;

/// <summary>
/// Kernel PCA on a precomputed kernel (scikit-learn's <c>KernelPCA(kernel="precomputed")</c>, used by Isomap):
/// double centring Kc = K − 1ₙK/n − K1ₙ/n + 1ₙK1ₙ/n², dense symmetric eigendecomposition (O(n³)), the k largest
/// eigenpairs with negative and relatively tiny (below 1e-12 × the largest) eigenvalues set to 0, each eigenvector's sign chosen so its largest-magnitude entry
/// is positive (scikit-learn's <c>svd_flip</c>), embedding Vᵢ·√λᵢ.
/// </summary>
internal sealed class KernelEigen
{
    private KernelEigen(double[] columnMeans, double allMean, double[] eigenvalues, Matrix vectors)
    {
        ColumnMeans = columnMeans;
        AllMean = allMean;
        Eigenvalues = eigenvalues;
        Vectors = vectors;
    }

    /// <summary>Column means of the training kernel.</summary>
    internal double[] ColumnMeans { get; }

    /// <summary>Mean of the whole training kernel.</summary>
    internal double AllMean { get; }

    /// <summary>The k largest eigenvalues of the centred kernel, descending (≥ 0).</summary>
    internal double[] Eigenvalues { get; }

    /// <summary>Their unit eigenvectors, n × k.</summary>
    internal Matrix Vectors { get; }

    /// <summary>Fits on the kernel <paramref name="k"/>; <paramref name="components"/> null keeps every eigenpair
    /// with a positive eigenvalue (scikit-learn's n_components=None with zero eigenvalues removed).</summary>
    internal static KernelEigen Fit(Matrix k, int? components)
    {
        int n = k.Rows;
        var means = new double[n];
        for (int i = 0; i < n; i++)
        {
            var r = k.Row(i);
            for (int j = 0; j < n; j++) means[j] += r[j];
        }
        double all = 0;
        for (int j = 0; j < n; j++)
        {
            means[j] /= n;
            all += means[j];
        }
        all /= n;
        var c = new Matrix(n, n);
        for (int i = 0; i < n; i++)
        {
            var r = k.Row(i);
            var o = c.Row(i);
            for (int j = 0; j < n; j++) o[j] = r[j] - means[j] - means[i] + all;
        }
        var eig = SymmetricEigenDecomposition.Decompose(c);
        // scikit-learn's _check_psd_eigenvalues: negative and relatively tiny (< 1e-12 · largest) eigenvalues are 0
        double top = Math.Max(0, eig.Eigenvalues[n - 1]);
        double Clip(double v) => v < 1e-12 * top || v < 0 ? 0 : v;
        int kept = components ?? 0;
        if (components is null)
            for (int col = n - 1; col >= 0 && Clip(eig.Eigenvalues[col]) > 0; col--) kept++;
        var values = new double[kept];
        var vectors = new Matrix(n, kept);
        for (int t = 0; t < kept; t++)
        {
            int col = n - 1 - t;
            values[t] = Clip(eig.Eigenvalues[col]);
            int arg = 0;
            double best = -1;
            for (int i = 0; i < n; i++)
            {
                double a = Math.Abs(eig.Eigenvectors[i, col]);
                if (a > best)
                {
                    best = a;
                    arg = i;
                }
            }
            double sign = eig.Eigenvectors[arg, col] < 0 ? -1 : 1;
            for (int i = 0; i < n; i++) vectors[i, t] = sign * eig.Eigenvectors[i, col];
        }
        return new KernelEigen(means, all, values, vectors);
    }

    internal static KernelEigen FromState(double[] columnMeans, double allMean, double[] eigenvalues, Matrix vectors) =>
        new(columnMeans, allMean, eigenvalues, vectors);

    /// <summary>Training embedding Vᵢ·√λᵢ.</summary>
    internal Matrix Embedding()
    {
        var z = Vectors.Clone();
        for (int i = 0; i < z.Rows; i++)
            for (int t = 0; t < z.Columns; t++) z[i, t] *= Math.Sqrt(Eigenvalues[t]);
        return z;
    }

    /// <summary>Projects new kernel rows (m × n against the training points): centre with the training statistics,
    /// then Kc·Vᵢ/√λᵢ (0 for a zero eigenvalue).</summary>
    internal Matrix Project(Matrix kNew)
    {
        int m = kNew.Rows, n = kNew.Columns, comps = Eigenvalues.Length;
        var c = new Matrix(m, n);
        for (int i = 0; i < m; i++)
        {
            var r = kNew.Row(i);
            double rowMean = 0;
            foreach (var v in r) rowMean += v;
            rowMean /= n;
            var o = c.Row(i);
            for (int j = 0; j < n; j++) o[j] = r[j] - ColumnMeans[j] - rowMean + AllMean;
        }
        var scaled = Vectors.Clone();
        for (int j = 0; j < n; j++)
            for (int t = 0; t < comps; t++) scaled[j, t] = Eigenvalues[t] > 0 ? scaled[j, t] / Math.Sqrt(Eigenvalues[t]) : 0;
        return MatrixOps.Multiply(c, scaled);
    }
}
