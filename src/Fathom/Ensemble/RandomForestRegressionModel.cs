using Fathom.Persistence;
using Fathom.Trees;

namespace Fathom.Ensemble;

/// <summary>A fitted <see cref="RandomForestRegressor"/>: its trees, importances and out-of-bag R² (all in
/// <see cref="ForestRegressionModel"/>). Immutable and thread-safe.</summary>
public sealed class RandomForestRegressionModel : ForestRegressionModel
{
    internal RandomForestRegressionModel(RandomForestRegressor parameters, Tree[] trees, int featureCount, double? oobScore)
        : base(parameters, trees, featureCount, oobScore) => Parameters = parameters;

    /// <summary>The hyperparameters the model was fitted with.</summary>
    public RandomForestRegressor Parameters { get; }

    /// <inheritdoc/>
    public override string ModelKind => "random-forest-regressor";

    internal static RandomForestRegressionModel ReadFrom(ModelReader reader)
    {
        var parameters = reader.ReadHyperparameters<RandomForestRegressor>();
        var (trees, featureCount, oob) = ReadForest(reader, "a random forest");
        return new RandomForestRegressionModel(parameters, trees, featureCount, oob);
    }
}
