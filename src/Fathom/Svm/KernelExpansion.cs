using System.Globalization;
using Fathom.Core;
using Fathom.Numerics;
using Fathom.Persistence;

namespace Fathom.Svm;

/// <summary>
/// The learned state of a kernel SVM in libsvm's layout: support vectors grouped by class, the one-vs-one dual
/// coefficients ((classes − 1) × support vectors; for pair (a, b) the coefficients of class a's vectors sit in
/// row b − 1 and those of class b's vectors in row a), and −ρ per pair. Regression and one-class models are the
/// one-"pair" case with a single class. Decision values are one GEMM-based kernel block per chunk of rows.
/// </summary>
internal sealed class KernelExpansion
{
    private const int Chunk = 256;

    public KernelExpansion(KernelFunction kernel, Matrix supportVectors, int[] supportIndices, int[] nSupport, Matrix dualCoef, double[] intercept)
    {
        Kernel = kernel;
        SupportVectors = supportVectors;
        SupportIndices = supportIndices;
        NSupport = nSupport;
        DualCoef = dualCoef;
        Intercept = intercept;
        Starts = new int[nSupport.Length + 1];
        for (int c = 0; c < nSupport.Length; c++) Starts[c + 1] = Starts[c] + nSupport[c];
    }

    public KernelFunction Kernel { get; }
    public Matrix SupportVectors { get; }
    public int[] SupportIndices { get; }
    public int[] NSupport { get; }
    public int[] Starts { get; }
    public Matrix DualCoef { get; }
    public double[] Intercept { get; }

    /// <summary>Raw libsvm decision values, rows × pairs (pair order (0,1), (0,2), …, (1,2), …); positive favours the first class of the pair.</summary>
    public Matrix Decision(Matrix x)
    {
        int n = x.Rows, k = NSupport.Length;
        int pairs = Math.Max(1, k * (k - 1) / 2);
        var result = new Matrix(n, pairs);
        for (int start = 0; start < n; start += Chunk)
        {
            int count = Math.Min(Chunk, n - start);
            var kx = Kernel.Compute(x.RowRange(start, count), SupportVectors);
            for (int r = 0; r < count; r++)
            {
                var krow = kx.Row(r);
                var outRow = result.Row(start + r);
                if (k <= 1)
                {
                    outRow[0] = Blas.Dot(DualCoef.Row(0), krow) + Intercept[0];
                    continue;
                }
                int p = 0;
                for (int a = 0; a < k; a++)
                    for (int b = a + 1; b < k; b++, p++)
                    {
                        double s = Blas.Dot(DualCoef.Row(b - 1).Slice(Starts[a], NSupport[a]), krow.Slice(Starts[a], NSupport[a]))
                                 + Blas.Dot(DualCoef.Row(a).Slice(Starts[b], NSupport[b]), krow.Slice(Starts[b], NSupport[b]));
                        outRow[p] = s + Intercept[p];
                    }
            }
        }
        return result;
    }

    /// <summary>Writes the state under the given writer.</summary>
    public void WriteTo(ModelWriter writer)
    {
        writer.SetProperty("kernel", Kernel.Kind.ToString());
        writer.SetProperty("gamma_value", Kernel.Gamma);
        writer.SetProperty("coef0_value", Kernel.Coef0);
        writer.SetProperty("degree_value", Kernel.Degree);
        writer.WriteMatrix("support_vectors", SupportVectors);
        writer.WriteInts("support", SupportIndices);
        writer.WriteInts("n_support", NSupport);
        writer.WriteMatrix("dual_coef", DualCoef);
        writer.WriteDoubles("intercept", Intercept);
    }

    /// <summary>Reads and checks the state; <paramref name="kind"/> names the model in errors.</summary>
    public static KernelExpansion ReadFrom(ModelReader reader, string kind)
    {
        if (!Enum.TryParse<SvmKernel>(reader.GetString("kernel"), out var kernelKind))
            throw new ModelFormatException($"The model file is damaged: the kernel of a {kind} model is not valid.");
        var kernel = new KernelFunction(kernelKind, reader.GetDouble("gamma_value"), reader.GetDouble("coef0_value"), reader.GetInt("degree_value"));
        var sv = reader.ReadMatrix("support_vectors");
        var support = reader.ReadInts("support", sv.Rows);
        var nSupport = reader.ReadInts("n_support");
        var dual = reader.ReadMatrix("dual_coef");
        var intercept = reader.ReadDoubles("intercept");
        int k = nSupport.Length;
        int pairs = Math.Max(1, k * (k - 1) / 2);
        if (nSupport.Any(v => v < 0) || nSupport.Sum() != sv.Rows || dual.Columns != sv.Rows || dual.Rows != Math.Max(1, k - 1)
            || intercept.Length != pairs || sv.Columns < 1)
            throw new ModelFormatException(string.Create(CultureInfo.InvariantCulture,
                $"The model file is damaged: a {kind} model has {sv.Rows} support vectors, n_support summing to {nSupport.Sum()}, dual coefficients {dual.Rows} x {dual.Columns} and {intercept.Length} intercepts."));
        return new KernelExpansion(kernel, sv, support, nSupport, dual, intercept);
    }
}
