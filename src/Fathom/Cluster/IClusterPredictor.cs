using Fathom.Core;
using Fathom.Numerics;

namespace Fathom.Cluster;

/// <summary>A fitted clustering that can assign new rows to its clusters (k-means: the nearest centre).</summary>
public interface IClusterPredictor : IClusteringModel
{
    /// <summary>The cluster of each row of <paramref name="x"/>.</summary>
    /// <exception cref="InvalidInputException">Wrong feature count or non-finite values.</exception>
    int[] Predict(Matrix x);
}
