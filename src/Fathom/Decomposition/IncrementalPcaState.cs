using Fathom.LinearAlgebra;
using Fathom.Numerics;

namespace Fathom.Decomposition;

/// <summary>The running state of incremental PCA after some batches (immutable), and one batch update.</summary>
internal sealed record IncrementalPcaState(int Components, long Seen, double[] Mean, double[] Variance, Matrix ComponentsMatrix,
    double[] SingularValues, double[] ExplainedVariance, double[] ExplainedVarianceRatio, double NoiseVariance)
{
    /// <summary>
    /// Ross et al. (2008) update as scikit-learn 1.2's <c>IncrementalPCA.partial_fit</c>: running column means and
    /// variances (Chan's pairwise update); the SVD of [S·Vᵀ; batch − batch mean; √(seen·m/total)·(old mean − batch mean)],
    /// signs by the right singular vectors (largest entry of each row of Vᵀ positive).
    /// </summary>
    internal static IncrementalPcaState Update(IncrementalPcaState? prev, Matrix batch, int components)
    {
        int m = batch.Rows, p = batch.Columns;
        long seen = prev?.Seen ?? 0;
        long total = seen + m;
        var batchMean = new double[p];
        for (int i = 0; i < m; i++)
        {
            var r = batch.Row(i);
            for (int j = 0; j < p; j++) batchMean[j] += r[j];
        }
        var batchSum = (double[])batchMean.Clone();
        for (int j = 0; j < p; j++) batchMean[j] /= m;
        var batchSs = new double[p];
        for (int i = 0; i < m; i++)
        {
            var r = batch.Row(i);
            for (int j = 0; j < p; j++)
            {
                double d = r[j] - batchMean[j];
                batchSs[j] += d * d;
            }
        }
        var mean = new double[p];
        var variance = new double[p];
        if (prev is null)
        {
            for (int j = 0; j < p; j++)
            {
                mean[j] = batchMean[j];
                variance[j] = batchSs[j] / m;
            }
        }
        else
        {
            double ratio = (double)seen / m;
            for (int j = 0; j < p; j++)
            {
                double lastSum = prev.Mean[j] * seen;
                mean[j] = (lastSum + batchSum[j]) / total;
                double delta = lastSum / ratio - batchSum[j];
                double ss = prev.Variance[j] * seen + batchSs[j] + ratio / total * delta * delta;
                variance[j] = ss / total;
            }
        }

        int extra = prev is null ? 0 : prev.SingularValues.Length + 1;
        var stacked = new Matrix(m + extra, p);
        int row = 0;
        if (prev is not null)
        {
            for (int c = 0; c < prev.SingularValues.Length; c++, row++)
                for (int j = 0; j < p; j++) stacked[row, j] = prev.SingularValues[c] * prev.ComponentsMatrix[c, j];
        }
        for (int i = 0; i < m; i++, row++)
        {
            var r = batch.Row(i);
            for (int j = 0; j < p; j++) stacked[row, j] = r[j] - (prev is null ? mean[j] : batchMean[j]);
        }
        if (prev is not null)
        {
            double f = Math.Sqrt((double)seen / total * m);
            for (int j = 0; j < p; j++) stacked[row, j] = f * (prev.Mean[j] - batchMean[j]);
        }
        var svd = SingularValueDecomposition.Decompose(stacked);
        var s = svd.SingularValues;
        var vt = svd.Vt!;
        for (int c = 0; c < vt.Rows; c++)
        {
            int best = 0;
            double bestAbs = -1;
            for (int j = 0; j < p; j++)
                if (Math.Abs(vt[c, j]) > bestAbs)
                {
                    bestAbs = Math.Abs(vt[c, j]);
                    best = j;
                }
            if (vt[c, best] < 0)
                for (int j = 0; j < p; j++) vt[c, j] = -vt[c, j];
        }
        double totalVar = 0;
        for (int j = 0; j < p; j++) totalVar += variance[j] * total;
        var ev = s.Select(v => v * v / (total - 1)).ToArray();
        var evr = s.Select(v => v * v / totalVar).ToArray();
        int k = components;
        double noise = k != m && k != p && ev.Length > k ? ev[k..].Average() : 0.0;
        return new IncrementalPcaState(k, total, mean, variance, vt.Slice(0, 0, k, p).Clone(), s[..k], ev[..k], evr[..k], noise);
    }
}
