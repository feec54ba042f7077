using Fathom.Core;
using Fathom.Numerics;
using Fathom.Trees;

namespace Fathom.Ensemble;

/// <summary>
/// Averages fitted regressors, as scikit-learn 1.2's <c>VotingRegressor</c>: every member is fitted on all rows and
/// the prediction is Σ wᵢ ŷᵢ / Σ wᵢ.
/// </summary>
/// <remarks>Without <see cref="Estimators"/> the ensemble is ridge + a depth-5 regression tree + a 50-tree random forest
/// (scikit-learn requires the list; the default serves the command line).</remarks>
public sealed record VotingRegressor : IRegressor
{
    /// <summary>The named members; null (default) = ridge, a depth-5 tree and a 50-tree random forest.</summary>
    public IReadOnlyList<(string Name, IRegressor Estimator)>? Estimators { get; init; }

    /// <summary>One non-negative weight per member (default null: all 1).</summary>
    public IReadOnlyList<double>? Weights { get; init; }

    internal IReadOnlyList<(string Name, IRegressor Estimator)> Members => Estimators ?? EnsembleMembers.DefaultRegressors;

    /// <summary>Combined from the members: weights and NaN only if all accept them; stochastic if any is.</summary>
    public EstimatorTags Tags => EnsembleMembers.Combine(Members.Select(m => (IEstimator)m.Estimator));

    /// <summary>Validates, then fits every member on all rows.</summary>
    /// <param name="x">Features (n × p).</param>
    /// <param name="y">Finite targets.</param>
    /// <param name="sampleWeight">Optional weight per row, passed to every member (all must take weights).</param>
    /// <param name="context">Cancellation and progress (stage "estimators").</param>
    /// <exception cref="InvalidHyperparameterException">Bad member list or weights, or a member's hyperparameter.</exception>
    /// <exception cref="InvalidInputException">Bad data, or weights given to a member that takes none.</exception>
    public VotingRegressionModel Fit(Matrix x, double[] y, double[]? sampleWeight = null, FitContext? context = null)
    {
        Hyperparameters.Validate(this);
        const string who = nameof(VotingRegressor);
        var members = Members;
        EnsembleMembers.Check(members, Weights, who);
        ArgumentNullException.ThrowIfNull(y);
        var tags = Tags;
        TreeInput.CheckFit(x, y.Length, sampleWeight, who, tags.AllowsMissingValues);
        TreeInput.CheckTargets(y, false, who);
        if (sampleWeight is not null && !tags.SupportsSampleWeight)
            throw new InvalidInputException($"{who}: a member takes no sample weights; fit without them.");
        context ??= FitContext.Default;
        var fitted = new IRegressionModel[members.Count];
        for (int t = 0; t < fitted.Length; t++)
        {
            context.ThrowIfCancellationRequested();
            fitted[t] = members[t].Estimator.Fit(x, y, sampleWeight, context);
            context.Report("estimators", t + 1, fitted.Length);
        }
        var weights = Weights?.ToArray() ?? Enumerable.Repeat(1.0, members.Count).ToArray();
        return new VotingRegressionModel(this, members.Select(m => m.Name).ToArray(), fitted, weights, x.Columns);
    }

    IRegressionModel IRegressor.Fit(Matrix x, double[] y, double[]? sampleWeight, FitContext? context) =>
        Fit(x, y, sampleWeight, context);
}
