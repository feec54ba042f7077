using Fathom.Persistence;
using Fathom.Trees;

namespace Fathom.Ensemble;

/// <summary>A fitted <see cref="ExtraTreesRegressor"/>: its trees, importances and out-of-bag R² (all in
/// <see cref="ForestRegressionModel"/>). Immutable and thread-safe.</summary>
public sealed class ExtraTreesRegressionModel : ForestRegressionModel
{
    internal ExtraTreesRegressionModel(ExtraTreesRegressor parameters, Tree[] trees, int featureCount, double? oobScore)
        : base(parameters, trees, featureCount, oobScore) => Parameters = parameters;

    /// <summary>The hyperparameters the model was fitted with.</summary>
    public ExtraTreesRegressor Parameters { get; }

    /// <inheritdoc/>
    public override string ModelKind => "extra-trees-regressor";

    internal static ExtraTreesRegressionModel ReadFrom(ModelReader reader)
    {
        var parameters = reader.ReadHyperparameters<ExtraTreesRegressor>();
        var (trees, featureCount, oob) = ReadForest(reader, "an extra-trees model");
        return new ExtraTreesRegressionModel(parameters, trees, featureCount, oob);
    }
}
