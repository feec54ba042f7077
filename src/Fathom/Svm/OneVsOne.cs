using Fathom.Numerics;

namespace Fathom.Svm;

/// <summary>
/// One-vs-one training of a kernel classifier, as libsvm: for every pair of classes a &lt; b the rows of a (label
/// +1) then of b (label −1), in their original order, are solved as one binary problem; a row is a support vector
/// when its coefficient is non-zero in any of its pairs; the result is laid out as <see cref="KernelExpansion"/>.
/// </summary>
internal static class OneVsOne
{
    /// <summary>Solves every pair with <paramref name="solve"/> (sub-matrix, ±1 labels, per-row bound) and assembles the model state.</summary>
    /// <param name="x">Training rows (rows of zero weight already removed).</param>
    /// <param name="codes">Class index per row, 0..k−1.</param>
    /// <param name="k">Number of classes.</param>
    /// <param name="bound">Per-row upper bound (C·class weight·sample weight, or the weight for ν-SVC).</param>
    /// <param name="originalIndex">Row index in the caller's data of each row of x.</param>
    /// <param name="kernel">The resolved kernel.</param>
    /// <param name="solve">Binary solver.</param>
    /// <param name="iterations">Iterations per pair.</param>
    public static KernelExpansion Train(Matrix x, int[] codes, int k, double[] bound, int[] originalIndex, KernelFunction kernel,
        Func<Matrix, double[], double[], SvmFormulations.Solution> solve, out int[] iterations)
    {
        var rowsOf = new List<int>[k];
        for (int c = 0; c < k; c++) rowsOf[c] = [];
        for (int i = 0; i < codes.Length; i++) rowsOf[codes[i]].Add(i);
        int pairs = k * (k - 1) / 2;
        var coefs = new double[pairs][];
        var rho = new double[pairs];
        iterations = new int[pairs];
        var nonzero = new bool[codes.Length];
        int pIndex = 0;
        for (int a = 0; a < k; a++)
            for (int b = a + 1; b < k; b++, pIndex++)
            {
                var rows = rowsOf[a].Concat(rowsOf[b]).ToArray();
                var y = new double[rows.Length];
                var c = new double[rows.Length];
                for (int t = 0; t < rows.Length; t++)
                {
                    y[t] = t < rowsOf[a].Count ? 1 : -1;
                    c[t] = bound[rows[t]];
                }
                var sol = solve(x.SelectRows(rows), y, c);
                coefs[pIndex] = sol.Coef;
                rho[pIndex] = sol.Rho;
                iterations[pIndex] = sol.Iterations;
                for (int t = 0; t < rows.Length; t++) if (sol.Coef[t] != 0) nonzero[rows[t]] = true;
            }

        // support vectors grouped by class, original order within a class
        var nSupport = new int[k];
        var svRows = new List<int>();
        var position = new int[codes.Length];
        Array.Fill(position, -1);
        for (int c = 0; c < k; c++)
            foreach (int i in rowsOf[c])
                if (nonzero[i])
                {
                    position[i] = svRows.Count;
                    svRows.Add(i);
                    nSupport[c]++;
                }
        var dual = new Matrix(Math.Max(1, k - 1), svRows.Count);
        pIndex = 0;
        for (int a = 0; a < k; a++)
            for (int b = a + 1; b < k; b++, pIndex++)
            {
                int na = rowsOf[a].Count;
                var coef = coefs[pIndex];
                for (int t = 0; t < coef.Length; t++)
                {
                    int row = t < na ? rowsOf[a][t] : rowsOf[b][t - na];
                    if (position[row] < 0) continue;
                    dual[t < na ? b - 1 : a, position[row]] = coef[t];
                }
            }
        var intercept = rho.Select(r => -r).ToArray();
        var svArray = svRows.ToArray();
        return new KernelExpansion(kernel, x.SelectRows(svArray), svArray.Select(i => originalIndex[i]).ToArray(), nSupport, dual, intercept);
    }
}
