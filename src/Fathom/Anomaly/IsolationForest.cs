using System.Globalization;
using Fathom.Core;
using Fathom.Linear;
using Fathom.Numerics;
using Fathom.Trees;

namespace Fathom.Anomaly;

/// <summary>
/// Isolation forest (Liu, Ting and Zhou 2008), as scikit-learn 1.2's <c>IsolationForest</c>: each of
/// <see cref="NEstimators"/> trees is grown on <c>ψ</c> = max_samples rows drawn without replacement (with replacement when
/// <see cref="Bootstrap"/>), splitting every node on a uniformly drawn non-constant feature at a threshold drawn
/// uniformly between that feature's minimum and maximum in the node, down to depth ⌈log₂ ψ⌉. A row's path length
/// in a tree is the depth of the leaf it reaches plus c(m) for the m training rows left there, where
/// c(m) = 2(ln(m − 1) + γ) − 2(m − 1)/m (c(1) = 0, c(2) = 1; scikit-learn's form of 2H(m − 1) − 2(m − 1)/m with
/// H(i) ≈ ln i + γ); the score is <c>score_samples</c> = −2^(−E[h]/c(ψ)), in [−1, 0]: near −1 for rows isolated quickly
/// (outliers), around −0.5 and above for normal rows.
/// </summary>
/// <remarks>
/// <para><see cref="Contamination"/> null ("auto") sets the offset to −0.5 (the original paper's threshold); a value c
/// sets it to the c-quantile (numpy's linear percentile) of the training rows' scores, so that a fraction c of them is
/// flagged. <c>decision_function</c> = score − offset; <c>predict</c> = −1 where it is negative, +1 elsewhere.</para>
/// <para>Trees grow in parallel; tree t takes all its randomness (its rows, its features, its splits) from the t-th
/// fork of <see cref="Seed"/>, so the same seed gives the same forest bit for bit whatever the thread count. scikit-learn
/// uses another generator, so scores agree with it in distribution and rank, not tree by tree. Fit costs
/// O(T·ψ·log ψ) (it never touches the rows that are not drawn); scoring costs O(m·T·log ψ).</para>
/// <para>Sample weights are accepted as scikit-learn does, which only uses them to leave out zero-weight rows: a drawn
/// row of weight 0 is dropped from its tree's sample; other weights change nothing (the tag
/// <see cref="EstimatorTags.SupportsSampleWeight"/> is therefore false).</para>
/// </remarks>
public sealed record IsolationForest : IOutlierDetector
{
    /// <summary>Number of trees (default 100).</summary>
    [Hyperparameter("number of isolation trees", Min = 1)]
    public int NEstimators { get; init; } = 100;

    /// <summary>Rows drawn per tree: "auto" (default) = min(256, n); a whole count ("128", capped at n); or a fraction of n ("0.5").</summary>
    [Hyperparameter("rows drawn per tree: auto (min(256, n)), a whole count such as 128, or a fraction such as 0.5")]
    public string MaxSamples { get; init; } = "auto";

    /// <summary>Expected share of outliers: null (default, scikit-learn's "auto") puts the offset at −0.5; a value in (0, 0.5]
    /// puts it at that quantile of the training scores.</summary>
    [Hyperparameter("expected share of outliers; sets the threshold at that quantile of the training scores", Min = 0, MinExclusive = true, Max = 0.5,
        NullMeans = "auto: offset −0.5")]
    public double? Contamination { get; init; }

    /// <summary>Features each tree may split on: a fraction ("1.0", default, all) or a count ("3"); drawn once per tree without replacement.</summary>
    [Hyperparameter("features each tree may use: a fraction such as 1.0 (all) or a count such as 3, drawn once per tree")]
    public string MaxFeatures { get; init; } = "1.0";

    /// <summary>Draw each tree's rows with replacement (default false).</summary>
    [Hyperparameter("whether each tree's rows are drawn with replacement")]
    public bool Bootstrap { get; init; }

    /// <summary>Seed of the row, feature and split draws (default 0).</summary>
    [Hyperparameter("seed of the row, feature and split draws")]
    public int Seed { get; init; }

    /// <summary>Weights only exclude zero-weight rows (as scikit-learn); stochastic through <see cref="Seed"/>; scale-invariant.</summary>
    public EstimatorTags Tags => new() { SupportsSampleWeight = false, IsStochastic = true, IsScaleInvariant = true };

    /// <summary>Validates, grows the trees, and sets the offset from <see cref="Contamination"/>.</summary>
    /// <param name="x">Rows to learn from (n × p), finite.</param>
    /// <param name="sampleWeight">Optional non-negative weights; only zero matters (the row is never used).</param>
    /// <param name="context">Cancellation, progress (stage "trees") and thread limit.</param>
    /// <exception cref="InvalidHyperparameterException">A hyperparameter is out of range or unreadable.</exception>
    /// <exception cref="InvalidInputException">Empty data, NaN/infinity (row and column named), bad weights.</exception>
    public IsolationForestModel Fit(Matrix x, double[]? sampleWeight = null, FitContext? context = null)
    {
        Hyperparameters.Validate(this);
        const string who = nameof(IsolationForest);
        InputChecks.Features(x, who);
        InputChecks.Weights(sampleWeight, x.Rows, who);
        context ??= FitContext.Default;
        int n = x.Rows, p = x.Columns;
        int psi = ResolveMaxSamples(MaxSamples, n, context);
        int features = ResolveMaxFeatures(MaxFeatures, p);
        int maxDepth = (int)Math.Ceiling(Math.Log2(Math.Max(psi, 2)));
        var seeds = TreeSeeds(Seed, NEstimators);
        var trees = new IsolationTree[NEstimators];
        int done = 0;
        var options = new ParallelOptions { MaxDegreeOfParallelism = context.ThreadCount, CancellationToken = context.CancellationToken };
        Parallel.For(0, NEstimators, options, t =>
        {
            trees[t] = IsolationTree.Grow(x, sampleWeight, psi, features, Bootstrap, maxDepth, new RandomSource(seeds[t]));
            context.Report("trees", Interlocked.Increment(ref done), NEstimators);
        });
        var model = new IsolationForestModel(this, p, psi, IsolationTree.Flatten(trees), offset: -0.5);
        if (Contamination is double c)
            model = model.WithOffset(Dummy.DummyRegressor.Percentile(model.ScoreSamples(x, context.ThreadCount), 100.0 * c));
        return model;
    }

    IOutlierModel IOutlierDetector.Fit(Matrix x, double[]? sampleWeight, FitContext? context) => Fit(x, sampleWeight, context);

    /// <summary>
    /// c(n), the average path length of an unsuccessful search in a binary search tree of n points, as scikit-learn
    /// computes it: 0 for n ≤ 1, 1 for n = 2, else 2(ln(n − 1) + γ) − 2(n − 1)/n with γ the Euler–Mascheroni constant.
    /// </summary>
    public static double AveragePathLength(double n)
    {
        if (n <= 1) return 0;
        if (n <= 2) return 1;
        return 2.0 * (Math.Log(n - 1.0) + EulerGamma) - 2.0 * (n - 1.0) / n;
    }

    /// <summary>The Euler–Mascheroni constant γ.</summary>
    internal const double EulerGamma = 0.5772156649015329;

    /// <summary>One seed per tree, from <c>new RandomSource(seed).Fork(t)</c> in tree order.</summary>
    private static long[] TreeSeeds(int seed, int trees)
    {
        var master = new RandomSource(seed);
        var seeds = new long[trees];
        for (int t = 0; t < trees; t++) seeds[t] = unchecked((long)master.Fork(t).NextUInt64());
        return seeds;
    }

    /// <summary>scikit-learn's max_samples: "auto" = min(256, n); an integer text = that count (capped at n with a
    /// warning); a number with a point = ⌊f·n⌋ for f in (0, 1].</summary>
    internal static int ResolveMaxSamples(string text, int n, FitContext context)
    {
        string t = (text ?? "auto").Trim().ToLowerInvariant();
        var ci = CultureInfo.InvariantCulture;
        if (t is "auto" or "") return Math.Min(256, n);
        if (!t.Contains('.', StringComparison.Ordinal) && !t.Contains('e', StringComparison.Ordinal) && int.TryParse(t, NumberStyles.Integer, ci, out int count))
        {
            if (count < 1)
                throw new InvalidHyperparameterException("max_samples", $"{nameof(IsolationForest)}: max_samples = {text} must be at least 1 (or auto, or a fraction such as 0.5).");
            if (count > n)
            {
                context.Warn($"{nameof(IsolationForest)}: max_samples = {count} is more than the {n} rows; all rows are used for each tree.");
                return n;
            }
            return count;
        }
        if (double.TryParse(t, NumberStyles.Float, ci, out double f))
        {
            if (!(f > 0 && f <= 1))
                throw new InvalidHyperparameterException("max_samples", $"{nameof(IsolationForest)}: max_samples = {text} is not valid; a fraction must be in (0, 1] (or give auto or a whole count).");
            return Math.Max(1, (int)(f * n));
        }
        throw new InvalidHyperparameterException("max_samples", $"{nameof(IsolationForest)}: cannot read max_samples = '{text}'; give auto, a whole count such as 128 or a fraction such as 0.5.");
    }

    /// <summary>scikit-learn's bagging max_features: a count, or max(1, ⌊f·p⌋) for a fraction f in (0, 1].</summary>
    private static int ResolveMaxFeatures(string text, int p)
    {
        string t = (text ?? "1.0").Trim();
        if (t.Length == 0) return p;
        return TreeInput.MaxFeatures(t, p, nameof(IsolationForest));
    }
}
