using Fathom.Core;

namespace Fathom.ModelSelection;

/// <summary>Leave-one-out: n folds, fold i tests on row i alone and trains on the other n − 1 rows. O(n²) indices.</summary>
public sealed record LeaveOneOut : ISplitter
{
    /// <inheritdoc/>
    public IReadOnlyList<Fold> Split(int rowCount, ClassLabels? labels = null, ClassLabels? groups = null)
    {
        if (rowCount < 2)
            throw new InvalidInputException($"LeaveOneOut needs at least 2 rows, got {rowCount}.");
        var folds = new Fold[rowCount];
        for (int i = 0; i < rowCount; i++)
        {
            var train = new int[rowCount - 1];
            for (int j = 0, r = 0; j < rowCount; j++) if (j != i) train[r++] = j;
            folds[i] = new Fold(train, [i]);
        }
        return folds;
    }
}
