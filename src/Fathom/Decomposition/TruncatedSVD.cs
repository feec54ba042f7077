using System.Globalization;
using Fathom.Core;
using Fathom.Data;
using Fathom.Numerics;

namespace Fathom.Decomposition;

/// <summary>
/// Truncated singular value decomposition (latent semantic analysis), as scikit-learn 1.2's <c>TruncatedSVD</c>: the
/// data is NOT centred, so it works on sparse data (<see cref="Fit(SparseMatrix, FitContext?)"/>) without ever
/// densifying it — both algorithms touch X only through the products X·B and Xᵀ·B. <see cref="Algorithm"/>
/// randomized (default): randomized SVD (Halko, Martinsson &amp; Tropp 2011) with <see cref="NOversamples"/> extra
/// directions and <see cref="NIter"/> power iterations normalized by <see cref="PowerIterationNormalizer"/>, on Xᵀ
/// when X is wide; cost O(nnz·(k + oversamples)·(iterations + 2)) plus O((n + p)·(k + oversamples)²). Arpack: the exact
/// leading singular triplets by thick-restart Lanczos on the implicit Gram matrix (see
/// <see cref="TruncatedSvdAlgorithm.Arpack"/>); cost O(nnz) per product, typically a few hundred products. Signs
/// as <c>svd_flip</c> (largest entry of each left singular vector positive); <c>Z = X·Componentsᵀ</c>;
/// explained variance = variance (ddof 0) of each column of the transformed training data, ratio over the total
/// column variance of X (computed from the non-zeros for sparse X).
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

    /// <summary>SVD algorithm (default randomized, as scikit-learn).</summary>
    [Hyperparameter("SVD algorithm: randomized or arpack (exact, Lanczos)")]
    public TruncatedSvdAlgorithm Algorithm { get; init; } = TruncatedSvdAlgorithm.Randomized;

    /// <summary>Tolerance of the arpack algorithm (default 0 = machine precision); the Lanczos residual must fall
    /// below Tol² relative to the largest eigenvalue of the Gram matrix, as SciPy's <c>svds</c> passes tol² to
    /// <c>eigsh</c>. Ignored by randomized.</summary>
    [Hyperparameter("tolerance of the arpack algorithm (0 = machine precision)", Min = 0)]
    public double Tol { get; init; }

    /// <summary>Normalization between power iterations of the randomized algorithm (default auto: LU when more than
    /// 2 iterations, else none, as scikit-learn).</summary>
    [Hyperparameter("power iteration normalizer of the randomized algorithm: auto, none, lu or qr")]
    public PowerIterationNormalizer PowerIterationNormalizer { get; init; } = PowerIterationNormalizer.Auto;

    /// <summary>Seed of the Gaussian test matrix (randomized) or of the Lanczos start vector (arpack) (default 0).</summary>
    [Hyperparameter("seed of the random range finder")]
    public int Seed { get; init; }

    /// <inheritdoc/>
    public EstimatorTags Tags { get; } = new() { SupportsSampleWeight = false, IsStochastic = true };

    /// <summary>Fits on the numeric and boolean columns of <paramref name="x"/>.</summary>
    /// <exception cref="InvalidHyperparameterException">n_components &gt; min(rows, features).</exception>
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

    /// <summary>
    /// Fits on a sparse matrix (columns named x0, x1, …) without densifying it: memory beyond X is
    /// O((n + p)·(k + oversamples)) for randomized and O(p·max(2k + 1, 20)) for arpack (plus X's cached transpose).
    /// </summary>
    /// <exception cref="InvalidHyperparameterException">n_components &gt; min(rows, features).</exception>
    /// <exception cref="InvalidInputException">No rows or columns.</exception>
    public TruncatedSVDModel Fit(SparseMatrix x, FitContext? context = null)
    {
        ArgumentNullException.ThrowIfNull(x);
        Hyperparameters.Validate(this);
        if (x.Columns == 0 || x.Rows == 0) throw new InvalidInputException("TruncatedSVD: the data is empty; give it rows and columns.");
        var ctx = context ?? FitContext.Default;
        CheckComponents(x.Rows, x.Columns);
        var fit = TruncatedSvdCore.Fit(SvdOperand.Of(x, ctx.ThreadCount), this, ctx);
        return new TruncatedSVDModel(this, Manifold.ManifoldInput.OutputNames("x", x.Columns), Enumerable.Repeat(ColumnKind.Numeric, x.Columns).ToArray(),
            fit.Components, fit.SingularValues, fit.ExplainedVariance, fit.ExplainedVarianceRatio);
    }

    /// <summary>Fits on sparse data and returns its projection <c>X·Componentsᵀ</c> (n × k, dense).</summary>
    /// <exception cref="InvalidHyperparameterException">See <see cref="Fit(SparseMatrix, FitContext?)"/>.</exception>
    /// <exception cref="InvalidInputException">See <see cref="Fit(SparseMatrix, FitContext?)"/>.</exception>
    public Matrix FitTransform(SparseMatrix x, FitContext? context = null) => Fit(x, context).Transform(x);

    /// <summary>Fits on dense data and returns its projection <c>X·Componentsᵀ</c>.</summary>
    /// <exception cref="InvalidHyperparameterException">See <see cref="Fit(Matrix, FitContext?)"/>.</exception>
    /// <exception cref="InvalidInputException">See <see cref="Fit(Matrix, FitContext?)"/>.</exception>
    public Matrix FitTransform(Matrix x, FitContext? context = null) => Fit(x, context).Transform(x);

    ITransformerModel ITransformer.Fit(DataFrame x, FitContext? context) => Fit(x, context);

    private TruncatedSVDModel FitCore(Matrix x, string[] names, ColumnKind[] kinds, FitContext ctx)
    {
        CheckComponents(x.Rows, x.Columns);
        var fit = TruncatedSvdCore.Fit(SvdOperand.Of(x, ctx.ThreadCount), this, ctx);
        return new TruncatedSVDModel(this, names, kinds, fit.Components, fit.SingularValues, fit.ExplainedVariance, fit.ExplainedVarianceRatio);
    }

    private void CheckComponents(int n, int p)
    {
        if (NComponents > Math.Min(n, p))
            throw new InvalidHyperparameterException("n_components", string.Create(CultureInfo.InvariantCulture,
                $"TruncatedSVD: n_components = {NComponents} is more than min(rows, features) = {Math.Min(n, p)}; ask for fewer components."));
    }
}
