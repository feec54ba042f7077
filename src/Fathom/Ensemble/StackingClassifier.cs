using Fathom.Core;
using Fathom.Linear;
using Fathom.ModelSelection;
using Fathom.Numerics;
using Fathom.Trees;

namespace Fathom.Ensemble;

/// <summary>
/// Stacked generalization (Wolpert 1992), as scikit-learn 1.2's <c>StackingClassifier</c>: every member is fitted on
/// all rows (these predict at prediction time), and a final estimator is fitted on the members' out-of-fold class
/// probabilities — from a <see cref="Cv"/>-fold <see cref="StratifiedKFold"/> without shuffling — optionally followed
/// by the original features (<see cref="Passthrough"/>).
/// </summary>
/// <remarks>
/// <para>With two classes only the second class's probability column of each member is used (the two are collinear),
/// as scikit-learn. The final estimator defaults to <see cref="LogisticRegression"/> with its defaults, as scikit-learn.
/// Without <see cref="Estimators"/> the members are logistic regression + Gaussian naive Bayes + a depth-5 tree (the
/// command line's default; scikit-learn requires the list).</para>
/// <para>Cost: (<see cref="Cv"/> + 1) fits of every member plus one fit of the final estimator.</para>
/// </remarks>
public sealed record StackingClassifier : IClassifier
{
    /// <summary>The named members; null (default) = logistic regression, Gaussian naive Bayes and a depth-5 tree.</summary>
    public IReadOnlyList<(string Name, IClassifier Estimator)>? Estimators { get; init; }

    /// <summary>The estimator fitted on the members' predictions; null (default) = <see cref="LogisticRegression"/>.</summary>
    public IClassifier? FinalEstimator { get; init; }

    /// <summary>Number of folds of the out-of-fold predictions (default 5, stratified, not shuffled).</summary>
    [Hyperparameter("folds of the out-of-fold predictions (stratified, not shuffled)", Min = 2)]
    public int Cv { get; init; } = 5;

    /// <summary>What each member contributes: auto (default; its probabilities), predict_proba or predict (its class index).</summary>
    [Hyperparameter("what each member contributes: auto or predict_proba (probabilities) or predict (class index)")]
    public StackMethod StackMethod { get; init; } = StackMethod.Auto;

    /// <summary>Append the original features to the final estimator's input (default false).</summary>
    [Hyperparameter("append the original features to the final estimator's input")]
    public bool Passthrough { get; init; }

    internal IReadOnlyList<(string Name, IClassifier Estimator)> Members => Estimators ?? EnsembleMembers.DefaultClassifiers;

    internal IClassifier Final => FinalEstimator ?? new LogisticRegression();

    /// <summary>Combined from the members and the final estimator.</summary>
    public EstimatorTags Tags => EnsembleMembers.Combine(Members.Select(m => (IEstimator)m.Estimator).Append(Final));

    /// <summary>Validates, fits the members out of fold and on all rows, then the final estimator.</summary>
    /// <param name="x">Features (n × p).</param>
    /// <param name="y">Class labels (each class needs at least <see cref="Cv"/> rows).</param>
    /// <param name="sampleWeight">Optional weight per row, passed to every fit (all must take weights).</param>
    /// <param name="context">Cancellation and progress (stage "estimators").</param>
    /// <exception cref="InvalidHyperparameterException">Bad member list, cv larger than a class, or a member's hyperparameter.</exception>
    /// <exception cref="InvalidInputException">Bad data, or weights given to a member that takes none.</exception>
    public StackingClassificationModel Fit(Matrix x, ClassLabels y, double[]? sampleWeight = null, FitContext? context = null)
    {
        Hyperparameters.Validate(this);
        const string who = nameof(StackingClassifier);
        var members = Members;
        EnsembleMembers.Check(members, null, who);
        ArgumentNullException.ThrowIfNull(y);
        var tags = Tags;
        TreeInput.CheckFit(x, y.Count, sampleWeight, who, tags.AllowsMissingValues);
        if (sampleWeight is not null && !tags.SupportsSampleWeight)
            throw new InvalidInputException($"{who}: a member or the final estimator takes no sample weights; fit without them.");
        context ??= FitContext.Default;
        var (classes, _) = ClassCodes.Present(y, who);
        int n = x.Rows, k = classes.Length;
        var folds = new StratifiedKFold { NSplits = Cv }.Split(n, y);
        var fitted = new IClassificationModel[members.Count];
        var maps = new int[members.Count][];
        var oof = new Matrix[members.Count];
        for (int t = 0; t < members.Count; t++)
        {
            context.ThrowIfCancellationRequested();
            var est = members[t].Estimator;
            fitted[t] = est.Fit(x, y, sampleWeight, context);
            maps[t] = fitted[t].Classes.Select(c => Array.IndexOf(classes, c)).ToArray();
            var cols = new Matrix(n, StackingCore.Width(StackMethod, k));
            foreach (var fold in folds)
            {
                var m = est.Fit(BaggingCore.Rows(x, fold.Train), y.Subset(fold.Train),
                    sampleWeight is null ? null : fold.Train.Select(i => sampleWeight[i]).ToArray(), context);
                var mm = m.Classes.Select(c => Array.IndexOf(classes, c)).ToArray();
                var part = StackingCore.Features(m, mm, BaggingCore.Rows(x, fold.Test), StackMethod, k);
                for (int r = 0; r < fold.Test.Length; r++) part.Row(r).CopyTo(cols.Row(fold.Test[r]));
            }
            oof[t] = cols;
            context.Report("estimators", t + 1, members.Count);
        }
        var meta = StackingCore.Concat(oof, Passthrough ? x : null);
        var final = Final.Fit(meta, y, sampleWeight, context);
        return new StackingClassificationModel(this, classes, y.Kind, members.Select(m => m.Name).ToArray(), fitted, final, x.Columns);
    }

    IClassificationModel IClassifier.Fit(Matrix x, ClassLabels y, double[]? sampleWeight, FitContext? context) =>
        Fit(x, y, sampleWeight, context);
}
