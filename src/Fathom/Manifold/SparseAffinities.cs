namespace Fathom.Manifold;

/// <summary>A symmetric sparse affinity matrix in compressed-row form (columns sorted within each row).</summary>
internal sealed class SparseAffinities
{
    internal SparseAffinities(int[] rowStart, int[] columns, double[] values)
    {
        RowStart = rowStart;
        Columns = columns;
        Values = values;
    }

    /// <summary>Row i holds entries RowStart[i] .. RowStart[i + 1] − 1.</summary>
    internal int[] RowStart { get; }

    internal int[] Columns { get; }

    internal double[] Values { get; }

    internal int Rows => RowStart.Length - 1;

    /// <summary>Builds the symmetric sum A + Aᵀ of a matrix given as k entries per row (duplicates merged).</summary>
    internal static SparseAffinities SymmetricSum(int n, int k, int[] neighbors, double[] values)
    {
        var count = new int[n + 1];
        for (int i = 0; i < n; i++)
            for (int t = 0; t < k; t++)
            {
                count[i + 1]++;
                count[neighbors[i * k + t] + 1]++;
            }
        for (int i = 0; i < n; i++) count[i + 1] += count[i];
        var fill = (int[])count.Clone();
        var cols = new int[count[n]];
        var vals = new double[count[n]];
        for (int i = 0; i < n; i++)
            for (int t = 0; t < k; t++)
            {
                int j = neighbors[i * k + t];
                double v = values[i * k + t];
                int a = fill[i]++;
                cols[a] = j;
                vals[a] = v;
                int b = fill[j]++;
                cols[b] = i;
                vals[b] = v;
            }
        // sort each row by column and merge duplicates
        var rowStart = new int[n + 1];
        int w = 0;
        for (int i = 0; i < n; i++)
        {
            int s = count[i], e = count[i + 1];
            Array.Sort(cols, vals, s, e - s);
            rowStart[i] = w;
            for (int a = s; a < e; a++)
            {
                if (w > rowStart[i] && cols[w - 1] == cols[a]) vals[w - 1] += vals[a];
                else
                {
                    cols[w] = cols[a];
                    vals[w] = vals[a];
                    w++;
                }
            }
        }
        rowStart[n] = w;
        return new SparseAffinities(rowStart, cols[..w], vals[..w]);
    }
}
