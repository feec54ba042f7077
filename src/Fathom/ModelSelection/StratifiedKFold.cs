using Fathom.Core;

namespace Fathom.ModelSelection;

/// <summary>
/// Stratified K-fold as in scikit-learn 1.2's <c>StratifiedKFold</c>: classes are numbered by first appearance,
/// the labels are sorted and dealt round-robin to the folds (fold f gets sorted positions f, f + k, ...), which
/// fixes how many rows of each class each fold holds; within a class, rows go to folds in row order (or in a
/// seeded random order with <see cref="Shuffle"/>). Fold sizes therefore equal scikit-learn's. O(n · k).
/// </summary>
public sealed record StratifiedKFold : ISplitter
{
    /// <summary>Number of folds, at least 2 (default 5). Every class needs at least this many rows.</summary>
    public int NSplits { get; init; } = 5;

    /// <summary>Shuffle which rows of each class go to which fold (default false).</summary>
    public bool Shuffle { get; init; }

    /// <summary>Seed for the shuffle (default 0); ignored without <see cref="Shuffle"/>.</summary>
    public long Seed { get; init; }

    /// <inheritdoc/>
    /// <exception cref="InvalidHyperparameterException">A class has fewer rows than <see cref="NSplits"/>
    /// (the message names the class and its count).</exception>
    public IReadOnlyList<Fold> Split(int rowCount, ClassLabels? labels = null, ClassLabels? groups = null)
    {
        SplitHelpers.CheckFolds(nameof(StratifiedKFold), NSplits, rowCount);
        var y = SplitHelpers.Require(nameof(StratifiedKFold), "class labels", labels, rowCount);
        var assignment = Assign(y, NSplits, Shuffle ? new RandomSource(Seed) : null);
        var folds = new Fold[NSplits];
        for (int f = 0; f < NSplits; f++) folds[f] = SplitHelpers.FromAssignment(assignment, f);
        return folds;
    }

    /// <summary>Test-fold number of every row.</summary>
    internal static int[] Assign(ClassLabels y, int nSplits, RandomSource? random)
    {
        var codes = y.Codes;
        int n = codes.Length;
        // number classes by first appearance (scikit-learn's y_encoded)
        var firstOrder = new int[y.ClassCount];
        Array.Fill(firstOrder, -1);
        int next = 0;
        var encoded = new int[n];
        for (int i = 0; i < n; i++)
        {
            if (firstOrder[codes[i]] < 0) firstOrder[codes[i]] = next++;
            encoded[i] = firstOrder[codes[i]];
        }
        int classes = next;
        var counts = new int[classes];
        foreach (int e in encoded) counts[e]++;
        for (int c = 0; c < y.ClassCount; c++)
        {
            int e = firstOrder[c];
            if (e >= 0 && counts[e] < nSplits)
                throw new InvalidHyperparameterException("n_splits",
                    $"StratifiedKFold: class '{y.Classes[c]}' has only {counts[e]} rows, fewer than n_splits={nSplits}; " +
                    "use fewer folds or drop or merge that class.");
        }
        // allocation[f, k]: rows of class k in fold f, from dealing the sorted labels round-robin
        var allocation = new int[nSplits, classes];
        int pos = 0;
        for (int k = 0; k < classes; k++)
            for (int r = 0; r < counts[k]; r++, pos++) allocation[pos % nSplits, k]++;
        var assignment = new int[n];
        var cursor = new int[classes];
        var perClass = new int[classes][];
        for (int k = 0; k < classes; k++)
        {
            var list = new int[counts[k]];
            int p = 0;
            for (int f = 0; f < nSplits; f++)
                for (int r = 0; r < allocation[f, k]; r++) list[p++] = f;
            random?.Shuffle<int>(list);
            perClass[k] = list;
        }
        for (int i = 0; i < n; i++) assignment[i] = perClass[encoded[i]][cursor[encoded[i]]++];
        return assignment;
    }
}
