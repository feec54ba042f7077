using Fathom.Core;
using Fathom.Linear;
using Fathom.Numerics;

namespace Fathom.Svm;

/// <summary>Kernel and solver options shared by the kernel SVM estimators, and their common fit steps.</summary>
internal sealed record KernelSvmOptions(SvmKernel Kernel, int Degree, string Gamma, double Coef0, bool Shrinking, double Tol, double CacheSize, int MaxIter)
{
    /// <summary>Checks what <see cref="Hyperparameters.Validate"/> cannot: the gamma text.</summary>
    public void CheckGamma(string estimator)
    {
        string g = (Gamma ?? "").Trim();
        if (g.Equals("scale", StringComparison.OrdinalIgnoreCase) || g.Equals("auto", StringComparison.OrdinalIgnoreCase)) return;
        KernelFunction.ResolveGamma(g, new Matrix(1, 1), estimator);
    }

    /// <summary>The kernel with gamma resolved on the training rows.</summary>
    public KernelFunction Resolve(Matrix x, string estimator) =>
        new(Kernel, KernelFunction.ResolveGamma(Gamma, x, estimator), Coef0, Degree);

    /// <summary>Solver settings for one fit.</summary>
    public SolverSettings Settings(FitContext? context) => new(Tol, Shrinking, CacheSize, MaxIter, context);

    /// <summary>Common data checks: finite non-empty features, one value per row, valid weights.</summary>
    public static void CheckData(Matrix x, int targets, double[]? sampleWeight, string estimator)
    {
        InputChecks.Features(x, estimator);
        if (targets != x.Rows)
            throw new InvalidInputException($"{estimator}: {targets} targets were given for {x.Rows} rows; give one per row.");
        InputChecks.Weights(sampleWeight, x.Rows, estimator);
    }

    /// <summary>Rows with positive weight (libsvm drops zero-weight rows before training).</summary>
    public static int[] KeptRows(int n, double[]? sampleWeight)
    {
        if (sampleWeight is null) return Enumerable.Range(0, n).ToArray();
        return Enumerable.Range(0, n).Where(i => sampleWeight[i] > 0).ToArray();
    }
}
