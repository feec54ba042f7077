using Fathom.Core;

namespace Fathom.ModelSelection;

/// <summary>
/// Forward-chaining splits for ordered data, as in scikit-learn's <c>TimeSeriesSplit</c>: the last
/// <c>NSplits · TestSize</c> rows are cut into <see cref="NSplits"/> consecutive test blocks; each block trains on
/// the rows before it, minus a <see cref="Gap"/> just before the test block, and (sliding window) at most
/// <see cref="MaxTrainSize"/> most recent rows. Without <see cref="MaxTrainSize"/> the window expands.
/// </summary>
public sealed record TimeSeriesSplit : ISplitter
{
    /// <summary>Number of splits, at least 2 (default 5).</summary>
    public int NSplits { get; init; } = 5;

    /// <summary>Largest training window (sliding window); null for an expanding window (default).</summary>
    public int? MaxTrainSize { get; init; }

    /// <summary>Rows per test block; null means <c>n / (NSplits + 1)</c> (default).</summary>
    public int? TestSize { get; init; }

    /// <summary>Rows left out between the end of training and the start of the test block (default 0).</summary>
    public int Gap { get; init; }

    /// <inheritdoc/>
    public IReadOnlyList<Fold> Split(int rowCount, ClassLabels? labels = null, ClassLabels? groups = null)
    {
        SplitHelpers.CheckFolds(nameof(TimeSeriesSplit), NSplits + 1, rowCount);
        if (Gap < 0) throw new InvalidHyperparameterException("gap", $"TimeSeriesSplit: gap must not be negative, got {Gap}.");
        if (MaxTrainSize is < 1) throw new InvalidHyperparameterException("max_train_size", $"TimeSeriesSplit: max_train_size must be at least 1, got {MaxTrainSize}.");
        if (TestSize is < 1) throw new InvalidHyperparameterException("test_size", $"TimeSeriesSplit: test_size must be at least 1, got {TestSize}.");
        int testSize = TestSize ?? rowCount / (NSplits + 1);
        if (rowCount - Gap - (long)testSize * NSplits <= 0)
            throw new InvalidHyperparameterException("test_size",
                $"TimeSeriesSplit: {NSplits} test blocks of {testSize} rows plus a gap of {Gap} leave no training rows out of {rowCount}; " +
                "use fewer splits, a smaller test_size or a smaller gap.");
        var folds = new Fold[NSplits];
        int first = rowCount - NSplits * testSize;
        for (int s = 0; s < NSplits; s++)
        {
            int testStart = first + s * testSize;
            int trainEnd = testStart - Gap;
            int trainStart = MaxTrainSize is int m && m < trainEnd ? trainEnd - m : 0;
            folds[s] = new Fold(Enumerable.Range(trainStart, trainEnd - trainStart).ToArray(),
                Enumerable.Range(testStart, testSize).ToArray());
        }
        return folds;
    }
}
