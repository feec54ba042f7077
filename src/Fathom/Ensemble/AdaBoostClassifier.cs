using Fathom.Core;
using Fathom.Numerics;
using Fathom.Trees;

namespace Fathom.Ensemble;

/// <summary>
/// AdaBoost over CART classification trees, as scikit-learn 1.2's <c>AdaBoostClassifier</c> with its default base
/// estimator (a decision stump, <see cref="MaxDepth"/> = 1). Rows start with weights summing to 1; each round fits a
/// tree on the weighted rows, measures its weighted error and re-weights the rows it gets wrong (SAMME) or by its
/// probabilities (SAMME.R, the default); weights are renormalized after each round.
/// </summary>
/// <remarks>
/// <para>Decision function: SAMME.R sums h_m(x) = (K−1)(log p_m(x) − mean_k log p_m,k(x)) (probabilities clipped at
/// 2.2e-16); SAMME sums α_m·onehot(tree_m(x)); both divided by Σ α_m. Probabilities: softmax(decision / (K−1)), and for
/// two classes the decision is one number d = f₁ − f₀ with probabilities softmax(−d/2, d/2).</para>
/// <para>Stops early when a tree is perfect (error 0: it is kept with weight 1) or, for SAMME, when a tree is no better
/// than chance (error ≥ 1 − 1/K: it is dropped). Deterministic: trees consider every feature, ties go to the lowest
/// feature index (scikit-learn breaks exact ties between features at random). Cost: O(T · p · n log n).</para>
/// </remarks>
public sealed record AdaBoostClassifier : IClassifier
{
    /// <summary>Largest number of boosting rounds (default 50).</summary>
    [Hyperparameter("largest number of boosting rounds (trees)", Min = 1)]
    public int NEstimators { get; init; } = 50;

    /// <summary>Shrinks each tree's contribution (default 1).</summary>
    [Hyperparameter("shrinks each tree's weight (and the re-weighting)", Min = 0, MinExclusive = true)]
    public double LearningRate { get; init; } = 1.0;

    /// <summary>samme_r (default, as scikit-learn 1.2) or samme.</summary>
    [Hyperparameter("boosting rule: samme_r (real, uses probabilities) or samme (discrete votes)")]
    public AdaBoostAlgorithm Algorithm { get; init; } = AdaBoostAlgorithm.SammeR;

    /// <summary>Depth of each tree (default 1: stumps, scikit-learn's base estimator).</summary>
    [Hyperparameter("depth of each tree (1 = stumps)", Min = 1)]
    public int MaxDepth { get; init; } = 1;

    /// <summary>Fewest rows each leaf of a tree must keep (default 1).</summary>
    [Hyperparameter("fewest rows each leaf of a tree must keep", Min = 1)]
    public int MinSamplesLeaf { get; init; } = 1;

    /// <summary>Takes sample weights (the initial row weights); accepts NaN (missing values, routed by the trees as a
    /// decision tree routes them, as scikit-learn's AdaBoost passes NaN to its trees); scale-invariant; deterministic.</summary>
    public EstimatorTags Tags => new() { IsScaleInvariant = true, AllowsMissingValues = true };

    /// <summary>Validates, then boosts.</summary>
    /// <param name="x">Features (n × p), finite or NaN (missing, routed by the trees).</param>
    /// <param name="y">Class labels; classes without a row are dropped.</param>
    /// <param name="sampleWeight">Optional non-negative initial weight per row (normalized to sum 1).</param>
    /// <param name="context">Cancellation and progress (stage "boosting").</param>
    /// <exception cref="InvalidHyperparameterException">A hyperparameter is out of range.</exception>
    /// <exception cref="InvalidInputException">Empty data, infinity, bad weights, a single class, or (SAMME) the
    /// first tree is no better than chance.</exception>
    public AdaBoostClassificationModel Fit(Matrix x, ClassLabels y, double[]? sampleWeight = null, FitContext? context = null)
    {
        Hyperparameters.Validate(this);
        const string who = nameof(AdaBoostClassifier);
        ArgumentNullException.ThrowIfNull(y);
        TreeInput.CheckFit(x, y.Count, sampleWeight, who, allowMissing: true);
        context ??= FitContext.Default;
        var (classes, codes) = ClassCodes.Present(y, who);
        int n = x.Rows, k = classes.Length;
        var settings = new DecisionTreeClassifier { MaxDepth = MaxDepth, MinSamplesLeaf = MinSamplesLeaf }.Settings(x.Columns, who);
        var data = TreeData.From(x, presort: n >= 2048, threads: 1, who);
        var (w, total) = TreeInput.Weights(sampleWeight ?? Enumerable.Repeat(1.0, n).ToArray(), null, 0, Linear.ClassWeightMode.None);
        for (int i = 0; i < n; i++) w[i] /= total;
        var trees = new List<Tree>();
        var weights = new List<double>();
        var errors = new List<double>();
        var proba = new double[k];
        var incorrect = new bool[n];
        bool real = Algorithm == AdaBoostAlgorithm.SammeR;
        for (int m = 0; m < NEstimators; m++)
        {
            context.ThrowIfCancellationRequested();
            double sw = 0;
            foreach (double v in w) sw += v;
            var tree = TreeBuilder.BuildClassifier(data, settings, codes, k, (double[])w.Clone(), sw, null);
            // Weighted error of the tree's predictions (argmax of its leaf class weights).
            double err = 0, wsum = 0;
            for (int i = 0; i < n; i++)
            {
                int leaf = tree.Leaf(x.Row(i));
                incorrect[i] = Reductions.ArgMax(tree.Value.AsSpan(leaf * k, k)) != codes[i];
                if (incorrect[i]) err += w[i];
                wsum += w[i];
            }
            err /= wsum;
            trees.Add(tree);
            if (err <= 0)
            {
                weights.Add(1.0);
                errors.Add(0.0);
                break;
            }
            bool last = m == NEstimators - 1;
            double alpha = 1.0;
            if (real)
            {
                if (!last)
                {
                    double factor = -LearningRate * ((k - 1.0) / k);
                    for (int i = 0; i < n; i++)
                    {
                        if (!(w[i] > 0)) continue;
                        LeafProba(tree, x.Row(i), k, proba);
                        // y coding: 1 for the true class, −1/(K−1) for the others.
                        double s = 0;
                        for (int c = 0; c < k; c++) s += (c == codes[i] ? 1.0 : -1.0 / (k - 1)) * Math.Log(proba[c]);
                        w[i] *= Math.Exp(factor * s);
                    }
                }
            }
            else
            {
                if (err >= 1.0 - 1.0 / k)
                {
                    trees.RemoveAt(trees.Count - 1);
                    if (trees.Count == 0)
                        throw new InvalidInputException(
                            $"{who}: the first tree is no better than chance (weighted error {err:G4} ≥ 1 − 1/{k}); the ensemble cannot be fitted. Use deeper trees (max_depth) or check the labels.");
                    break;
                }
                alpha = LearningRate * (Math.Log((1.0 - err) / err) + Math.Log(k - 1.0));
                if (!last) // exp(log w + α·[wrong]) for every row, as scikit-learn computes it
                    for (int i = 0; i < n; i++)
                        if (w[i] > 0) w[i] = Math.Exp(Math.Log(w[i]) + (incorrect[i] ? alpha : 0.0));
            }
            weights.Add(alpha);
            errors.Add(err);
            context.Report("boosting", m + 1, NEstimators);
            double sum = 0;
            foreach (double v in w) sum += v;
            if (!double.IsFinite(sum))
            {
                context.Warn($"{who}: the row weights overflowed after round {m + 1}; boosting stopped there.");
                break;
            }
            if (sum <= 0) break;
            if (!last) for (int i = 0; i < n; i++) w[i] /= sum;
        }
        return new AdaBoostClassificationModel(this, classes, y.Kind, trees.ToArray(), weights.ToArray(), errors.ToArray(), x.Columns);
    }

    IClassificationModel IClassifier.Fit(Matrix x, ClassLabels y, double[]? sampleWeight, FitContext? context) =>
        Fit(x, y, sampleWeight, context);

    /// <summary>The tree's leaf class fractions for a row, clipped below at machine epsilon (as scikit-learn).</summary>
    internal static void LeafProba(Tree tree, ReadOnlySpan<double> row, int k, double[] proba)
    {
        int leaf = tree.Leaf(row);
        var o = tree.Output.AsSpan(leaf * k, k);
        for (int c = 0; c < k; c++) proba[c] = Math.Max(o[c], Epsilon);
    }

    internal const double Epsilon = 2.220446049250313e-16;
}
