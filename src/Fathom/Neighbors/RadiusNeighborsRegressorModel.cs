using Fathom.Core;
using Fathom.Numerics;
using Fathom.Persistence;

namespace Fathom.Neighbors;

/// <summary>A fitted <see cref="RadiusNeighborsRegressor"/>: the indexed training rows and their targets. Immutable and thread-safe.</summary>
public sealed class RadiusNeighborsRegressorModel : IRegressionModel
{
    private readonly double[] _y;

    internal RadiusNeighborsRegressorModel(RadiusNeighborsRegressor parameters, NearestNeighbors index, double[] y)
    {
        Parameters = parameters;
        Index = index;
        _y = y;
    }

    /// <summary>The hyperparameters the model was fitted with.</summary>
    public RadiusNeighborsRegressor Parameters { get; }

    /// <summary>The neighbour index over the training rows.</summary>
    public NearestNeighbors Index { get; }

    /// <inheritdoc/>
    public int FeatureCount => Index.Dimensions;

    /// <inheritdoc/>
    public string ModelKind => "radius-neighbors-regressor";

    /// <summary>(Weighted) mean target of the training rows within the radius; NaN for rows without any.</summary>
    /// <exception cref="InvalidInputException">Wrong column count or bad values.</exception>
    public double[] Predict(Matrix x)
    {
        NeighborFit.CheckQuery(x, FeatureCount, nameof(RadiusNeighborsRegressorModel), Parameters.Metric);
        var nb = Index.RadiusNeighbors(x, Parameters.Radius);
        var result = new double[x.Rows];
        for (int i = 0; i < result.Length; i++)
        {
            var ids = nb.IndicesOf(i);
            if (ids.Length == 0)
            {
                result[i] = double.NaN;
                continue;
            }
            var w = new double[ids.Length];
            NeighborFit.Weights(nb.DistancesOf(i), Parameters.Weights, w);
            result[i] = NeighborFit.WeightedMean(w, ids, _y);
        }
        return result;
    }

    /// <inheritdoc/>
    public void WriteTo(ModelWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteHyperparameters(Parameters);
        writer.WriteMatrix("points", Index.Points);
        writer.WriteDoubles("y", _y);
    }

    internal static RadiusNeighborsRegressorModel ReadFrom(ModelReader reader)
    {
        var parameters = reader.ReadHyperparameters<RadiusNeighborsRegressor>();
        var points = reader.ReadMatrix("points");
        var y = reader.ReadDoubles("y", points.Rows);
        if (points.Rows < 1 || points.Columns < 1)
            throw new ModelFormatException("The model file is damaged: a radius neighbours regressor needs training rows.");
        return new RadiusNeighborsRegressorModel(parameters, parameters.IndexOwning(points, 1), y);
    }
}
