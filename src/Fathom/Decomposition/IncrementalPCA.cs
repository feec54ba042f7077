using System.Globalization;
using Fathom.Core;
using Fathom.Data;
using Fathom.Numerics;
using Fathom.Preprocessing;

namespace Fathom.Decomposition;

/// <summary>
/// Incremental principal component analysis (Ross, Lim, Lin &amp; Yang 2008), as scikit-learn 1.2's
/// <c>IncrementalPCA</c>: the data is taken in batches of <see cref="BatchSize"/> rows (default 5 × features; a last
/// batch smaller than the component count is merged as scikit-learn's <c>gen_batches</c> does), and each batch updates
/// the running mean, variance and SVD, so memory is O((k + batch)·p). <see cref="PartialFit"/> starts a model from
/// one batch; <see cref="IncrementalPCAModel.PartialFit"/> returns a new model updated with another. Transform is
/// <c>(X − Mean)·Componentsᵀ</c> (÷ √ExplainedVariance when whitened).
/// </summary>
public sealed record IncrementalPCA : ITransformer
{
    /// <summary>Components to keep; null = min(rows of the first batch, features).</summary>
    [Hyperparameter("components to keep", Min = 1, NullMeans = "min(rows of the first batch, features)")]
    public int? NComponents { get; init; }

    /// <summary>Rows per batch in <c>Fit</c>; null = 5 × features.</summary>
    [Hyperparameter("rows per batch", Min = 1, NullMeans = "5 x features")]
    public int? BatchSize { get; init; }

    /// <summary>Scale projections to unit variance (default false).</summary>
    [Hyperparameter("divide each projection by the square root of its explained variance")]
    public bool Whiten { get; init; }

    /// <inheritdoc/>
    public EstimatorTags Tags { get; } = new() { SupportsSampleWeight = false };

    /// <summary>Fits on the numeric and boolean columns of <paramref name="x"/>, batch by batch.</summary>
    /// <exception cref="InvalidHyperparameterException">More components than features or than a batch's rows.</exception>
    /// <exception cref="InvalidInputException">No rows or columns, a text or date column, NaN or infinity.</exception>
    public IncrementalPCAModel Fit(DataFrame x, FitContext? context = null)
    {
        Hyperparameters.Validate(this);
        var m = Manifold.ManifoldInput.ToMatrix(x, nameof(IncrementalPCA));
        return FitCore(m, x.ColumnNames.ToArray(), x.Columns.Select(c => c.Kind).ToArray(), context ?? FitContext.Default);
    }

    /// <summary>Fits on a matrix (columns named x0, x1, …), batch by batch.</summary>
    /// <exception cref="InvalidHyperparameterException">See <see cref="Fit(DataFrame, FitContext?)"/>.</exception>
    /// <exception cref="InvalidInputException">See <see cref="Fit(DataFrame, FitContext?)"/>.</exception>
    public IncrementalPCAModel Fit(Matrix x, FitContext? context = null)
    {
        ArgumentNullException.ThrowIfNull(x);
        Hyperparameters.Validate(this);
        Check(x);
        return FitCore(x, Manifold.ManifoldInput.OutputNames("x", x.Columns), Numeric(x.Columns), context ?? FitContext.Default);
    }

    /// <summary>Starts a model from one batch (columns named x0, x1, …); continue with
    /// <see cref="IncrementalPCAModel.PartialFit"/>.</summary>
    /// <exception cref="InvalidHyperparameterException">More components than the batch's rows or features.</exception>
    /// <exception cref="InvalidInputException">No rows or columns, NaN or infinity.</exception>
    public IncrementalPCAModel PartialFit(Matrix batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        Hyperparameters.Validate(this);
        Check(batch);
        int k = NComponents ?? Math.Min(batch.Rows, batch.Columns);
        CheckComponents(k, batch);
        return new IncrementalPCAModel(this, Manifold.ManifoldInput.OutputNames("x", batch.Columns), Numeric(batch.Columns),
            IncrementalPcaState.Update(null, batch, k));
    }

    ITransformerModel ITransformer.Fit(DataFrame x, FitContext? context) => Fit(x, context);

    private static ColumnKind[] Numeric(int p) => Enumerable.Repeat(ColumnKind.Numeric, p).ToArray();

    private static void Check(Matrix x)
    {
        if (x.Columns == 0 || x.Rows == 0) throw new InvalidInputException("IncrementalPCA: the data is empty; give it rows and columns.");
        Linear.InputChecks.Finite(x, nameof(IncrementalPCA));
    }

    internal static void CheckComponents(int k, Matrix batch)
    {
        if (k > batch.Columns)
            throw new InvalidHyperparameterException("n_components", string.Create(CultureInfo.InvariantCulture,
                $"IncrementalPCA: n_components = {k} is more than the number of features ({batch.Columns})."));
        if (k > batch.Rows)
            throw new InvalidHyperparameterException("n_components", string.Create(CultureInfo.InvariantCulture,
                $"IncrementalPCA: n_components = {k} is more than the rows of a batch ({batch.Rows}); use larger batches or fewer components."));
    }

    private IncrementalPCAModel FitCore(Matrix x, string[] names, ColumnKind[] kinds, FitContext ctx)
    {
        int n = x.Rows, p = x.Columns;
        int batch = BatchSize ?? 5 * p;
        int minBatch = NComponents ?? 0;
        IncrementalPcaState? state = null;
        int k = 0;
        int start = 0;
        var slices = new List<(int Start, int Count)>();
        for (int b = 0; b < n / batch; b++)
        {
            int end = start + batch;
            if (end + minBatch > n) continue;
            slices.Add((start, batch));
            start = end;
        }
        if (start < n) slices.Add((start, n - start));
        foreach (var (s, c) in slices)
        {
            var rows = x.RowRange(s, c);
            if (state is null)
            {
                k = NComponents ?? Math.Min(c, p);
                CheckComponents(k, rows);
            }
            else if (k > c) CheckComponents(k, rows);
            state = IncrementalPcaState.Update(state, rows, k);
            ctx.ThrowIfCancellationRequested();
        }
        return new IncrementalPCAModel(this, names, kinds, state!);
    }
}
