using Fathom.Core;

namespace Fathom.Cli.Training;

/// <summary>Assigns each row to one of k cross-validation folds, stratified by class when labels are given.</summary>
internal static class FoldAssignment
{
    public static int[] Assign(int rows, int folds, int seed, ClassLabels? strata)
    {
        if (folds > rows)
            throw new InvalidInputException($"--cv {folds} asks for more folds than there are rows ({rows}).");
        var rng = new RandomSource(seed);
        var fold = new int[rows];
        if (strata is null)
        {
            var perm = rng.Permutation(rows);
            for (int i = 0; i < rows; i++) fold[perm[i]] = i % folds;
            return fold;
        }
        var counts = strata.ClassCounts();
        for (int k = 0; k < counts.Length; k++)
            if (counts[k] < folds)
                throw new InvalidInputException(
                    $"--cv {folds}: class '{strata.Classes[k]}' has only {counts[k]} rows, fewer than the folds; use --cv {Math.Max(2, counts.Where(c => c > 0).Min())} or fewer.");
        // Deal each class's shuffled rows round-robin, continuing the rotation across classes so fold sizes stay balanced.
        int next = 0;
        var codes = strata.Codes.ToArray();
        for (int k = 0; k < counts.Length; k++)
        {
            var rowsOfClass = Enumerable.Range(0, rows).Where(i => codes[i] == k).ToArray();
            rng.Shuffle<int>(rowsOfClass);
            foreach (int r in rowsOfClass) fold[r] = next++ % folds;
        }
        return fold;
    }
}
