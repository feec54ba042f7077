using Fathom.Core;
using Fathom.Persistence;
using Fathom.Trees;

namespace Fathom.Ensemble;

/// <summary>A fitted <see cref="RandomForestClassifier"/>: its trees, classes, importances and out-of-bag score (all in
/// <see cref="ForestClassificationModel"/>). Immutable and thread-safe.</summary>
public sealed class RandomForestClassificationModel : ForestClassificationModel
{
    internal RandomForestClassificationModel(RandomForestClassifier parameters, string[] classes, LabelKind labelKind, Tree[] trees, int featureCount, double? oobScore)
        : base(parameters, classes, labelKind, trees, featureCount, oobScore) => Parameters = parameters;

    /// <summary>The hyperparameters the model was fitted with.</summary>
    public RandomForestClassifier Parameters { get; }

    /// <inheritdoc/>
    public override string ModelKind => "random-forest";

    internal static RandomForestClassificationModel ReadFrom(ModelReader reader)
    {
        var parameters = reader.ReadHyperparameters<RandomForestClassifier>();
        var (classes, kind, trees, featureCount, oob) = ReadForest(reader, "a random forest");
        return new RandomForestClassificationModel(parameters, classes, kind, trees, featureCount, oob);
    }
}
