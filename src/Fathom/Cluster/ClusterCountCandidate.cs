using Fathom.Core;

namespace Fathom.Cluster;

/// <summary>One number of clusters tried by <see cref="ClusterCountSelection"/>: its within-cluster sum of squares
/// (inertia), its silhouette and the fitted model.</summary>
/// <param name="K">Number of clusters asked for.</param>
/// <param name="Inertia">Σᵢ ‖xᵢ − mean of xᵢ's cluster‖² over the non-noise rows (k-means' inertia).</param>
/// <param name="Silhouette">Mean silhouette (−1 … 1, higher is better), on a seeded sample of rows when there are many; NaN when fewer than two clusters came out.</param>
/// <param name="Model">The model fitted with <paramref name="K"/> clusters.</param>
public sealed record ClusterCountCandidate(int K, double Inertia, double Silhouette, IClusteringModel Model);
