using System.Globalization;
using Fathom.Core;
using Fathom.Data;
using Fathom.Numerics;
using Fathom.Preprocessing;

namespace Fathom.Decomposition;

/// <summary>
/// Principal component analysis, as scikit-learn's <c>PCA</c>: centres the columns and projects them on the
/// right singular vectors of the centred data, <c>Z = (X − Mean)·Componentsᵀ</c> (divided by
/// √ExplainedVariance when <see cref="Whiten"/>). Explained variance is S²/(n − 1). Signs follow scikit-learn
/// 1.2's <c>svd_flip</c>: in each left singular vector the entry of largest magnitude is positive, which fixes
/// the sign of the matching component. Numeric and boolean (0/1) columns; NaN and infinity are rejected.
/// </summary>
public sealed record PCA : ITransformer
{
    /// <summary>Components to keep: an integer k ≥ 1, a fraction in (0, 1) of the variance to explain (the
    /// smallest k whose cumulative explained variance ratio exceeds it), or null for all min(rows, features).</summary>
    [Hyperparameter("components to keep: an integer k >= 1, or a fraction in (0, 1) of the variance to explain", Min = 0, MinExclusive = true,
        NullMeans = "all min(rows, features) components")]
    public double? NComponents { get; init; }

    /// <summary>Scale the projections to unit variance (default false).</summary>
    [Hyperparameter("divide each projection by the square root of its explained variance (unit-variance outputs)")]
    public bool Whiten { get; init; }

    /// <summary>SVD method (default auto, as scikit-learn).</summary>
    [Hyperparameter("SVD method: auto, full or randomized")]
    public PcaSolver SvdSolver { get; init; } = PcaSolver.Auto;

    /// <summary>Power iterations of the randomized solver; null = 7 when k &lt; 0.1 · min(rows, features), else 4.</summary>
    [Hyperparameter("power iterations of the randomized solver", Min = 0, NullMeans = "7 if k < 0.1 min(rows, features) else 4")]
    public int? IteratedPower { get; init; }

    /// <summary>Seed of the randomized solver's random start (default 0).</summary>
    [Hyperparameter("seed of the randomized solver")]
    public int Seed { get; init; }

    /// <inheritdoc/>
    public EstimatorTags Tags { get; } = new() { SupportsSampleWeight = false, IsStochastic = true };

    /// <summary>Fits on the numeric and boolean columns of <paramref name="x"/>. Cost: full O(n·p·min(n, p)),
    /// randomized O(n·p·(k + 10)·(iterations + 2)).</summary>
    /// <exception cref="InvalidHyperparameterException">A non-integer count above 1, more components than
    /// min(rows, features), or a fraction with the randomized solver.</exception>
    /// <exception cref="InvalidInputException">Fewer than 2 rows, no columns, a text/date column, NaN or infinity.</exception>
    public PCAModel Fit(DataFrame x, FitContext? context = null)
    {
        Hyperparameters.Validate(this);
        FrameInput.CheckFitFrame(x, nameof(PCA));
        var names = x.ColumnNames.ToArray();
        var kinds = x.Columns.Select(c => c.Kind).ToArray();
        var m = new Matrix(x.RowCount, x.ColumnCount);
        for (int j = 0; j < x.ColumnCount; j++)
        {
            var c = x[j];
            if (!FrameInput.IsNumberLike(c.Kind))
                throw new InvalidInputException(
                    $"PCA: column '{c.Name}' is {FrameInput.KindName(c.Kind)}; PCA takes numeric and boolean columns. Encode it or leave it out.", column: c.Name);
            var v = FrameInput.Numbers(c);
            for (int i = 0; i < v.Length; i++) m.Storage[i * m.Columns + j] = v[i];
        }
        return FitCore(m, names, kinds, context ?? FitContext.Default);
    }

    /// <summary>Fits on a matrix (columns named x0, x1, …).</summary>
    /// <exception cref="InvalidHyperparameterException">See <see cref="Fit(DataFrame, FitContext?)"/>.</exception>
    /// <exception cref="InvalidInputException">See <see cref="Fit(DataFrame, FitContext?)"/>.</exception>
    public PCAModel Fit(Matrix x, FitContext? context = null)
    {
        ArgumentNullException.ThrowIfNull(x);
        Hyperparameters.Validate(this);
        if (x.Columns == 0) throw new InvalidInputException("PCA: the data has no columns; give it at least one column to fit on.");
        if (x.Rows == 0) throw new InvalidInputException("PCA: the data has no rows; fitting needs at least one row.");
        var names = Enumerable.Range(0, x.Columns).Select(j => "x" + j.ToString(CultureInfo.InvariantCulture)).ToArray();
        return FitCore(x, names, Enumerable.Repeat(ColumnKind.Numeric, x.Columns).ToArray(), context ?? FitContext.Default);
    }

    ITransformerModel ITransformer.Fit(DataFrame x, FitContext? context) => Fit(x, context);

    private PCAModel FitCore(Matrix x, string[] names, ColumnKind[] kinds, FitContext context)
    {
        int n = x.Rows, p = x.Columns, r = Math.Min(n, p);
        for (int i = 0; i < n; i++)
        {
            var row = x.Row(i);
            for (int j = 0; j < p; j++)
                if (!double.IsFinite(row[j]))
                    throw new InvalidInputException(
                        $"PCA: column '{names[j]}' holds {row[j].ToString(CultureInfo.InvariantCulture)} at row {i}; impute or drop missing and infinite values first.", i, names[j]);
        }
        if (n < 2) throw new InvalidInputException("PCA: the data has 1 row; the explained variance S²/(n − 1) needs at least 2 rows.");
        int? k = null;
        double? fraction = null;
        if (NComponents is double nc)
        {
            if (nc < 1) fraction = nc;
            else
            {
                if (nc != Math.Floor(nc))
                    throw new InvalidHyperparameterException("n_components",
                        $"PCA: n_components = {nc.ToString(CultureInfo.InvariantCulture)} is neither a whole number of components nor a fraction in (0, 1).");
                if (nc > r)
                    throw new InvalidHyperparameterException("n_components",
                        $"PCA: n_components = {nc.ToString(CultureInfo.InvariantCulture)} is more than min(rows, features) = {r}; choose at most {r}.");
                k = (int)nc;
            }
        }
        var solver = SvdSolver;
        if (solver == PcaSolver.Auto)
            solver = Math.Max(n, p) <= 500 || k is null || k >= 0.8 * r ? PcaSolver.Full : PcaSolver.Randomized;
        if (solver == PcaSolver.Randomized && k is null)
            throw new InvalidHyperparameterException("n_components",
                "PCA: the randomized solver needs an integer n_components (a count of components); use svd_solver = full for a variance fraction or for all components.");
        context.ThrowIfCancellationRequested();
        var fit = solver == PcaSolver.Full
            ? PcaCore.FitFull(x, k, fraction, context.ThreadCount)
            : PcaCore.FitRandomized(x, k!.Value, IteratedPower ?? (k < 0.1 * r ? 7 : 4), new RandomSource(Seed), context.ThreadCount);
        return new PCAModel(this, names, kinds, fit);
    }
}
