using System.Globalization;
using Fathom.Core;
using Fathom.Data;
using Fathom.Decomposition;
using Fathom.Numerics;

namespace Fathom.Manifold;

/// <summary>
/// t-distributed stochastic neighbour embedding (van der Maaten &amp; Hinton 2008), as scikit-learn 1.2's <c>TSNE</c>.
/// Input affinities: for each row a Gaussian over squared Euclidean distances whose precision is found by binary
/// search so that its perplexity 2^H equals <see cref="Perplexity"/>; symmetrized and normalized,
/// <c>pᵢⱼ = (pⱼ|ᵢ + pᵢ|ⱼ) / Σ</c>. Output affinities: a Student t with one degree of freedom,
/// <c>qᵢⱼ ∝ (1 + ‖yᵢ − yⱼ‖²)⁻¹</c>. The embedding minimizes KL(P ‖ Q) by gradient descent with momentum (0.5 for
/// the first 250 iterations, when P is multiplied by <see cref="EarlyExaggeration"/>, then 0.8) and per-coordinate
/// gains (+0.2 when the step keeps its sign, ×0.8 otherwise, at least 0.01). The gradient is
/// <c>∂KL/∂yᵢ = 4·Σⱼ (pᵢⱼ − qᵢⱼ)(1 + ‖yᵢ − yⱼ‖²)⁻¹(yᵢ − yⱼ)</c>, computed over rows in parallel; the result does not
/// depend on the thread count. There is no transform of new rows (as in scikit-learn): use <c>FitTransform</c>.
/// </summary>
public sealed record TSNE : IEstimator
{
    /// <summary>Output dimensions (default 2). Barnes–Hut supports 2 only.</summary>
    [Hyperparameter("dimensions of the embedding", Min = 1)]
    public int NComponents { get; init; } = 2;

    /// <summary>Perplexity of each row's Gaussian, roughly the number of effective neighbours (default 30); must be
    /// below the number of rows.</summary>
    [Hyperparameter("effective number of neighbours of each row's Gaussian", Min = 0, MinExclusive = true)]
    public double Perplexity { get; init; } = 30.0;

    /// <summary>Factor on P during the first 250 iterations (default 12).</summary>
    [Hyperparameter("factor on the input affinities during the first 250 iterations", Min = 1)]
    public double EarlyExaggeration { get; init; } = 12.0;

    /// <summary>Step size; null = 'auto': max(n / early_exaggeration / 4, 50) (Belkina et al. 2019), scikit-learn 1.2's default.</summary>
    [Hyperparameter("gradient descent step size", Min = 0, MinExclusive = true, NullMeans = "auto: max(rows / early_exaggeration / 4, 50)")]
    public double? LearningRate { get; init; }

    /// <summary>Total iterations, including the 250 of early exaggeration (default 1000, at least 250).</summary>
    [Hyperparameter("total gradient descent iterations (including the 250 exaggerated ones)", Min = 250)]
    public int NIter { get; init; } = 1000;

    /// <summary>Stop when the KL divergence (checked every 50 iterations) has not improved for this many iterations (default 300).</summary>
    [Hyperparameter("iterations without improvement of the KL divergence before stopping", Min = 1)]
    public int NIterWithoutProgress { get; init; } = 300;

    /// <summary>Stop when the gradient norm (checked every 50 iterations) falls to this value (default 1e-7).</summary>
    [Hyperparameter("gradient norm below which the optimization stops", Min = 0)]
    public double MinGradNorm { get; init; } = 1e-7;

    /// <summary>Starting embedding (default PCA).</summary>
    [Hyperparameter("initial embedding: pca or random")]
    public TsneInit Init { get; init; } = TsneInit.Pca;

    /// <summary>Gradient method (default Barnes–Hut).</summary>
    [Hyperparameter("gradient method: barnes_hut or exact")]
    public TsneMethod Method { get; init; } = TsneMethod.BarnesHut;

    /// <summary>Barnes–Hut opening angle θ (default 0.5): a quad-tree cell of width w at distance d is summarized
    /// by its centre of mass when w/d &lt; θ. Smaller is more exact and slower.</summary>
    [Hyperparameter("Barnes-Hut opening angle: larger is faster and less exact", Min = 0, Max = 1)]
    public double Angle { get; init; } = 0.5;

    /// <summary>Seed of the random initialization and of the randomized PCA (default 0).</summary>
    [Hyperparameter("seed of the initial embedding")]
    public int Seed { get; init; }

    /// <summary>Neither sample weights nor missing values; stochastic through <see cref="Seed"/>.</summary>
    public EstimatorTags Tags { get; } = new() { SupportsSampleWeight = false, IsStochastic = true };

    /// <summary>
    /// Embeds the rows of <paramref name="x"/>. Cost per iteration: Barnes–Hut O(n·log n + n·perplexity), exact
    /// O(n²·NComponents); plus the affinities once (k-nearest-neighbour search, or all pairwise distances).
    /// </summary>
    /// <exception cref="InvalidHyperparameterException">A value out of range, perplexity ≥ rows, or Barnes–Hut with
    /// other than 2 components.</exception>
    /// <exception cref="InvalidInputException">Fewer than 2 rows, no columns, NaN or infinity.</exception>
    public TSNEResult FitTransform(Matrix x, FitContext? context = null)
    {
        ArgumentNullException.ThrowIfNull(x);
        Hyperparameters.Validate(this);
        var ctx = context ?? FitContext.Default;
        if (x.Columns == 0) throw new InvalidInputException("TSNE: the data has no columns; give it at least one feature.");
        if (x.Rows < 2) throw new InvalidInputException($"TSNE: the data has {x.Rows} row(s); an embedding needs at least 2 rows.");
        for (int i = 0; i < x.Rows; i++)
        {
            var row = x.Row(i);
            for (int j = 0; j < row.Length; j++)
                if (!double.IsFinite(row[j]))
                    throw new InvalidInputException(string.Create(CultureInfo.InvariantCulture,
                        $"TSNE: column x{j} holds {row[j]} at row {i}; impute or drop missing and infinite values first."), i, "x" + j.ToString(CultureInfo.InvariantCulture));
        }
        int n = x.Rows;
        if (Perplexity >= n)
            throw new InvalidHyperparameterException("perplexity", string.Create(CultureInfo.InvariantCulture,
                $"TSNE: perplexity = {Perplexity} must be less than the number of rows ({n}); choose a smaller perplexity (5 to 50 is usual)."));
        if (Method == TsneMethod.BarnesHut && NComponents != 2)
            throw new InvalidHyperparameterException("n_components", string.Create(CultureInfo.InvariantCulture,
                $"TSNE: the Barnes-Hut method embeds in 2 dimensions only (n_components = {NComponents}); use method = exact for other dimensions."));
        if (Init == TsneInit.Pca && NComponents > Math.Min(n, x.Columns))
            throw new InvalidHyperparameterException("n_components", string.Create(CultureInfo.InvariantCulture,
                $"TSNE: PCA initialization needs n_components ≤ min(rows, features) = {Math.Min(n, x.Columns)}; use init = random."));

        double learningRate = LearningRate ?? Math.Max(n / EarlyExaggeration / 4.0, 50.0);
        var start = Initial(x, ctx);
        ctx.ThrowIfCancellationRequested();
        var options = new TsneOptimizer.Options(EarlyExaggeration, learningRate, NIter, NIterWithoutProgress, MinGradNorm, Angle * Angle);
        TsneOptimizer.Result r;
        if (Method == TsneMethod.BarnesHut)
        {
            var p = TsneAffinities.Sparse(x, Perplexity, ctx.ThreadCount);
            r = TsneOptimizer.Run(start, p, null, options, ctx);
        }
        else
        {
            var p = TsneAffinities.Dense(x, Perplexity, ctx.ThreadCount);
            r = TsneOptimizer.Run(start, null, p, options, ctx);
        }
        return new TSNEResult(r.Embedding, r.KlDivergence, r.Iteration, learningRate);
    }

    /// <summary>Embeds the numeric and boolean columns of <paramref name="x"/> (see <see cref="FitTransform(Matrix, FitContext?)"/>);
    /// returns the embedding as columns tsne0, tsne1, ….</summary>
    /// <exception cref="InvalidHyperparameterException">See <see cref="FitTransform(Matrix, FitContext?)"/>.</exception>
    /// <exception cref="InvalidInputException">A text or date column, or see <see cref="FitTransform(Matrix, FitContext?)"/>.</exception>
    public DataFrame FitTransform(DataFrame x, FitContext? context = null)
    {
        ArgumentNullException.ThrowIfNull(x);
        var r = FitTransform(ManifoldInput.ToMatrix(x, nameof(TSNE)), context);
        return DataFrame.FromMatrix(r.Embedding, ManifoldInput.OutputNames("tsne", NComponents));
    }

    private Matrix Initial(Matrix x, FitContext ctx)
    {
        int n = x.Rows, c = NComponents;
        var y = new Matrix(n, c);
        if (Init == TsneInit.Random)
        {
            var rng = new RandomSource(Seed);
            var s = y.AsSpan();
            for (int i = 0; i < s.Length; i++) s[i] = 1e-4 * rng.NextGaussian();
            return y;
        }
        var pca = new PCA { NComponents = c, SvdSolver = PcaSolver.Randomized, Seed = Seed }.Fit(x, ctx with { Progress = null });
        var z = pca.Transform(x);
        double mean = 0, var = 0;
        for (int i = 0; i < n; i++) mean += z[i, 0];
        mean /= n;
        for (int i = 0; i < n; i++) var += (z[i, 0] - mean) * (z[i, 0] - mean);
        double sd = Math.Sqrt(var / n);
        double scale = sd > 0 ? 1e-4 / sd : 1.0;
        for (int i = 0; i < n; i++)
            for (int j = 0; j < c; j++) y[i, j] = z[i, j] * scale;
        return y;
    }
}
