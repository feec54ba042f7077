namespace Fathom.Core;

/// <summary>A fitted clustering: the cluster of each training row (-1 = noise, where the algorithm has noise).</summary>
public interface IClusteringModel : IModel
{
    /// <summary>Cluster index of each training row; -1 marks noise.</summary>
    IReadOnlyList<int> Labels { get; }
}
