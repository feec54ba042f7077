using Fathom.Core;

namespace Fathom.ModelSelection;

/// <summary>Shared checks and fold construction for the splitters.</summary>
internal static class SplitHelpers
{
    public static void CheckFolds(string splitter, int nSplits, int rowCount, int minimum = 2)
    {
        if (nSplits < minimum)
            throw new InvalidHyperparameterException("n_splits",
                $"{splitter}: n_splits must be at least {minimum}, got {nSplits}.");
        if (rowCount < 0) throw new InvalidInputException($"{splitter}: row count must not be negative, got {rowCount}.");
        if (nSplits > rowCount)
            throw new InvalidHyperparameterException("n_splits",
                $"{splitter}: cannot make n_splits={nSplits} folds from {rowCount} rows; use at most {rowCount} folds or more data.");
    }

    public static ClassLabels Require(string splitter, string what, ClassLabels? values, int rowCount)
    {
        if (values is null)
            throw new InvalidInputException($"{splitter} needs {what} for every row; pass them to Split.");
        if (values.Count != rowCount)
            throw new InvalidInputException($"{splitter}: got {values.Count} {what} for {rowCount} rows; give one per row.");
        return values;
    }

    /// <summary>Builds a fold from a test-fold assignment: rows whose assignment equals <paramref name="fold"/> are test.</summary>
    public static Fold FromAssignment(int[] assignment, int fold)
    {
        int testCount = 0;
        foreach (int a in assignment) if (a == fold) testCount++;
        var test = new int[testCount];
        var train = new int[assignment.Length - testCount];
        int t = 0, r = 0;
        for (int i = 0; i < assignment.Length; i++)
            if (assignment[i] == fold) test[t++] = i; else train[r++] = i;
        return new Fold(train, test);
    }

    /// <summary>Complement of a sorted-or-not test set within 0..n-1, ascending.</summary>
    public static int[] Complement(int n, int[] test)
    {
        var inTest = new bool[n];
        foreach (int i in test) inTest[i] = true;
        var train = new int[n - test.Length];
        int r = 0;
        for (int i = 0; i < n; i++) if (!inTest[i]) train[r++] = i;
        return train;
    }

    /// <summary>Contiguous K-fold over an order of rows (scikit-learn: the first n % k folds get one extra row).</summary>
    public static IReadOnlyList<Fold> ContiguousFolds(int[] order, int nSplits)
    {
        int n = order.Length;
        var folds = new Fold[nSplits];
        int start = 0;
        for (int f = 0; f < nSplits; f++)
        {
            int size = n / nSplits + (f < n % nSplits ? 1 : 0);
            var test = order.AsSpan(start, size).ToArray();
            Array.Sort(test);
            folds[f] = new Fold(Complement(n, test), test);
            start += size;
        }
        return folds;
    }
}
