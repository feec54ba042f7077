using Fathom.Core;

namespace Fathom.ModelSelection;

/// <summary>
/// <see cref="KFold"/> with shuffling, repeated <see cref="NRepeats"/> times with different permutations:
/// <c>NSplits · NRepeats</c> folds, repetition by repetition. Deterministic per <see cref="Seed"/>.
/// </summary>
public sealed record RepeatedKFold : ISplitter
{
    /// <summary>Folds per repetition, at least 2 (default 5).</summary>
    public int NSplits { get; init; } = 5;

    /// <summary>Number of repetitions, at least 1 (default 10).</summary>
    public int NRepeats { get; init; } = 10;

    /// <summary>Seed (default 0); repetition r uses a stream forked from it.</summary>
    public long Seed { get; init; }

    /// <inheritdoc/>
    public IReadOnlyList<Fold> Split(int rowCount, ClassLabels? labels = null, ClassLabels? groups = null)
    {
        if (NRepeats < 1) throw new InvalidHyperparameterException("n_repeats", $"RepeatedKFold: n_repeats must be at least 1, got {NRepeats}.");
        SplitHelpers.CheckFolds(nameof(RepeatedKFold), NSplits, rowCount);
        var random = new RandomSource(Seed);
        var folds = new List<Fold>(NSplits * NRepeats);
        for (int r = 0; r < NRepeats; r++)
            folds.AddRange(SplitHelpers.ContiguousFolds(random.Permutation(rowCount), NSplits));
        return folds;
    }
}
