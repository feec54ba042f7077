using Fathom.Core;
using Fathom.Numerics;
using Fathom.Persistence;
using Fathom.Trees;

namespace Fathom.Ensemble;

/// <summary>A fitted <see cref="StackingRegressor"/>: the named members (fitted on all rows) and the final model. Saved
/// with the members and the final model nested. Immutable and thread-safe when they are.</summary>
public sealed class StackingRegressionModel : IRegressionModel
{
    private readonly string[] _names;
    private readonly IRegressionModel[] _members;

    internal StackingRegressionModel(StackingRegressor parameters, string[] names, IRegressionModel[] members, IRegressionModel final, int featureCount)
    {
        Parameters = parameters;
        _names = names;
        _members = members;
        FinalModel = final;
        FeatureCount = featureCount;
    }

    /// <summary>The hyperparameters the model was fitted with (after loading, the estimator lists are not restored;
    /// the fitted models are).</summary>
    public StackingRegressor Parameters { get; }

    /// <inheritdoc/>
    public int FeatureCount { get; }

    /// <inheritdoc/>
    public string ModelKind => "stacking-regressor";

    /// <summary>The members' names, in order.</summary>
    public IReadOnlyList<string> EstimatorNames => _names;

    /// <summary>The members fitted on all rows, in order.</summary>
    public IReadOnlyList<IRegressionModel> Estimators => _members;

    /// <summary>The final model, fitted on the out-of-fold predictions.</summary>
    public IRegressionModel FinalModel { get; }

    /// <summary>The final model's input for the rows of x: one column per member, then x with passthrough.</summary>
    /// <exception cref="InvalidInputException">Wrong feature count or values a member rejects.</exception>
    public Matrix Transform(Matrix x)
    {
        TreeInput.CheckPredict(x, FeatureCount, nameof(StackingRegressionModel), allowMissing: true);
        var blocks = _members.Select(m => StackingCore.Column(m.Predict(x))).ToArray();
        return StackingCore.Concat(blocks, Parameters.Passthrough ? x : null);
    }

    /// <summary>The final model's prediction on <see cref="Transform"/>(x).</summary>
    /// <exception cref="InvalidInputException">Wrong feature count or values a member rejects.</exception>
    public double[] Predict(Matrix x) => FinalModel.Predict(Transform(x));

    /// <inheritdoc/>
    public void WriteTo(ModelWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteHyperparameters(Parameters);
        writer.SetProperty("feature_count", FeatureCount);
        EnsembleMembers.Write(writer, _names, _members);
        writer.WriteModel("final", FinalModel);
    }

    internal static StackingRegressionModel ReadFrom(ModelReader reader)
    {
        var parameters = reader.ReadHyperparameters<StackingRegressor>();
        int featureCount = reader.GetInt("feature_count");
        if (featureCount < 1) throw new ModelFormatException("The model file is damaged: a stacking regressor needs at least one feature.");
        var (names, members) = EnsembleMembers.Read<IRegressionModel>(reader, featureCount, "a stacking regressor");
        var final = reader.ReadModel("final") as IRegressionModel
            ?? throw new ModelFormatException("The model file is damaged: the final model of a stacking regressor is not a regressor.");
        return new StackingRegressionModel(parameters, names, members, final, featureCount);
    }
}
