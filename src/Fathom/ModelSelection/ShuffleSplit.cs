using Fathom.Core;

namespace Fathom.ModelSelection;

/// <summary>
/// Random train/test splits as in scikit-learn's <c>ShuffleSplit</c>: each split draws a fresh permutation;
/// the first <c>ceil(TestSize · n)</c> rows are test, the next <c>floor(TrainSize · n)</c> (default: all the rest)
/// are train. Test sets of different splits may overlap. O(n) per split.
/// </summary>
public sealed record ShuffleSplit : ISplitter
{
    /// <summary>Number of splits, at least 1 (default 10).</summary>
    public int NSplits { get; init; } = 10;

    /// <summary>Fraction of rows in each test set, in (0, 1) (default 0.1).</summary>
    public double TestSize { get; init; } = 0.1;

    /// <summary>Fraction of rows in each training set, in (0, 1); null means all rows not in test (default).</summary>
    public double? TrainSize { get; init; }

    /// <summary>Seed (default 0).</summary>
    public long Seed { get; init; }

    /// <inheritdoc/>
    public IReadOnlyList<Fold> Split(int rowCount, ClassLabels? labels = null, ClassLabels? groups = null)
    {
        if (NSplits < 1) throw new InvalidHyperparameterException("n_splits", $"ShuffleSplit: n_splits must be at least 1, got {NSplits}.");
        if (!(TestSize > 0 && TestSize < 1))
            throw new InvalidHyperparameterException("test_size", $"ShuffleSplit: test_size must be in (0, 1), got {TestSize}.");
        if (TrainSize is double ts && !(ts > 0 && ts < 1))
            throw new InvalidHyperparameterException("train_size", $"ShuffleSplit: train_size must be in (0, 1), got {ts}.");
        int nTest = (int)Math.Ceiling(TestSize * rowCount);
        int nTrain = TrainSize is double t ? (int)Math.Floor(t * rowCount) : rowCount - nTest;
        if (nTrain < 1 || nTest < 1 || nTrain + nTest > rowCount)
            throw new InvalidHyperparameterException("test_size",
                $"ShuffleSplit: with {rowCount} rows, test_size={TestSize} and train_size={TrainSize?.ToString() ?? "rest"} give " +
                $"{nTest} test and {nTrain} training rows; both must be at least 1 and together at most {rowCount}.");
        var random = new RandomSource(Seed);
        var folds = new Fold[NSplits];
        for (int s = 0; s < NSplits; s++)
        {
            var perm = random.Permutation(rowCount);
            var test = perm.AsSpan(0, nTest).ToArray();
            var train = perm.AsSpan(nTest, nTrain).ToArray();
            Array.Sort(test);
            Array.Sort(train);
            folds[s] = new Fold(train, test);
        }
        return folds;
    }
}
