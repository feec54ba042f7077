using Fathom.Core;

namespace Fathom.ModelSelection;

/// <summary>
/// K-fold cross-validation as in scikit-learn's <c>KFold</c>: rows (optionally shuffled) are cut into
/// <see cref="NSplits"/> contiguous blocks; the first <c>n % k</c> blocks hold <c>n / k + 1</c> rows, the rest
/// <c>n / k</c>. Each block is the test set once. O(n · k).
/// </summary>
public sealed record KFold : ISplitter
{
    /// <summary>Number of folds, at least 2 (default 5).</summary>
    public int NSplits { get; init; } = 5;

    /// <summary>Shuffle the rows before cutting blocks (default false). Test indices are returned ascending.</summary>
    public bool Shuffle { get; init; }

    /// <summary>Seed for the shuffle (default 0); ignored without <see cref="Shuffle"/>.</summary>
    public long Seed { get; init; }

    /// <inheritdoc/>
    public IReadOnlyList<Fold> Split(int rowCount, ClassLabels? labels = null, ClassLabels? groups = null)
    {
        SplitHelpers.CheckFolds(nameof(KFold), NSplits, rowCount);
        var order = Shuffle ? new RandomSource(Seed).Permutation(rowCount) : Enumerable.Range(0, rowCount).ToArray();
        return SplitHelpers.ContiguousFolds(order, NSplits);
    }
}
