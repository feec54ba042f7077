using Fathom.Core;
using Fathom.Persistence;
using Fathom.Trees;

namespace Fathom.Ensemble;

/// <summary>A fitted <see cref="ExtraTreesClassifier"/>: its trees, classes, importances and out-of-bag score (all in
/// <see cref="ForestClassificationModel"/>). Immutable and thread-safe.</summary>
public sealed class ExtraTreesClassificationModel : ForestClassificationModel
{
    internal ExtraTreesClassificationModel(ExtraTreesClassifier parameters, string[] classes, LabelKind labelKind, Tree[] trees, int featureCount, double? oobScore)
        : base(parameters, classes, labelKind, trees, featureCount, oobScore) => Parameters = parameters;

    /// <summary>The hyperparameters the model was fitted with.</summary>
    public ExtraTreesClassifier Parameters { get; }

    /// <inheritdoc/>
    public override string ModelKind => "extra-trees";

    internal static ExtraTreesClassificationModel ReadFrom(ModelReader reader)
    {
        var parameters = reader.ReadHyperparameters<ExtraTreesClassifier>();
        var (classes, kind, trees, featureCount, oob) = ReadForest(reader, "an extra-trees model");
        return new ExtraTreesClassificationModel(parameters, classes, kind, trees, featureCount, oob);
    }
}
