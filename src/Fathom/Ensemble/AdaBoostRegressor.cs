using Fathom.Core;
using Fathom.Numerics;
using Fathom.Trees;

namespace Fathom.Ensemble;

/// <summary>
/// AdaBoost.R2 (Drucker 1997) over CART regression trees, as scikit-learn 1.2's <c>AdaBoostRegressor</c> with its
/// default base estimator (<see cref="MaxDepth"/> = 3). Each round draws n rows with replacement with probability
/// equal to their current weights, fits a tree on them, computes every row's loss L_i ∈ [0, 1] from its absolute error
/// divided by the largest (linear, square or exponential), the weighted loss L̄, β = L̄ / (1 − L̄), the tree weight
/// lr·log(1/β), and multiplies each row's weight by β^(lr·(1 − L_i)).
/// </summary>
/// <remarks>
/// <para>Prediction: the weighted median of the trees' predictions (the first, in increasing order of prediction, whose
/// cumulative tree weight reaches half the total). Stops early when a tree is perfect (kept with weight 1) or when L̄
/// ≥ 0.5 (that tree is dropped unless it is the only one).</para>
/// <para>The weighted draws come from <see cref="Seed"/> (round m uses the m-th fork), so results match scikit-learn's
/// in quality, not draw for draw. Cost: O(T · p · n log n).</para>
/// </remarks>
public sealed record AdaBoostRegressor : IRegressor
{
    /// <summary>Largest number of boosting rounds (default 50).</summary>
    [Hyperparameter("largest number of boosting rounds (trees)", Min = 1)]
    public int NEstimators { get; init; } = 50;

    /// <summary>Shrinks each tree's weight and the re-weighting (default 1).</summary>
    [Hyperparameter("shrinks each tree's weight (and the re-weighting)", Min = 0, MinExclusive = true)]
    public double LearningRate { get; init; } = 1.0;

    /// <summary>Loss of a row from its scaled absolute error: linear (default), square or exponential.</summary>
    [Hyperparameter("loss of a row from its scaled absolute error: linear, square or exponential")]
    public AdaBoostLoss Loss { get; init; } = AdaBoostLoss.Linear;

    /// <summary>Depth of each tree (default 3, scikit-learn's base estimator).</summary>
    [Hyperparameter("depth of each tree", Min = 1)]
    public int MaxDepth { get; init; } = 3;

    /// <summary>Fewest rows each leaf of a tree must keep (default 1).</summary>
    [Hyperparameter("fewest rows each leaf of a tree must keep", Min = 1)]
    public int MinSamplesLeaf { get; init; } = 1;

    /// <summary>Seed of the weighted bootstrap draws (default 0).</summary>
    [Hyperparameter("seed of the weighted bootstrap draws")]
    public int Seed { get; init; }

    /// <summary>Tests only: replaces the weighted draw of round m (given the row probabilities) by fixed row indices.</summary>
    internal Func<int, double[], int[]>? DrawOverride { get; init; }

    /// <summary>Takes sample weights (the initial row weights); accepts NaN (missing values, routed by the trees);
    /// scale-invariant; stochastic through <see cref="Seed"/>.</summary>
    public EstimatorTags Tags => new() { IsScaleInvariant = true, IsStochastic = true, AllowsMissingValues = true };

    /// <summary>Validates, then boosts.</summary>
    /// <param name="x">Features (n × p), finite or NaN (missing, routed by the trees).</param>
    /// <param name="y">Finite targets.</param>
    /// <param name="sampleWeight">Optional non-negative initial weight per row (normalized to sum 1).</param>
    /// <param name="context">Cancellation and progress (stage "boosting").</param>
    /// <exception cref="InvalidHyperparameterException">A hyperparameter is out of range.</exception>
    /// <exception cref="InvalidInputException">Empty data, infinity, bad weights or targets.</exception>
    public AdaBoostRegressionModel Fit(Matrix x, double[] y, double[]? sampleWeight = null, FitContext? context = null)
    {
        Hyperparameters.Validate(this);
        const string who = nameof(AdaBoostRegressor);
        ArgumentNullException.ThrowIfNull(y);
        TreeInput.CheckFit(x, y.Length, sampleWeight, who, allowMissing: true);
        TreeInput.CheckTargets(y, false, who);
        context ??= FitContext.Default;
        int n = x.Rows;
        var settings = new DecisionTreeRegressor { MaxDepth = MaxDepth, MinSamplesLeaf = MinSamplesLeaf }.Settings(x.Columns, who);
        var ones = Enumerable.Repeat(1.0, n).ToArray();
        var (w, total) = TreeInput.Weights(sampleWeight ?? Enumerable.Repeat(1.0, n).ToArray(), null, 0, Linear.ClassWeightMode.None);
        for (int i = 0; i < n; i++) w[i] /= total;
        var master = new RandomSource(Seed);
        var trees = new List<Tree>();
        var weights = new List<double>();
        var errors = new List<double>();
        var pred = new double[n];
        var loss = new double[n];
        for (int m = 0; m < NEstimators; m++)
        {
            context.ThrowIfCancellationRequested();
            var rng = master.Fork(m);
            var rows = DrawOverride?.Invoke(m, (double[])w.Clone()) ?? WeightedDraw(rng, w, n);
            // The tree is grown on the drawn rows themselves (repeats included), as scikit-learn fits it on X[rows]:
            // min_samples_leaf then counts repeated rows, as there.
            var xs = new Matrix(rows.Length, x.Columns);
            var ys = new double[rows.Length];
            for (int d = 0; d < rows.Length; d++)
            {
                x.Row(rows[d]).CopyTo(xs.Row(d));
                ys[d] = y[rows[d]];
            }
            var data = TreeData.From(xs, presort: rows.Length >= 2048, threads: 1, who);
            var tree = TreeBuilder.BuildRegressor(data, settings, ys, ones, rows.Length, null);
            trees.Add(tree);
            double errMax = 0;
            for (int i = 0; i < n; i++)
            {
                pred[i] = tree.Value[tree.Leaf(x.Row(i))];
                loss[i] = Math.Abs(pred[i] - y[i]);
                if (w[i] > 0 && loss[i] > errMax) errMax = loss[i];
            }
            double err = 0;
            for (int i = 0; i < n; i++)
            {
                if (!(w[i] > 0)) continue;
                double e = errMax != 0 ? loss[i] / errMax : loss[i];
                e = Loss switch
                {
                    AdaBoostLoss.Square => e * e,
                    AdaBoostLoss.Exponential => 1.0 - Math.Exp(-e),
                    _ => e,
                };
                loss[i] = e;
                err += w[i] * e;
            }
            if (err <= 0)
            {
                weights.Add(1.0);
                errors.Add(0.0);
                break;
            }
            if (err >= 0.5)
            {
                if (trees.Count > 1) trees.RemoveAt(trees.Count - 1);
                else
                {
                    // scikit-learn keeps a lone first tree with weight 0 (its median is then the first tree's output).
                    weights.Add(0.0);
                    errors.Add(err);
                }
                break;
            }
            double beta = err / (1.0 - err);
            double alpha = LearningRate * Math.Log(1.0 / beta);
            weights.Add(alpha);
            errors.Add(err);
            context.Report("boosting", m + 1, NEstimators);
            if (m == NEstimators - 1) break;
            for (int i = 0; i < n; i++)
                if (w[i] > 0) w[i] *= Math.Pow(beta, (1.0 - loss[i]) * LearningRate);
            double sum = 0;
            foreach (double v in w) sum += v;
            if (!double.IsFinite(sum) || sum <= 0) break;
            for (int i = 0; i < n; i++) w[i] /= sum;
        }
        return new AdaBoostRegressionModel(this, trees.ToArray(), weights.ToArray(), errors.ToArray(), x.Columns);
    }

    IRegressionModel IRegressor.Fit(Matrix x, double[] y, double[]? sampleWeight, FitContext? context) =>
        Fit(x, y, sampleWeight, context);

    /// <summary>n draws with replacement, row i with probability p_i (inverse transform on the cumulative sum).</summary>
    private static int[] WeightedDraw(RandomSource rng, double[] p, int n)
    {
        var cdf = new double[p.Length];
        double acc = 0;
        for (int i = 0; i < p.Length; i++) cdf[i] = acc += p[i];
        var rows = new int[n];
        for (int d = 0; d < n; d++)
        {
            double u = rng.NextDouble() * acc;
            int j = Array.BinarySearch(cdf, u);
            j = j < 0 ? ~j : j + 1;
            while (j < p.Length - 1 && !(p[j] > 0)) j++;
            rows[d] = Math.Min(j, p.Length - 1);
        }
        return rows;
    }
}
