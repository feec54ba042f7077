namespace Fathom.Manifold;

/// <summary>
/// UMAP's fuzzy simplicial set: per-row smooth k-NN distances (ρ, σ), membership strengths and their fuzzy union
/// (McInnes, Healy &amp; Melville 2018, section 3 and appendix).
/// </summary>
internal static class UmapGraph
{
    private const double Tolerance = 1e-5;
    private const double MinScale = 1e-3;
    private const int Steps = 64;

    /// <summary>
    /// For each row, ρ = the distance to its ⌊c⌋-th nearest non-zero neighbour (interpolated for fractional local
    /// connectivity c; 0 when c = 0) and σ solving Σⱼ exp(−max(0, dⱼ − ρ)/σ) = log₂(<paramref name="target"/>)
    /// by bisection (64 steps, tolerance 1e-5), the sum running over neighbours <paramref name="skip"/>.. of the
    /// row; σ is raised to at least 1e-3 × the mean distance of the row (of all rows when ρ = 0).
    /// <paramref name="dist"/> holds k ascending distances per row.
    /// </summary>
    internal static (double[] Sigma, double[] Rho) SmoothKnn(double[] dist, int n, int k, double target, double localConnectivity, int skip)
    {
        var sigma = new double[n];
        var rho = new double[n];
        double goal = Math.Log2(target);
        double meanAll = 0;
        foreach (var v in dist) meanAll += v;
        meanAll /= Math.Max(1, dist.Length);
        for (int i = 0; i < n; i++)
        {
            var d = dist.AsSpan(i * k, k);
            int nonZero = 0;
            foreach (var v in d) if (v > 0) nonZero++;
            double r = 0;
            if (nonZero > 0)
            {
                var buf = new double[nonZero];
                int o = 0;
                foreach (var v in d) if (v > 0) buf[o++] = v;
                int index = (int)Math.Floor(localConnectivity);
                double interp = localConnectivity - index;
                if (nonZero >= localConnectivity)
                {
                    if (index > 0)
                    {
                        r = buf[index - 1];
                        if (interp > Tolerance) r += interp * (buf[index] - buf[index - 1]);
                    }
                    else r = interp * buf[0];
                }
                else r = buf[^1];
            }
            rho[i] = r;
            double lo = 0, hi = double.PositiveInfinity, mid = 1.0;
            for (int step = 0; step < Steps; step++)
            {
                double psum = 0;
                for (int j = skip; j < k; j++)
                {
                    double e = d[j] - r;
                    psum += e > 0 ? Math.Exp(-e / mid) : 1.0;
                }
                if (Math.Abs(psum - goal) < Tolerance) break;
                if (psum > goal)
                {
                    hi = mid;
                    mid = (lo + hi) / 2;
                }
                else
                {
                    lo = mid;
                    mid = double.IsPositiveInfinity(hi) ? mid * 2 : (lo + hi) / 2;
                }
            }
            double mean = 0;
            foreach (var v in d) mean += v;
            mean /= k;
            double floor = MinScale * (r > 0 ? mean : meanAll);
            sigma[i] = Math.Max(mid, floor);
        }
        return (sigma, rho);
    }

    /// <summary>Membership strength exp(−max(0, d − ρ)/σ) of each of the k neighbours of each row (1 within ρ).</summary>
    internal static double[] Memberships(double[] dist, int n, int k, double[] sigma, double[] rho)
    {
        var w = new double[n * k];
        for (int i = 0; i < n; i++)
            for (int t = 0; t < k; t++)
            {
                double e = dist[i * k + t] - rho[i];
                w[i * k + t] = e <= 0 || sigma[i] == 0 ? 1.0 : Math.Exp(-e / sigma[i]);
            }
        return w;
    }

    /// <summary>Fuzzy union A + Aᵀ − A∘Aᵀ of the directed k-NN memberships, as a symmetric compressed-row matrix.</summary>
    internal static SparseAffinities FuzzyUnion(int n, int k, int[] neighbors, double[] w)
    {
        // entries (i, j, w, fromTranspose) gathered per row, then merged
        var count = new int[n + 1];
        for (int i = 0; i < n; i++)
            for (int t = 0; t < k; t++)
            {
                count[i + 1]++;
                count[neighbors[i * k + t] + 1]++;
            }
        for (int i = 0; i < n; i++) count[i + 1] += count[i];
        var fill = (int[])count.Clone();
        var keys = new long[count[n]];
        var vals = new double[count[n]];
        for (int i = 0; i < n; i++)
            for (int t = 0; t < k; t++)
            {
                int j = neighbors[i * k + t];
                double v = w[i * k + t];
                int a = fill[i]++;
                keys[a] = (long)j << 1;
                vals[a] = v;
                int b = fill[j]++;
                keys[b] = ((long)i << 1) | 1;
                vals[b] = v;
            }
        var rowStart = new int[n + 1];
        var cols = new List<int>(count[n]);
        var outVals = new List<double>(count[n]);
        for (int i = 0; i < n; i++)
        {
            int s = count[i], e = count[i + 1];
            Array.Sort(keys, vals, s, e - s);
            rowStart[i] = cols.Count;
            int a = s;
            while (a < e)
            {
                int j = (int)(keys[a] >> 1);
                double direct = 0, transposed = 0;
                while (a < e && (int)(keys[a] >> 1) == j)
                {
                    if ((keys[a] & 1) == 0) direct = Math.Max(direct, vals[a]);
                    else transposed = Math.Max(transposed, vals[a]);
                    a++;
                }
                if (j == i) continue;
                double u = direct + transposed - direct * transposed;
                if (u > 0)
                {
                    cols.Add(j);
                    outVals.Add(u);
                }
            }
        }
        rowStart[n] = cols.Count;
        return new SparseAffinities(rowStart, [.. cols], [.. outVals]);
    }
}
