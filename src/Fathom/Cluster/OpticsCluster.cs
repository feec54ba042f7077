namespace Fathom.Cluster;

/// <summary>
/// One cluster of the <see cref="OpticsClusterMethod.Xi"/> hierarchy: the positions <see cref="Start"/> …
/// <see cref="End"/> (inclusive) of <see cref="OPTICSModel.Ordering"/> (a row of scikit-learn's <c>cluster_hierarchy_</c>).
/// </summary>
/// <param name="Start">First position in the ordering.</param>
/// <param name="End">Last position in the ordering (inclusive).</param>
public readonly record struct OpticsCluster(int Start, int End);
