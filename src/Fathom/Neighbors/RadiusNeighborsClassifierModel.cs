using System.Collections.ObjectModel;
using System.Globalization;
using Fathom.Core;
using Fathom.Numerics;
using Fathom.Persistence;

namespace Fathom.Neighbors;

/// <summary>A fitted <see cref="RadiusNeighborsClassifier"/>: the indexed training rows, their classes and the outlier class. Immutable and thread-safe.</summary>
public sealed class RadiusNeighborsClassifierModel : IClassificationModel
{
    private readonly string[] _classes;
    private readonly int[] _codes;
    private readonly int _outlier;

    internal RadiusNeighborsClassifierModel(RadiusNeighborsClassifier parameters, string[] classes, LabelKind kind, NearestNeighbors index, int[] codes, int outlier)
    {
        Parameters = parameters;
        _classes = classes;
        LabelKind = kind;
        Index = index;
        _codes = codes;
        _outlier = outlier;
    }

    /// <summary>The hyperparameters the model was fitted with.</summary>
    public RadiusNeighborsClassifier Parameters { get; }

    /// <summary>The neighbour index over the training rows.</summary>
    public NearestNeighbors Index { get; }

    /// <inheritdoc/>
    public IReadOnlyList<string> Classes => new ReadOnlyCollection<string>(_classes);

    /// <summary>Index in <see cref="Classes"/> given to rows without neighbours, or −1 when such rows are an error.</summary>
    public int OutlierClass => _outlier;

    /// <inheritdoc/>
    public LabelKind LabelKind { get; }

    /// <inheritdoc/>
    public int FeatureCount => Index.Dimensions;

    /// <inheritdoc/>
    public string ModelKind => "radius-neighbors-classifier";

    /// <summary>The training rows within the radius of each row.</summary>
    /// <exception cref="InvalidInputException">Wrong column count or bad values.</exception>
    public RadiusNeighborResult RadiusNeighbors(Matrix x)
    {
        NeighborFit.CheckQuery(x, FeatureCount, nameof(RadiusNeighborsClassifierModel), Parameters.Metric);
        return Index.RadiusNeighbors(x, Parameters.Radius);
    }

    /// <summary>Class probabilities: each class's share of the (weighted) votes within the radius; rows without neighbours get probability 1 on the outlier class.</summary>
    /// <exception cref="InvalidInputException">Wrong column count, bad values, or a row without neighbours when no outlier label is set.</exception>
    public Matrix PredictProba(Matrix x) => Votes(RadiusNeighbors(x), normalize: true);

    /// <summary>Index of the class with the largest vote (ties: lower class index); the outlier class for rows without neighbours.</summary>
    /// <exception cref="InvalidInputException">Wrong column count, bad values, or a row without neighbours when no outlier label is set.</exception>
    public int[] PredictIndex(Matrix x) => Reductions.RowArgMax(Votes(RadiusNeighbors(x), normalize: false));

    /// <summary>Predicted class name of each row.</summary>
    /// <exception cref="InvalidInputException">As <see cref="PredictIndex"/>.</exception>
    public string[] Predict(Matrix x) => PredictIndex(x).Select(i => _classes[i]).ToArray();

    private Matrix Votes(RadiusNeighborResult nb, bool normalize)
    {
        int m = nb.QueryCount;
        var votes = new Matrix(m, _classes.Length);
        var empty = new List<int>();
        for (int i = 0; i < m; i++)
        {
            var ids = nb.IndicesOf(i);
            var row = votes.Row(i);
            if (ids.Length == 0)
            {
                empty.Add(i);
                if (_outlier >= 0) row[_outlier] = 1;
                continue;
            }
            var w = new double[ids.Length];
            NeighborFit.Weights(nb.DistancesOf(i), Parameters.Weights, w);
            NeighborFit.Vote(w, ids, _codes, row, normalize);
        }
        if (empty.Count > 0 && _outlier < 0)
            throw new InvalidInputException(string.Create(CultureInfo.InvariantCulture,
                $"{nameof(RadiusNeighborsClassifierModel)}: {empty.Count} rows (first: row {empty[0]}) have no training row within radius {Parameters.Radius}; use a larger radius, set outlier_label (e.g. most_frequent), or remove those rows."), empty[0]);
        return votes;
    }

    /// <inheritdoc/>
    public void WriteTo(ModelWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteHyperparameters(Parameters);
        writer.WriteStrings("classes", _classes);
        writer.SetProperty("label_kind", LabelKind.ToString());
        writer.SetProperty("outlier_class", _outlier);
        writer.WriteMatrix("points", Index.Points);
        writer.WriteInts("codes", _codes);
    }

    internal static RadiusNeighborsClassifierModel ReadFrom(ModelReader reader)
    {
        var parameters = reader.ReadHyperparameters<RadiusNeighborsClassifier>();
        var classes = reader.ReadStrings("classes");
        if (classes.Length < 2 || classes.Any(c => c is null))
            throw new ModelFormatException("The model file is damaged: a radius neighbours model needs at least two named classes.");
        if (!Enum.TryParse<LabelKind>(reader.GetString("label_kind"), out var kind))
            throw new ModelFormatException("The model file is damaged: the label kind of a radius neighbours model is not valid.");
        int outlier = reader.GetInt("outlier_class");
        var points = reader.ReadMatrix("points");
        var codes = reader.ReadInts("codes", points.Rows);
        if (points.Rows < 1 || points.Columns < 1 || outlier >= classes.Length || codes.Any(c => (uint)c >= (uint)classes.Length))
            throw new ModelFormatException("The model file is damaged: the training rows or classes of a radius neighbours model do not fit together.");
        var index = parameters.IndexOwning(points, 1);
        return new RadiusNeighborsClassifierModel(parameters, classes!, kind, index, codes, outlier);
    }
}
