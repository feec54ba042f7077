using Fathom.Core;
using Fathom.Numerics;
using Fathom.Trees;

namespace Fathom.Ensemble;

/// <summary>
/// Bagging (bootstrap aggregating, Breiman 1996) of any classifier, as scikit-learn 1.2's <c>BaggingClassifier</c>:
/// each of <see cref="BaggingEstimator.NEstimators"/> members is fitted on a random sample of the rows (with replacement when
/// <see cref="BaggingEstimator.Bootstrap"/>) and of the features; the ensemble's probabilities are the mean of the members'.
/// </summary>
/// <remarks>
/// <para>Rows drawn c times reach a member that takes sample weights as weight c (times the given weight; rows not
/// drawn get weight 0), as scikit-learn does; a member that takes no weights gets the drawn rows themselves, repeats
/// included. Member t takes its rows, features and own <c>Seed</c> from the t-th fork of <see cref="BaggingEstimator.Seed"/>, so the
/// same seed gives the same ensemble whatever the thread count; scikit-learn's draws differ, so results agree with it
/// in distribution, not member by member.</para>
/// <para>Members fit in parallel on up to <see cref="FitContext.ThreadCount"/> threads (each member itself runs
/// single-threaded). Cost: <see cref="BaggingEstimator.NEstimators"/> × the member's fit.</para>
/// </remarks>
public sealed record BaggingClassifier : BaggingEstimator, IClassifier
{
    /// <summary>The member estimator; null (default) = a <see cref="DecisionTreeClassifier"/> with its defaults.</summary>
    public IClassifier? Estimator { get; init; }

    private protected override EstimatorTags MemberTags => Member.Tags;

    private IClassifier Member => Estimator ?? new DecisionTreeClassifier();

    /// <summary>Validates, then fits the members.</summary>
    /// <param name="x">Features (n × p); NaN only if the member accepts it.</param>
    /// <param name="y">Class labels.</param>
    /// <param name="sampleWeight">Optional non-negative weight per row (the member must take weights).</param>
    /// <param name="context">Cancellation, progress (stage "estimators") and thread limit.</param>
    /// <exception cref="InvalidHyperparameterException">A hyperparameter is out of range, or oob_score without bootstrap.</exception>
    /// <exception cref="InvalidInputException">Bad data, or a member rejects its sample (e.g. a draw holds one class).</exception>
    public BaggingClassificationModel Fit(Matrix x, ClassLabels y, double[]? sampleWeight = null, FitContext? context = null)
    {
        Hyperparameters.Validate(this);
        const string who = nameof(BaggingClassifier);
        ForestCore.CheckOob(OobScore, Bootstrap, who);
        ArgumentNullException.ThrowIfNull(y);
        var member = Member;
        var memberTags = member.Tags;
        TreeInput.CheckFit(x, y.Count, sampleWeight, who, memberTags.AllowsMissingValues);
        if (sampleWeight is not null && !memberTags.SupportsSampleWeight)
            throw new InvalidInputException($"{who}: the member estimator {member.GetType().Name} takes no sample weights; fit without them.");
        context ??= FitContext.Default;
        var (classes, codes) = ClassCodes.Present(y, who);
        int n = x.Rows, p = x.Columns, k = classes.Length;
        int draws = BaggingCore.SampleCount(MaxSamples, n, who);
        int featureDraws = BaggingCore.FeatureDraws(MaxFeatures, p, who);
        var seeds = ForestCore.TreeSeeds(Seed, NEstimators);
        var inner = context with { MaxThreads = 1, Progress = null };
        var features = new int[NEstimators][];
        var counts = new int[NEstimators][];
        var members = BaggingCore.FitAll(NEstimators, seeds, (t, seed) =>
        {
            var (c, f, s) = BaggingCore.Draw(seed, n, draws, Bootstrap, p, featureDraws, BootstrapFeatures);
            features[t] = f;
            counts[t] = c;
            var est = BaggingCore.WithSeed(member, s);
            var xf = BaggingCore.Columns(x, f);
            if (memberTags.SupportsSampleWeight)
            {
                var w = new double[n];
                for (int i = 0; i < n; i++) w[i] = (sampleWeight?[i] ?? 1.0) * c[i];
                return est.Fit(xf, y, w, inner);
            }
            var rows = BaggingCore.RepeatedRows(c);
            return est.Fit(BaggingCore.Rows(xf, rows), y.Subset(rows), null, inner);
        }, context);
        var model = new BaggingClassificationModel(this, classes, y.Kind, members, features, p, null);
        if (!OobScore) return model;
        var sum = new double[n * k];
        var scored = new bool[n];
        for (int t = 0; t < NEstimators; t++)
        {
            var oob = Enumerable.Range(0, n).Where(i => counts[t][i] == 0).ToArray();
            if (oob.Length == 0) continue;
            var proba = model.MemberProba(t, BaggingCore.Rows(x, oob));
            for (int r = 0; r < oob.Length; r++)
            {
                scored[oob[r]] = true;
                for (int c = 0; c < k; c++) sum[oob[r] * k + c] += proba[r, c];
            }
        }
        int right = 0, count = 0;
        for (int i = 0; i < n; i++)
        {
            if (!scored[i]) continue;
            count++;
            if (Reductions.ArgMax(sum.AsSpan(i * k, k)) == codes[i]) right++;
        }
        ForestCore.WarnUnscored(context, n - count, who);
        return new BaggingClassificationModel(this, classes, y.Kind, members, features, p, count > 0 ? right / (double)count : double.NaN);
    }

    IClassificationModel IClassifier.Fit(Matrix x, ClassLabels y, double[]? sampleWeight, FitContext? context) =>
        Fit(x, y, sampleWeight, context);
}
