using Fathom.Core;

namespace Fathom.ModelSelection;

/// <summary>
/// <see cref="StratifiedKFold"/> with shuffling, repeated <see cref="NRepeats"/> times:
/// <c>NSplits · NRepeats</c> folds, repetition by repetition. Deterministic per <see cref="Seed"/>.
/// </summary>
public sealed record RepeatedStratifiedKFold : ISplitter
{
    /// <summary>Folds per repetition, at least 2 (default 5).</summary>
    public int NSplits { get; init; } = 5;

    /// <summary>Number of repetitions, at least 1 (default 10).</summary>
    public int NRepeats { get; init; } = 10;

    /// <summary>Seed (default 0).</summary>
    public long Seed { get; init; }

    /// <inheritdoc/>
    public IReadOnlyList<Fold> Split(int rowCount, ClassLabels? labels = null, ClassLabels? groups = null)
    {
        if (NRepeats < 1) throw new InvalidHyperparameterException("n_repeats", $"RepeatedStratifiedKFold: n_repeats must be at least 1, got {NRepeats}.");
        SplitHelpers.CheckFolds(nameof(RepeatedStratifiedKFold), NSplits, rowCount);
        var y = SplitHelpers.Require(nameof(RepeatedStratifiedKFold), "class labels", labels, rowCount);
        var random = new RandomSource(Seed);
        var folds = new List<Fold>(NSplits * NRepeats);
        for (int r = 0; r < NRepeats; r++)
        {
            var assignment = StratifiedKFold.Assign(y, NSplits, random.Fork(r));
            for (int f = 0; f < NSplits; f++) folds.Add(SplitHelpers.FromAssignment(assignment, f));
        }
        return folds;
    }
}
