namespace Fathom.Cluster;

/// <summary>The curves <see cref="ClusterCountSelection.Evaluate"/> measured and the two choices they suggest.</summary>
/// <param name="Candidates">One entry per k tried, in increasing k.</param>
/// <param name="BestSilhouetteK">The k with the highest silhouette (the first on ties).</param>
/// <param name="ElbowK">The elbow of the inertia curve: the k farthest below the straight line from the first to
/// the last point, with both axes scaled to [0, 1] (the "kneedle" rule); the smallest k when the curve is straight.</param>
public sealed record ClusterCountResult(IReadOnlyList<ClusterCountCandidate> Candidates, int BestSilhouetteK, int ElbowK)
{
    /// <summary>The candidate with the highest silhouette.</summary>
    public ClusterCountCandidate BestBySilhouette => Candidates.First(c => c.K == BestSilhouetteK);

    /// <summary>The candidate at the elbow of the inertia curve.</summary>
    public ClusterCountCandidate AtElbow => Candidates.First(c => c.K == ElbowK);
}
