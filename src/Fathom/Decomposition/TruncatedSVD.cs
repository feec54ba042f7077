using System.Globalization;
using Fathom.Core;
using Fathom.Data;
using Fathom.LinearAlgebra;
using Fathom.Numerics;
using Fathom.Preprocessing;

namespace Fathom.Decomposition;

/// <summary>
/// Truncated singular value decomposition (latent semantic analysis), as scikit-learn 1.2's
/// <c>TruncatedSVD(algorithm="randomized")</c>: the data is NOT centred; randomized SVD (Halko, Martinsson &amp; Tropp
/// 2011) with <see cref="NOversamples"/> extra directions and <see cref="NIter"/> power iterations, signs as
/// <c>svd_flip</c> (largest entry of each left singular vector positive); <c>Z = X·Componentsᵀ</c>;
/// explained variance = variance of each column of Z, ratio over the total column variance of X. Cost
/// O(n·p·(k + oversamples)·(iterations + 2)). The library has no sparse matrix type yet, so the input is dense; the
/// algorithm only multiplies by X and Xᵀ, so a sparse input type can be added without changing it.
/// </summary>
public sealed record TruncatedSVD : ITransformer
{
    /// <summary>Components to keep (default 2).</summary>
    [Hyperparameter("components to keep", Min = 1)]
    public int NComponents { get; init; } = 2;

    /// <summary>Power iterations (default 5).</summary>
    [Hyperparameter("power iterations of the randomized SVD", Min = 0)]
    public int NIter { get; init; } = 5;

    /// <summary>Extra random directions (default 10).</summary>
    [Hyperparameter("oversampling of the random range finder", Min = 0)]
    public int NOversamples { get; init; } = 10;

    /// <summary>Seed of the Gaussian test matrix (default 0).</summary>
    [Hyperparameter("seed of the random range finder")]
    public int Seed { get; init; }

    /// <inheritdoc/>
    public EstimatorTags Tags { get; } = new() { SupportsSampleWeight = false, IsStochastic = true };

    /// <summary>Fits on the numeric and boolean columns of <paramref name="x"/>.</summary>
    /// <exception cref="InvalidHyperparameterException">n_components ≥ features (as scikit-learn) or &gt; rows.</exception>
    /// <exception cref="InvalidInputException">No rows or columns, a text or date column, NaN or infinity.</exception>
    public TruncatedSVDModel Fit(DataFrame x, FitContext? context = null)
    {
        Hyperparameters.Validate(this);
        var m = Manifold.ManifoldInput.ToMatrix(x, nameof(TruncatedSVD));
        return FitCore(m, x.ColumnNames.ToArray(), x.Columns.Select(c => c.Kind).ToArray(), context ?? FitContext.Default);
    }

    /// <summary>Fits on a matrix (columns named x0, x1, …).</summary>
    /// <exception cref="InvalidHyperparameterException">See <see cref="Fit(DataFrame, FitContext?)"/>.</exception>
    /// <exception cref="InvalidInputException">See <see cref="Fit(DataFrame, FitContext?)"/>.</exception>
    public TruncatedSVDModel Fit(Matrix x, FitContext? context = null)
    {
        ArgumentNullException.ThrowIfNull(x);
        Hyperparameters.Validate(this);
        if (x.Columns == 0 || x.Rows == 0) throw new InvalidInputException("TruncatedSVD: the data is empty; give it rows and columns.");
        Linear.InputChecks.Finite(x, nameof(TruncatedSVD));
        return FitCore(x, Manifold.ManifoldInput.OutputNames("x", x.Columns), Enumerable.Repeat(ColumnKind.Numeric, x.Columns).ToArray(), context ?? FitContext.Default);
    }

    ITransformerModel ITransformer.Fit(DataFrame x, FitContext? context) => Fit(x, context);

    private TruncatedSVDModel FitCore(Matrix x, string[] names, ColumnKind[] kinds, FitContext ctx)
    {
        int n = x.Rows, p = x.Columns, k = NComponents;
        if (k > Math.Min(n, p))
            throw new InvalidHyperparameterException("n_components", string.Create(CultureInfo.InvariantCulture,
                $"TruncatedSVD: n_components = {k} is more than min(rows, features) = {Math.Min(n, p)}."));
        int threads = ctx.ThreadCount;
        int l = Math.Min(k + NOversamples, Math.Min(n, p));
        var rng = new RandomSource(Seed);
        var omega = new Matrix(p, l);
        var os = omega.AsSpan();
        for (int i = 0; i < os.Length; i++) os[i] = rng.NextGaussian();
        var y = MatrixOps.Multiply(x, omega, threads);
        for (int it = 0; it < NIter; it++)
        {
            var q = QRDecomposition.Decompose(y, pivoting: false).GetQ();
            var z = QRDecomposition.Decompose(MatrixOps.TransposeMultiply(x, q, threads), pivoting: false).GetQ();
            y = MatrixOps.Multiply(x, z, threads);
            ctx.ThrowIfCancellationRequested();
        }
        var qf = QRDecomposition.Decompose(y, pivoting: false).GetQ();
        var b = MatrixOps.TransposeMultiply(qf, x, threads);
        var svd = SingularValueDecomposition.Decompose(b);
        var u = MatrixOps.Multiply(qf, svd.U!, threads);
        var vt = svd.Vt!;
        PcaCore.Flip(u, vt, l);
        var components = vt.Slice(0, 0, k, p).Clone();
        var s = svd.SingularValues[..k];
        var scores = MatrixOps.MultiplyTransposed(x, components, threads);
        var ev = Reductions.ColumnVariances(scores, ddof: 0);
        double total = Reductions.ColumnVariances(x, ddof: 0).Sum();
        var ratio = ev.Select(v => total > 0 ? v / total : 0).ToArray();
        return new TruncatedSVDModel(this, names, kinds, components, s, ev, ratio);
    }
}
