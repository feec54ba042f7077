using System.Collections.ObjectModel;
using Fathom.Core;
using Fathom.Numerics;
using Fathom.Persistence;

namespace Fathom.Neighbors;

/// <summary>A fitted <see cref="KNeighborsClassifier"/>: the indexed training rows and their classes. Immutable and thread-safe.</summary>
public sealed class KNeighborsClassifierModel : IClassificationModel
{
    private readonly string[] _classes;
    private readonly int[] _codes;

    internal KNeighborsClassifierModel(KNeighborsClassifier parameters, string[] classes, LabelKind kind, NearestNeighbors index, int[] codes)
    {
        Parameters = parameters;
        _classes = classes;
        LabelKind = kind;
        Index = index;
        _codes = codes;
    }

    /// <summary>The hyperparameters the model was fitted with.</summary>
    public KNeighborsClassifier Parameters { get; }

    /// <summary>The neighbour index over the training rows (reusable for <see cref="NearestNeighbors.KNeighbors"/>).</summary>
    public NearestNeighbors Index { get; }

    /// <inheritdoc/>
    public IReadOnlyList<string> Classes => new ReadOnlyCollection<string>(_classes);

    /// <inheritdoc/>
    public LabelKind LabelKind { get; }

    /// <inheritdoc/>
    public int FeatureCount => Index.Dimensions;

    /// <inheritdoc/>
    public string ModelKind => "knn";

    /// <summary>The neighbours of each row among the training rows (k = n_neighbors).</summary>
    public NeighborResult KNeighbors(Matrix x)
    {
        NeighborFit.CheckQuery(x, FeatureCount, nameof(KNeighborsClassifierModel), Parameters.Metric);
        return Index.Search(x, Parameters.NNeighbors, 0);
    }

    /// <summary>Class probabilities: each class's share of the (weighted) votes of the k neighbours.</summary>
    public Matrix PredictProba(Matrix x) => Votes(KNeighbors(x), normalize: true);

    /// <summary>Index of the class with the largest vote; ties go to the lower class index.</summary>
    public int[] PredictIndex(Matrix x)
    {
        return Reductions.RowArgMax(Votes(KNeighbors(x), normalize: false));
    }

    /// <summary>Predicted class name of each row.</summary>
    public string[] Predict(Matrix x) => PredictIndex(x).Select(i => _classes[i]).ToArray();

    private Matrix Votes(NeighborResult nb, bool normalize)
    {
        int k = nb.K;
        var votes = new Matrix(nb.QueryCount, _classes.Length);
        var w = new double[k];
        for (int i = 0; i < nb.QueryCount; i++)
        {
            NeighborFit.Weights(nb.Distances.Row(i), Parameters.Weights, w);
            NeighborFit.Vote(w, nb.IndicesOf(i), _codes, votes.Row(i), normalize);
        }
        return votes;
    }

    /// <inheritdoc/>
    public void WriteTo(ModelWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteHyperparameters(Parameters);
        writer.WriteStrings("classes", _classes);
        writer.SetProperty("label_kind", LabelKind.ToString());
        writer.WriteMatrix("points", Index.Points);
        writer.WriteInts("codes", _codes);
    }

    internal static KNeighborsClassifierModel ReadFrom(ModelReader reader)
    {
        var parameters = reader.ReadHyperparameters<KNeighborsClassifier>();
        var classes = reader.ReadStrings("classes");
        if (classes.Length < 2 || classes.Any(c => c is null))
            throw new ModelFormatException("The model file is damaged: a knn model needs at least two named classes.");
        if (!Enum.TryParse<LabelKind>(reader.GetString("label_kind"), out var kind))
            throw new ModelFormatException("The model file is damaged: the label kind of a knn model is not valid.");
        var points = reader.ReadMatrix("points");
        var codes = reader.ReadInts("codes", points.Rows);
        if (points.Rows < parameters.NNeighbors || points.Columns < 1 || codes.Any(c => (uint)c >= (uint)classes.Length))
            throw new ModelFormatException("The model file is damaged: the training rows or classes of a knn model do not fit together.");
        var index = parameters.IndexOwning(points, parameters.NNeighbors);
        return new KNeighborsClassifierModel(parameters, classes!, kind, index, codes);
    }
}
