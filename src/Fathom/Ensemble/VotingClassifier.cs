using Fathom.Core;
using Fathom.Numerics;
using Fathom.Trees;

namespace Fathom.Ensemble;

/// <summary>
/// Combines fitted classifiers by vote, as scikit-learn 1.2's <c>VotingClassifier</c>: every member is fitted on all
/// rows; <see cref="VotingMode.Hard"/> (default) predicts the class with the largest weighted vote count,
/// <see cref="VotingMode.Soft"/> the argmax of the weighted mean probability Σ wᵢ pᵢ / Σ wᵢ.
/// </summary>
/// <remarks>
/// Without <see cref="Estimators"/> the ensemble is logistic regression + Gaussian naive Bayes + a depth-5 decision
/// tree (scikit-learn requires the list; the default serves the command line). With hard voting, scikit-learn has no
/// predict_proba; Fathom returns each class's share of the weighted votes. Cost: the sum of the members' fits.
/// </remarks>
public sealed record VotingClassifier : IClassifier
{
    /// <summary>The named members; null (default) = logistic regression, Gaussian naive Bayes and a depth-5 tree.</summary>
    public IReadOnlyList<(string Name, IClassifier Estimator)>? Estimators { get; init; }

    /// <summary>One non-negative weight per member (default null: all 1).</summary>
    public IReadOnlyList<double>? Weights { get; init; }

    /// <summary>hard (default, weighted majority of predicted classes) or soft (weighted mean probability).</summary>
    [Hyperparameter("how members are combined: hard (majority of predicted classes) or soft (mean probability)")]
    public VotingMode Voting { get; init; } = VotingMode.Hard;

    internal IReadOnlyList<(string Name, IClassifier Estimator)> Members => Estimators ?? EnsembleMembers.DefaultClassifiers;

    /// <summary>Combined from the members: weights and NaN only if all accept them; stochastic if any is.</summary>
    public EstimatorTags Tags => EnsembleMembers.Combine(Members.Select(m => (IEstimator)m.Estimator));

    /// <summary>Validates, then fits every member on all rows.</summary>
    /// <param name="x">Features (n × p).</param>
    /// <param name="y">Class labels.</param>
    /// <param name="sampleWeight">Optional weight per row, passed to every member (all must take weights).</param>
    /// <param name="context">Cancellation and progress (stage "estimators").</param>
    /// <exception cref="InvalidHyperparameterException">Bad member list or weights, or a member's hyperparameter.</exception>
    /// <exception cref="InvalidInputException">Bad data, or weights given to a member that takes none.</exception>
    public VotingClassificationModel Fit(Matrix x, ClassLabels y, double[]? sampleWeight = null, FitContext? context = null)
    {
        Hyperparameters.Validate(this);
        const string who = nameof(VotingClassifier);
        var members = Members;
        EnsembleMembers.Check(members, Weights, who);
        ArgumentNullException.ThrowIfNull(y);
        var tags = Tags;
        TreeInput.CheckFit(x, y.Count, sampleWeight, who, tags.AllowsMissingValues);
        if (sampleWeight is not null && !tags.SupportsSampleWeight)
            throw new InvalidInputException($"{who}: a member takes no sample weights; fit without them.");
        context ??= FitContext.Default;
        var (classes, _) = ClassCodes.Present(y, who);
        var fitted = new IClassificationModel[members.Count];
        for (int t = 0; t < fitted.Length; t++)
        {
            context.ThrowIfCancellationRequested();
            fitted[t] = members[t].Estimator.Fit(x, y, sampleWeight, context);
            context.Report("estimators", t + 1, fitted.Length);
        }
        var weights = Weights?.ToArray() ?? Enumerable.Repeat(1.0, members.Count).ToArray();
        return new VotingClassificationModel(this, classes, y.Kind, members.Select(m => m.Name).ToArray(), fitted, weights, x.Columns);
    }

    IClassificationModel IClassifier.Fit(Matrix x, ClassLabels y, double[]? sampleWeight, FitContext? context) =>
        Fit(x, y, sampleWeight, context);
}
