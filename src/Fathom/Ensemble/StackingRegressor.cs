using Fathom.Core;
using Fathom.Linear;
using Fathom.ModelSelection;
using Fathom.Numerics;
using Fathom.Trees;

namespace Fathom.Ensemble;

/// <summary>
/// Stacked generalization for regression, as scikit-learn 1.2's <c>StackingRegressor</c>: every member is fitted on
/// all rows (these predict at prediction time) and a final estimator is fitted on the members' out-of-fold predictions
/// — from a <see cref="Cv"/>-fold <see cref="KFold"/> without shuffling — optionally followed by the original features.
/// </summary>
/// <remarks>The final estimator defaults to <see cref="Ridge"/> with α = 1; scikit-learn's default is RidgeCV (α chosen
/// by leave-one-out among 0.1, 1, 10), so pass a ridge with the α it picks to compare. Without
/// <see cref="Estimators"/> the members are ridge + a depth-5 tree + a 50-tree random forest. Cost: (<see cref="Cv"/> + 1)
/// fits of every member plus one final fit.</remarks>
public sealed record StackingRegressor : IRegressor
{
    /// <summary>The named members; null (default) = ridge, a depth-5 tree and a 50-tree random forest.</summary>
    public IReadOnlyList<(string Name, IRegressor Estimator)>? Estimators { get; init; }

    /// <summary>The estimator fitted on the members' predictions; null (default) = <see cref="Ridge"/> (α = 1).</summary>
    public IRegressor? FinalEstimator { get; init; }

    /// <summary>Number of folds of the out-of-fold predictions (default 5, not shuffled).</summary>
    [Hyperparameter("folds of the out-of-fold predictions (not shuffled)", Min = 2)]
    public int Cv { get; init; } = 5;

    /// <summary>Append the original features to the final estimator's input (default false).</summary>
    [Hyperparameter("append the original features to the final estimator's input")]
    public bool Passthrough { get; init; }

    internal IReadOnlyList<(string Name, IRegressor Estimator)> Members => Estimators ?? EnsembleMembers.DefaultRegressors;

    internal IRegressor Final => FinalEstimator ?? new Ridge();

    /// <summary>Combined from the members and the final estimator.</summary>
    public EstimatorTags Tags => EnsembleMembers.Combine(Members.Select(m => (IEstimator)m.Estimator).Append(Final));

    /// <summary>Validates, fits the members out of fold and on all rows, then the final estimator.</summary>
    /// <param name="x">Features (n × p).</param>
    /// <param name="y">Finite targets.</param>
    /// <param name="sampleWeight">Optional weight per row, passed to every fit (all must take weights).</param>
    /// <param name="context">Cancellation and progress (stage "estimators").</param>
    /// <exception cref="InvalidHyperparameterException">Bad member list, cv larger than the rows, or a member's hyperparameter.</exception>
    /// <exception cref="InvalidInputException">Bad data, or weights given to a member that takes none.</exception>
    public StackingRegressionModel Fit(Matrix x, double[] y, double[]? sampleWeight = null, FitContext? context = null)
    {
        Hyperparameters.Validate(this);
        const string who = nameof(StackingRegressor);
        var members = Members;
        EnsembleMembers.Check(members, null, who);
        ArgumentNullException.ThrowIfNull(y);
        var tags = Tags;
        TreeInput.CheckFit(x, y.Length, sampleWeight, who, tags.AllowsMissingValues);
        TreeInput.CheckTargets(y, false, who);
        if (sampleWeight is not null && !tags.SupportsSampleWeight)
            throw new InvalidInputException($"{who}: a member or the final estimator takes no sample weights; fit without them.");
        context ??= FitContext.Default;
        int n = x.Rows;
        var folds = new KFold { NSplits = Cv }.Split(n);
        var fitted = new IRegressionModel[members.Count];
        var oof = new Matrix[members.Count];
        for (int t = 0; t < members.Count; t++)
        {
            context.ThrowIfCancellationRequested();
            var est = members[t].Estimator;
            fitted[t] = est.Fit(x, y, sampleWeight, context);
            var col = new double[n];
            foreach (var fold in folds)
            {
                var m = est.Fit(BaggingCore.Rows(x, fold.Train), fold.Train.Select(i => y[i]).ToArray(),
                    sampleWeight is null ? null : fold.Train.Select(i => sampleWeight[i]).ToArray(), context);
                var pred = m.Predict(BaggingCore.Rows(x, fold.Test));
                for (int r = 0; r < fold.Test.Length; r++) col[fold.Test[r]] = pred[r];
            }
            oof[t] = StackingCore.Column(col);
            context.Report("estimators", t + 1, members.Count);
        }
        var final = Final.Fit(StackingCore.Concat(oof, Passthrough ? x : null), y, sampleWeight, context);
        return new StackingRegressionModel(this, members.Select(m => m.Name).ToArray(), fitted, final, x.Columns);
    }

    IRegressionModel IRegressor.Fit(Matrix x, double[] y, double[]? sampleWeight, FitContext? context) =>
        Fit(x, y, sampleWeight, context);
}
