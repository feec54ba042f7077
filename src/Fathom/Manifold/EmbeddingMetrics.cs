using System.Globalization;
using Fathom.Core;
using Fathom.Neighbors;
using Fathom.Numerics;

namespace Fathom.Manifold;

/// <summary>Quality measures of an embedding against the original data.</summary>
public static class EmbeddingMetrics
{
    /// <summary>
    /// Trustworthiness (Venna &amp; Kaski 2001), as scikit-learn's <c>sklearn.manifold.trustworthiness</c>:
    /// <c>T(k) = 1 − 2/(n·k·(2n − 3k − 1)) · Σᵢ Σ_{j ∈ Nᵏᵢ} max(0, r(i, j) − k)</c>, where Nᵏᵢ are the k nearest
    /// neighbours of row i in the embedding and r(i, j) is the rank of j among i's neighbours in the original
    /// space (Euclidean; 1 = nearest; equal distances ranked by row index). 1 means every embedded neighbour is
    /// also an original neighbour. O(n²·(p + k)) time, O(n²) memory.
    /// </summary>
    /// <param name="x">Original rows, n × p, finite.</param>
    /// <param name="embedding">Embedded rows, n × d, finite.</param>
    /// <param name="k">Neighbours considered, 1 ≤ k &lt; n / 2 (default 5).</param>
    /// <exception cref="InvalidInputException">Different row counts, NaN/infinity, or k out of range.</exception>
    public static double Trustworthiness(Matrix x, Matrix embedding, int k = 5)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(embedding);
        int n = x.Rows;
        if (embedding.Rows != n)
            throw new InvalidInputException(string.Create(CultureInfo.InvariantCulture,
                $"Trustworthiness: the data has {n} rows but the embedding has {embedding.Rows}; give one embedded row per data row."));
        if (k < 1 || k >= n / 2.0)
            throw new InvalidInputException(string.Create(CultureInfo.InvariantCulture,
                $"Trustworthiness: n_neighbors = {k} must be at least 1 and less than rows / 2 = {n / 2.0}."));
        Linear.InputChecks.Finite(x, "Trustworthiness");
        Linear.InputChecks.Finite(embedding, "Trustworthiness");
        var d = Distances.SquaredEuclidean(x);
        var nn = NearestNeighbors.Build(embedding).KNeighborsOfPoints(k);
        long total = 0;
        for (int i = 0; i < n; i++)
        {
            var di = d.Row(i);
            foreach (int j in nn.IndicesOf(i))
            {
                double dij = di[j];
                int rank = 1;
                for (int l = 0; l < n; l++)
                {
                    if (l == i) continue;
                    double v = di[l];
                    if (v < dij || (v == dij && l < j)) rank++;
                }
                if (rank > k) total += rank - k;
            }
        }
        return 1.0 - total * (2.0 / (n * (double)k * (2.0 * n - 3.0 * k - 1.0)));
    }
}
