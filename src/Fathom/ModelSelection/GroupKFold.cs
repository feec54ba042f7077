using Fathom.Core;

namespace Fathom.ModelSelection;

/// <summary>
/// K-fold over groups as in scikit-learn 1.2's <c>GroupKFold</c>: groups (sorted by name, largest first, ties
/// to the later name) are placed one by one into the fold with the fewest rows so far (lowest fold number on
/// ties). No group appears in both train and test. Not shuffled. O(n + g · k).
/// </summary>
public sealed record GroupKFold : ISplitter
{
    /// <summary>Number of folds, at least 2 and at most the number of groups (default 5).</summary>
    public int NSplits { get; init; } = 5;

    /// <inheritdoc/>
    public IReadOnlyList<Fold> Split(int rowCount, ClassLabels? labels = null, ClassLabels? groups = null)
    {
        SplitHelpers.CheckFolds(nameof(GroupKFold), NSplits, rowCount);
        var g = SplitHelpers.Require(nameof(GroupKFold), "groups", groups, rowCount);
        if (NSplits > g.ClassCount)
            throw new InvalidHyperparameterException("n_splits",
                $"GroupKFold: cannot make n_splits={NSplits} folds from {g.ClassCount} groups; use at most {g.ClassCount} folds.");
        var sizes = g.ClassCounts();
        var order = Enumerable.Range(0, sizes.Length).OrderByDescending(i => sizes[i]).ThenByDescending(i => i).ToArray();
        var foldRows = new long[NSplits];
        var groupFold = new int[sizes.Length];
        foreach (int gi in order)
        {
            int lightest = 0;
            for (int f = 1; f < NSplits; f++) if (foldRows[f] < foldRows[lightest]) lightest = f;
            foldRows[lightest] += sizes[gi];
            groupFold[gi] = lightest;
        }
        var assignment = new int[rowCount];
        var codes = g.Codes;
        for (int i = 0; i < rowCount; i++) assignment[i] = groupFold[codes[i]];
        var folds = new Fold[NSplits];
        for (int f = 0; f < NSplits; f++) folds[f] = SplitHelpers.FromAssignment(assignment, f);
        return folds;
    }
}
