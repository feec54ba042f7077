using System.Globalization;
using Fathom.Core;
using Fathom.Data;
using Fathom.Numerics;
using Fathom.Preprocessing;

namespace Fathom.Decomposition;

/// <summary>
/// Kernel principal component analysis (Schölkopf, Smola &amp; Müller 1998), as scikit-learn 1.2's <c>KernelPCA</c>
/// with the dense eigen solver: the kernel matrix K of the training rows is double-centred, its largest eigenpairs
/// kept (negative and relatively tiny eigenvalues set to 0; with <see cref="NComponents"/> null, every positive one),
/// each eigenvector's sign fixed so its largest-magnitude entry is positive (scikit-learn's <c>svd_flip</c>);
/// scores Z = Vᵢ·√λᵢ on the training rows, and Kc(new, train)·Vᵢ/√λᵢ for new rows. O(n²·p + n³) to fit; the model
/// keeps the training rows. Numeric and boolean columns; NaN and infinity are rejected.
/// </summary>
public sealed record KernelPCA : ITransformer
{
    /// <summary>Components to keep; null = all with a positive eigenvalue.</summary>
    [Hyperparameter("components to keep", Min = 1, NullMeans = "all components with a positive eigenvalue")]
    public int? NComponents { get; init; }

    /// <summary>Kernel (default linear, as scikit-learn).</summary>
    [Hyperparameter("kernel: linear, poly, rbf, sigmoid or cosine")]
    public KernelPcaKernel Kernel { get; init; } = KernelPcaKernel.Linear;

    /// <summary>γ of the rbf, poly and sigmoid kernels; null = 1 / features.</summary>
    [Hyperparameter("kernel coefficient of rbf, poly and sigmoid", Min = 0, MinExclusive = true, NullMeans = "1 / number of features")]
    public double? Gamma { get; init; }

    /// <summary>Degree of the poly kernel (default 3).</summary>
    [Hyperparameter("degree of the poly kernel", Min = 0)]
    public int Degree { get; init; } = 3;

    /// <summary>Constant of the poly and sigmoid kernels (default 1).</summary>
    [Hyperparameter("independent term of the poly and sigmoid kernels")]
    public double Coef0 { get; init; } = 1.0;

    /// <inheritdoc/>
    public EstimatorTags Tags { get; } = new() { SupportsSampleWeight = false };

    /// <summary>Fits on the numeric and boolean columns of <paramref name="x"/>.</summary>
    /// <exception cref="InvalidHyperparameterException">More components than rows.</exception>
    /// <exception cref="InvalidInputException">No rows or columns, a text or date column, NaN or infinity.</exception>
    public KernelPCAModel Fit(DataFrame x, FitContext? context = null)
    {
        Hyperparameters.Validate(this);
        FrameInput.CheckFitFrame(x, nameof(KernelPCA));
        var m = Manifold.ManifoldInput.ToMatrix(x, nameof(KernelPCA));
        return FitCore(m, x.ColumnNames.ToArray(), x.Columns.Select(c => c.Kind).ToArray(), context ?? FitContext.Default);
    }

    /// <summary>Fits on a matrix (columns named x0, x1, …).</summary>
    /// <exception cref="InvalidHyperparameterException">See <see cref="Fit(DataFrame, FitContext?)"/>.</exception>
    /// <exception cref="InvalidInputException">See <see cref="Fit(DataFrame, FitContext?)"/>.</exception>
    public KernelPCAModel Fit(Matrix x, FitContext? context = null)
    {
        ArgumentNullException.ThrowIfNull(x);
        Hyperparameters.Validate(this);
        if (x.Columns == 0 || x.Rows == 0) throw new InvalidInputException("KernelPCA: the data is empty; give it rows and columns.");
        Linear.InputChecks.Finite(x, nameof(KernelPCA));
        return FitCore(x.Clone(), Manifold.ManifoldInput.OutputNames("x", x.Columns), Enumerable.Repeat(ColumnKind.Numeric, x.Columns).ToArray(), context ?? FitContext.Default);
    }

    ITransformerModel ITransformer.Fit(DataFrame x, FitContext? context) => Fit(x, context);

    private KernelPCAModel FitCore(Matrix x, string[] names, ColumnKind[] kinds, FitContext ctx)
    {
        if (NComponents > x.Rows)
            throw new InvalidHyperparameterException("n_components", string.Create(CultureInfo.InvariantCulture,
                $"KernelPCA: n_components = {NComponents} is more than the number of rows ({x.Rows})."));
        double gamma = Gamma ?? 1.0 / x.Columns;
        var k = KernelMatrix(x, x, gamma, ctx.ThreadCount);
        ctx.ThrowIfCancellationRequested();
        var eig = KernelEigen.Fit(k, NComponents);
        return new KernelPCAModel(this, names, kinds, x, gamma, eig);
    }

    /// <summary>K(a, b) for this kernel with the given γ, rows of a against rows of b.</summary>
    internal Matrix KernelMatrix(Matrix a, Matrix b, double gamma, int threads)
    {
        switch (Kernel)
        {
            case KernelPcaKernel.Rbf:
                {
                    var d = Distances.SquaredEuclidean(a, b, threads);
                    var s = d.AsSpan();
                    for (int i = 0; i < s.Length; i++) s[i] = Math.Exp(-gamma * Math.Max(0, s[i]));
                    return d;
                }
            case KernelPcaKernel.Cosine:
                return MatrixOps.MultiplyTransposed(Normalized(a), Normalized(b), threads);
            default:
                {
                    var k = MatrixOps.MultiplyTransposed(a, b, threads);
                    var s = k.AsSpan();
                    if (Kernel == KernelPcaKernel.Poly)
                        for (int i = 0; i < s.Length; i++) s[i] = Math.Pow(gamma * s[i] + Coef0, Degree);
                    else if (Kernel == KernelPcaKernel.Sigmoid)
                        for (int i = 0; i < s.Length; i++) s[i] = Math.Tanh(gamma * s[i] + Coef0);
                    return k;
                }
        }
    }

    private static Matrix Normalized(Matrix a)
    {
        var r = a.Clone();
        for (int i = 0; i < r.Rows; i++)
        {
            var row = r.Row(i);
            double norm = Math.Sqrt(Blas.Dot(row, row));
            if (norm > 0) System.Numerics.Tensors.TensorPrimitives.Multiply(row, 1 / norm, row);
        }
        return r;
    }
}
