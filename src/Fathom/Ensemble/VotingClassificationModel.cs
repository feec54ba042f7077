using System.Collections.ObjectModel;
using Fathom.Core;
using Fathom.Numerics;
using Fathom.Persistence;
using Fathom.Trees;

namespace Fathom.Ensemble;

/// <summary>A fitted <see cref="VotingClassifier"/>: the named fitted members, their weights and the classes. Saved
/// with the members nested. Immutable and thread-safe when the members are.</summary>
public sealed class VotingClassificationModel : IClassificationModel
{
    private readonly string[] _classes;
    private readonly string[] _names;
    private readonly IClassificationModel[] _members;
    private readonly double[] _weights;
    private readonly int[][] _maps;

    internal VotingClassificationModel(VotingClassifier parameters, string[] classes, LabelKind labelKind, string[] names,
        IClassificationModel[] members, double[] weights, int featureCount)
    {
        Parameters = parameters;
        _classes = classes;
        LabelKind = labelKind;
        _names = names;
        _members = members;
        _weights = weights;
        FeatureCount = featureCount;
        _maps = EnsembleMembers.ClassMaps(members, classes);
    }

    /// <summary>The hyperparameters the model was fitted with (after loading, the estimator list is not restored; the
    /// fitted members are).</summary>
    public VotingClassifier Parameters { get; }

    /// <inheritdoc/>
    public IReadOnlyList<string> Classes => new ReadOnlyCollection<string>(_classes);

    /// <inheritdoc/>
    public LabelKind LabelKind { get; }

    /// <inheritdoc/>
    public int FeatureCount { get; }

    /// <inheritdoc/>
    public string ModelKind => "voting-classifier";

    /// <summary>The members' names, in order.</summary>
    public IReadOnlyList<string> EstimatorNames => _names;

    /// <summary>The fitted members, in order.</summary>
    public IReadOnlyList<IClassificationModel> Estimators => _members;

    /// <summary>The members' weights.</summary>
    public IReadOnlyList<double> Weights => new ReadOnlyCollection<double>(_weights);

    /// <summary>Soft voting: Σ wᵢ pᵢ / Σ wᵢ. Hard voting: each class's share of the weighted votes.</summary>
    /// <exception cref="InvalidInputException">Wrong feature count or values a member rejects.</exception>
    public Matrix PredictProba(Matrix x)
    {
        InputCheck(x);
        int k = _classes.Length;
        var p = new Matrix(x.Rows, k);
        double total = _weights.Sum();
        for (int t = 0; t < _members.Length; t++)
        {
            if (Parameters.Voting == VotingMode.Soft)
            {
                var mp = EnsembleMembers.Proba(_members[t], _maps[t], x, k);
                for (int i = 0; i < x.Rows; i++)
                    for (int c = 0; c < k; c++) p[i, c] += _weights[t] * mp[i, c];
            }
            else
            {
                var idx = _members[t].PredictIndex(x);
                for (int i = 0; i < x.Rows; i++) p[i, _maps[t][idx[i]]] += _weights[t];
            }
        }
        for (int i = 0; i < x.Rows; i++)
            for (int c = 0; c < k; c++) p[i, c] /= total;
        return p;
    }

    /// <summary>The class of largest weighted vote (hard) or mean probability (soft); lowest class index on ties.</summary>
    /// <exception cref="InvalidInputException">Wrong feature count or values a member rejects.</exception>
    public int[] PredictIndex(Matrix x) => Reductions.RowArgMax(PredictProba(x));

    /// <summary>Predicted class name of each row.</summary>
    /// <exception cref="InvalidInputException">Wrong feature count or values a member rejects.</exception>
    public string[] Predict(Matrix x) => Array.ConvertAll(PredictIndex(x), i => _classes[i]);

    private void InputCheck(Matrix x) =>
        TreeInput.CheckPredict(x, FeatureCount, nameof(VotingClassificationModel), allowMissing: true);

    /// <inheritdoc/>
    public void WriteTo(ModelWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteHyperparameters(Parameters);
        writer.SetProperty("feature_count", FeatureCount);
        writer.SetProperty("label_kind", LabelKind.ToString());
        writer.WriteStrings("classes", _classes);
        writer.WriteDoubles("weights", _weights);
        EnsembleMembers.Write(writer, _names, _members);
    }

    internal static VotingClassificationModel ReadFrom(ModelReader reader)
    {
        var parameters = reader.ReadHyperparameters<VotingClassifier>();
        int featureCount = reader.GetInt("feature_count");
        if (!Enum.TryParse<LabelKind>(reader.GetString("label_kind"), out var kind))
            throw new ModelFormatException("The model file is damaged: the label kind of a voting model is not valid.");
        var classes = reader.ReadStrings("classes");
        if (featureCount < 1 || classes.Length < 2 || classes.Any(c => c is null))
            throw new ModelFormatException("The model file is damaged: a voting classifier needs features and at least two named classes.");
        var (names, members) = EnsembleMembers.Read<IClassificationModel>(reader, featureCount, "a voting classifier");
        var weights = reader.ReadDoubles("weights", members.Length);
        return new VotingClassificationModel(parameters, classes!, kind, names, members, weights, featureCount);
    }
}
