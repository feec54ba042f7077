using Fathom.Core;
using Fathom.Numerics;
using Fathom.Persistence;

namespace Fathom.Neighbors;

/// <summary>A fitted <see cref="KNeighborsRegressor"/>: the indexed training rows and their targets. Immutable and thread-safe.</summary>
public sealed class KNeighborsRegressorModel : IRegressionModel
{
    private readonly double[] _y;

    internal KNeighborsRegressorModel(KNeighborsRegressor parameters, NearestNeighbors index, double[] y)
    {
        Parameters = parameters;
        Index = index;
        _y = y;
    }

    /// <summary>The hyperparameters the model was fitted with.</summary>
    public KNeighborsRegressor Parameters { get; }

    /// <summary>The neighbour index over the training rows.</summary>
    public NearestNeighbors Index { get; }

    /// <inheritdoc/>
    public int FeatureCount => Index.Dimensions;

    /// <inheritdoc/>
    public string ModelKind => "knn-regressor";

    /// <summary>The neighbours of each row among the training rows (k = n_neighbors).</summary>
    public NeighborResult KNeighbors(Matrix x)
    {
        NeighborFit.CheckQuery(x, FeatureCount, nameof(KNeighborsRegressorModel), Parameters.Metric);
        return Index.Search(x, Parameters.NNeighbors, 0);
    }

    /// <summary>(Weighted) mean target of the k nearest training rows.</summary>
    public double[] Predict(Matrix x)
    {
        var nb = KNeighbors(x);
        int k = nb.K;
        var w = new double[k];
        var result = new double[x.Rows];
        for (int i = 0; i < result.Length; i++)
        {
            NeighborFit.Weights(nb.Distances.Row(i), Parameters.Weights, w);
            result[i] = NeighborFit.WeightedMean(w, nb.IndicesOf(i), _y);
        }
        return result;
    }

    /// <inheritdoc/>
    public void WriteTo(ModelWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteHyperparameters(Parameters);
        writer.WriteMatrix("points", Index.Points);
        writer.WriteDoubles("targets", _y);
    }

    internal static KNeighborsRegressorModel ReadFrom(ModelReader reader)
    {
        var parameters = reader.ReadHyperparameters<KNeighborsRegressor>();
        var points = reader.ReadMatrix("points");
        var y = reader.ReadDoubles("targets", points.Rows);
        if (points.Rows < parameters.NNeighbors || points.Columns < 1)
            throw new ModelFormatException("The model file is damaged: a knn-regressor model has fewer training rows than n_neighbors.");
        return new KNeighborsRegressorModel(parameters, parameters.IndexOwning(points, parameters.NNeighbors), y);
    }
}
