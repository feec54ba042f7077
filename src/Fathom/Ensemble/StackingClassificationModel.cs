using System.Collections.ObjectModel;
using Fathom.Core;
using Fathom.Numerics;
using Fathom.Persistence;
using Fathom.Trees;

namespace Fathom.Ensemble;

/// <summary>A fitted <see cref="StackingClassifier"/>: the named members (fitted on all rows), the final model and the
/// classes. Saved with the members and the final model nested. Immutable and thread-safe when they are.</summary>
public sealed class StackingClassificationModel : IClassificationModel
{
    private readonly string[] _classes;
    private readonly string[] _names;
    private readonly IClassificationModel[] _members;
    private readonly int[][] _maps;

    internal StackingClassificationModel(StackingClassifier parameters, string[] classes, LabelKind labelKind, string[] names,
        IClassificationModel[] members, IClassificationModel final, int featureCount)
    {
        Parameters = parameters;
        _classes = classes;
        LabelKind = labelKind;
        _names = names;
        _members = members;
        FinalModel = final;
        FeatureCount = featureCount;
        _maps = EnsembleMembers.ClassMaps(members, classes);
        if (!final.Classes.SequenceEqual(classes))
            throw new ModelFormatException("The model file is damaged: the final model of a stacking classifier has other classes than the ensemble.");
    }

    /// <summary>The hyperparameters the model was fitted with (after loading, the estimator lists are not restored;
    /// the fitted models are).</summary>
    public StackingClassifier Parameters { get; }

    /// <inheritdoc/>
    public IReadOnlyList<string> Classes => new ReadOnlyCollection<string>(_classes);

    /// <inheritdoc/>
    public LabelKind LabelKind { get; }

    /// <inheritdoc/>
    public int FeatureCount { get; }

    /// <inheritdoc/>
    public string ModelKind => "stacking-classifier";

    /// <summary>The members' names, in order.</summary>
    public IReadOnlyList<string> EstimatorNames => _names;

    /// <summary>The members fitted on all rows, in order.</summary>
    public IReadOnlyList<IClassificationModel> Estimators => _members;

    /// <summary>The final model, fitted on the out-of-fold meta-features.</summary>
    public IClassificationModel FinalModel { get; }

    /// <summary>The final model's input for the rows of x: each member's probabilities (second column only for two
    /// classes) or class index, then x itself with passthrough (scikit-learn's <c>transform</c>).</summary>
    /// <exception cref="InvalidInputException">Wrong feature count or values a member rejects.</exception>
    public Matrix Transform(Matrix x)
    {
        TreeInput.CheckPredict(x, FeatureCount, nameof(StackingClassificationModel), allowMissing: true);
        int k = _classes.Length;
        var blocks = _members.Select((m, t) => StackingCore.Features(m, _maps[t], x, Parameters.StackMethod, k)).ToArray();
        return StackingCore.Concat(blocks, Parameters.Passthrough ? x : null);
    }

    /// <summary>The final model's probabilities on <see cref="Transform"/>(x).</summary>
    /// <exception cref="InvalidInputException">Wrong feature count or values a member rejects.</exception>
    public Matrix PredictProba(Matrix x) => FinalModel.PredictProba(Transform(x));

    /// <summary>The final model's class index on <see cref="Transform"/>(x).</summary>
    /// <exception cref="InvalidInputException">Wrong feature count or values a member rejects.</exception>
    public int[] PredictIndex(Matrix x) => FinalModel.PredictIndex(Transform(x));

    /// <summary>Predicted class name of each row.</summary>
    /// <exception cref="InvalidInputException">Wrong feature count or values a member rejects.</exception>
    public string[] Predict(Matrix x) => Array.ConvertAll(PredictIndex(x), i => _classes[i]);

    /// <inheritdoc/>
    public void WriteTo(ModelWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteHyperparameters(Parameters);
        writer.SetProperty("feature_count", FeatureCount);
        writer.SetProperty("label_kind", LabelKind.ToString());
        writer.WriteStrings("classes", _classes);
        EnsembleMembers.Write(writer, _names, _members);
        writer.WriteModel("final", FinalModel);
    }

    internal static StackingClassificationModel ReadFrom(ModelReader reader)
    {
        var parameters = reader.ReadHyperparameters<StackingClassifier>();
        int featureCount = reader.GetInt("feature_count");
        if (!Enum.TryParse<LabelKind>(reader.GetString("label_kind"), out var kind))
            throw new ModelFormatException("The model file is damaged: the label kind of a stacking model is not valid.");
        var classes = reader.ReadStrings("classes");
        if (featureCount < 1 || classes.Length < 2 || classes.Any(c => c is null))
            throw new ModelFormatException("The model file is damaged: a stacking classifier needs features and at least two named classes.");
        var (names, members) = EnsembleMembers.Read<IClassificationModel>(reader, featureCount, "a stacking classifier");
        var final = reader.ReadModel("final") as IClassificationModel
            ?? throw new ModelFormatException("The model file is damaged: the final model of a stacking classifier is not a classifier.");
        return new StackingClassificationModel(parameters, classes!, kind, names, members, final, featureCount);
    }
}
