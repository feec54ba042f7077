namespace Fathom.Cluster;

/// <summary>How <see cref="OPTICS"/> turns the reachability plot into flat clusters (scikit-learn's <c>cluster_method</c>).</summary>
public enum OpticsClusterMethod
{
    /// <summary>Steep-area extraction (Ankerst et al. 1999, §4.3): clusters start at steep drops and end at steep rises of
    /// the reachability plot, a drop or rise being steep when reachability changes by a factor 1 − xi; gives a hierarchy.</summary>
    Xi,

    /// <summary>A DBSCAN cut at <see cref="OPTICS.Eps"/>: the labels DBSCAN would give (up to border rows) with that radius.</summary>
    Dbscan,
}
