using System.Collections.ObjectModel;
using Fathom.Core;
using Fathom.Numerics;
using Fathom.Persistence;
using Fathom.Trees;

namespace Fathom.Ensemble;

/// <summary>A fitted <see cref="BaggingClassifier"/>: its members (any classification models), the features each saw,
/// the classes and the out-of-bag accuracy. Saved with the members nested. Immutable and thread-safe when the members are.</summary>
public sealed class BaggingClassificationModel : IClassificationModel
{
    private readonly string[] _classes;
    private readonly IClassificationModel[] _members;
    private readonly int[][] _features;
    private readonly int[][] _classMap;

    internal BaggingClassificationModel(BaggingClassifier parameters, string[] classes, LabelKind labelKind,
        IClassificationModel[] members, int[][] features, int featureCount, double? oobScore)
    {
        Parameters = parameters;
        _classes = classes;
        LabelKind = labelKind;
        _members = members;
        _features = features;
        FeatureCount = featureCount;
        OobScore = oobScore;
        _classMap = members.Select(m => m.Classes.Select(c => Array.IndexOf(classes, c)).ToArray()).ToArray();
        if (_classMap.Any(map => map.Any(i => i < 0)))
            throw new ModelFormatException("A bagging member predicts a class the ensemble does not know.");
    }

    /// <summary>The hyperparameters the model was fitted with (after loading, <see cref="BaggingClassifier.Estimator"/>
    /// is not restored; the fitted members are).</summary>
    public BaggingClassifier Parameters { get; }

    /// <inheritdoc/>
    public IReadOnlyList<string> Classes => new ReadOnlyCollection<string>(_classes);

    /// <inheritdoc/>
    public LabelKind LabelKind { get; }

    /// <inheritdoc/>
    public int FeatureCount { get; }

    /// <inheritdoc/>
    public string ModelKind => "bagging-classifier";

    /// <summary>The fitted members.</summary>
    public IReadOnlyList<IClassificationModel> Estimators => _members;

    /// <summary>The input features (column indices) each member saw, in member order.</summary>
    public IReadOnlyList<IReadOnlyList<int>> EstimatorFeatures => _features;

    /// <summary>Out-of-bag accuracy (rows scored only by members that did not draw them; rows drawn by every member are
    /// left out), or null when not requested.</summary>
    public double? OobScore { get; }

    /// <summary>Mean of the members' class probabilities (a member that never saw a class gives it 0).</summary>
    /// <exception cref="InvalidInputException">Wrong feature count or values the members reject.</exception>
    public Matrix PredictProba(Matrix x)
    {
        bool missing = Parameters.Tags.AllowsMissingValues;
        TreeInput.CheckPredict(x, FeatureCount, nameof(BaggingClassificationModel), missing);
        var p = new Matrix(x.Rows, _classes.Length);
        for (int t = 0; t < _members.Length; t++)
        {
            var mp = MemberProba(t, x);
            for (int i = 0; i < x.Rows; i++)
            {
                var dst = p.Row(i);
                var src = mp.Row(i);
                for (int c = 0; c < src.Length; c++) dst[c] += src[c];
            }
        }
        for (int i = 0; i < x.Rows; i++)
        {
            var r = p.Row(i);
            for (int c = 0; c < r.Length; c++) r[c] /= _members.Length;
        }
        return p;
    }

    /// <summary>Member t's probabilities in the ensemble's class order.</summary>
    internal Matrix MemberProba(int t, Matrix x)
    {
        var raw = _members[t].PredictProba(BaggingCore.Columns(x, _features[t]));
        var map = _classMap[t];
        var p = new Matrix(x.Rows, _classes.Length);
        for (int i = 0; i < x.Rows; i++)
            for (int c = 0; c < map.Length; c++) p[i, map[c]] = raw[i, c];
        return p;
    }

    /// <summary>Index of the class of largest mean probability (first on ties).</summary>
    /// <exception cref="InvalidInputException">Wrong feature count or values the members reject.</exception>
    public int[] PredictIndex(Matrix x) => Reductions.RowArgMax(PredictProba(x));

    /// <summary>Predicted class name of each row.</summary>
    /// <exception cref="InvalidInputException">Wrong feature count or values the members reject.</exception>
    public string[] Predict(Matrix x) => Array.ConvertAll(PredictIndex(x), i => _classes[i]);

    /// <inheritdoc/>
    public void WriteTo(ModelWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteHyperparameters(Parameters);
        writer.SetProperty("feature_count", FeatureCount);
        writer.SetProperty("label_kind", LabelKind.ToString());
        writer.WriteStrings("classes", _classes);
        writer.SetProperty("oob_score", OobScore);
        BaggingCore.WriteMembers(writer, _members, _features);
    }

    internal static BaggingClassificationModel ReadFrom(ModelReader reader)
    {
        var parameters = reader.ReadHyperparameters<BaggingClassifier>();
        int featureCount = reader.GetInt("feature_count");
        if (!Enum.TryParse<LabelKind>(reader.GetString("label_kind"), out var kind))
            throw new ModelFormatException("The model file is damaged: the label kind of a bagging model is not valid.");
        var classes = reader.ReadStrings("classes");
        if (featureCount < 1 || classes.Length < 2 || classes.Any(c => c is null))
            throw new ModelFormatException("The model file is damaged: a bagging classifier needs features and at least two named classes.");
        double? oob = reader.GetProperty("oob_score") is null ? null : reader.GetDouble("oob_score");
        var (members, features) = BaggingCore.ReadMembers<IClassificationModel>(reader, featureCount, "a bagging classifier");
        try
        {
            return new BaggingClassificationModel(parameters, classes!, kind, members, features, featureCount, oob);
        }
        catch (ModelFormatException e)
        {
            throw new ModelFormatException($"The model file is damaged: {e.Message}", e);
        }
    }
}
