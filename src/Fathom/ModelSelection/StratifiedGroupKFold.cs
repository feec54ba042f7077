using Fathom.Core;

namespace Fathom.ModelSelection;

/// <summary>
/// K-fold over groups that also keeps class proportions, as in scikit-learn 1.2's <c>StratifiedGroupKFold</c>:
/// groups are visited in order of decreasing standard deviation of their class counts (stable, so ties keep
/// group order) and each goes to the fold that minimizes the mean over classes of the spread (population std)
/// of each fold's share of that class; near-ties (numpy <c>isclose</c>) go to the fold with fewer rows, then
/// the lower fold number. Unshuffled folds equal scikit-learn's. With <see cref="Shuffle"/> the group visiting
/// order is permuted first (scikit-learn 1.2 instead shuffles the count rows without their group ids).
/// O(g · k · c).
/// </summary>
public sealed record StratifiedGroupKFold : ISplitter
{
    /// <summary>Number of folds, at least 2 and at most the number of groups (default 5).</summary>
    public int NSplits { get; init; } = 5;

    /// <summary>Permute the groups before assigning them (default false).</summary>
    public bool Shuffle { get; init; }

    /// <summary>Seed for the shuffle (default 0).</summary>
    public long Seed { get; init; }

    /// <inheritdoc/>
    /// <exception cref="InvalidHyperparameterException">A class has fewer rows than <see cref="NSplits"/> or
    /// there are fewer groups than folds.</exception>
    public IReadOnlyList<Fold> Split(int rowCount, ClassLabels? labels = null, ClassLabels? groups = null)
    {
        SplitHelpers.CheckFolds(nameof(StratifiedGroupKFold), NSplits, rowCount);
        var y = SplitHelpers.Require(nameof(StratifiedGroupKFold), "class labels", labels, rowCount);
        var g = SplitHelpers.Require(nameof(StratifiedGroupKFold), "groups", groups, rowCount);
        int k = NSplits, nc = y.ClassCount, ng = g.ClassCount;
        var yCount = y.ClassCounts();
        for (int c = 0; c < nc; c++)
            if (yCount[c] < k)
                throw new InvalidHyperparameterException("n_splits",
                    $"StratifiedGroupKFold: class '{y.Classes[c]}' has only {yCount[c]} rows, fewer than n_splits={k}; " +
                    "use fewer folds or drop or merge that class.");
        if (k > ng)
            throw new InvalidHyperparameterException("n_splits",
                $"StratifiedGroupKFold: cannot make n_splits={k} folds from {ng} groups; use at most {ng} folds.");
        var perGroup = new double[ng, nc];
        for (int i = 0; i < rowCount; i++) perGroup[g.Codes[i], y.Codes[i]]++;
        var visit = Shuffle ? new RandomSource(Seed).Permutation(ng) : Enumerable.Range(0, ng).ToArray();
        var spread = new double[ng];
        for (int gi = 0; gi < ng; gi++) spread[gi] = Std(Enumerable.Range(0, nc).Select(c => perGroup[gi, c]).ToArray());
        var order = visit.OrderByDescending(gi => spread[gi]).ToArray(); // LINQ ordering is stable
        var perFold = new double[k, nc];
        var groupFold = new int[ng];
        var column = new double[k];
        foreach (int gi in order)
        {
            int best = -1;
            double bestEval = double.PositiveInfinity, bestRows = double.PositiveInfinity;
            for (int f = 0; f < k; f++)
            {
                double eval = 0;
                for (int c = 0; c < nc; c++)
                {
                    for (int h = 0; h < k; h++) column[h] = (perFold[h, c] + (h == f ? perGroup[gi, c] : 0)) / yCount[c];
                    eval += Std(column);
                }
                eval /= nc;
                double rows = 0;
                for (int c = 0; c < nc; c++) rows += perFold[f, c];
                bool close = Math.Abs(eval - bestEval) <= 1e-8 + 1e-5 * Math.Abs(bestEval);
                if (eval < bestEval || (close && rows < bestRows))
                {
                    best = f;
                    bestEval = eval;
                    bestRows = rows;
                }
            }
            for (int c = 0; c < nc; c++) perFold[best, c] += perGroup[gi, c];
            groupFold[gi] = best;
        }
        var assignment = new int[rowCount];
        for (int i = 0; i < rowCount; i++) assignment[i] = groupFold[g.Codes[i]];
        var folds = new Fold[k];
        for (int f = 0; f < k; f++) folds[f] = SplitHelpers.FromAssignment(assignment, f);
        return folds;
    }

    private static double Std(double[] v)
    {
        double m = 0;
        foreach (double x in v) m += x;
        m /= v.Length;
        double s = 0;
        foreach (double x in v) s += (x - m) * (x - m);
        return Math.Sqrt(s / v.Length);
    }
}
