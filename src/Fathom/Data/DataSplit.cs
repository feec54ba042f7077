using System.Globalization;
using Fathom.Core;

namespace Fathom.Data;

/// <summary>
/// Random train/test splits, optionally stratified by class, deterministic for a given seed (Fathom's
/// <see cref="RandomSource"/>, so the same seed gives the same split on every machine; the rows differ
/// from scikit-learn's, which uses numpy's generator).
/// </summary>
public static class DataSplit
{
    /// <summary>
    /// Splits row numbers <c>0 … rows−1</c> into a training and a test set, as scikit-learn's
    /// <c>train_test_split</c>: the test set has ⌈<paramref name="testSize"/>·rows⌉ rows, the training set the
    /// rest; both come back in random order. With <paramref name="stratify"/>, each class's test count is
    /// within one of its exact share (testSize · class size; largest-remainder rounding) and every class with
    /// at least two rows appears in both sets (a class with one row goes to the training set unless rounding
    /// gives it to the test set). Cost O(rows).
    /// </summary>
    /// <param name="rows">Number of rows (≥ 2).</param>
    /// <param name="testSize">Fraction of rows for the test set, strictly between 0 and 1.</param>
    /// <param name="seed">Seed of the shuffle.</param>
    /// <param name="stratify">Class of each row (length <paramref name="rows"/>), or null for a plain shuffle.</param>
    /// <exception cref="InvalidHyperparameterException"><paramref name="testSize"/> is outside (0, 1) or leaves
    /// an empty set.</exception>
    /// <exception cref="InvalidInputException">Too few rows, or the labels do not fit.</exception>
    public static (int[] Train, int[] Test) TrainTestIndices(int rows, double testSize, int seed, ClassLabels? stratify = null)
    {
        if (!(testSize > 0 && testSize < 1))
            throw new InvalidHyperparameterException("testSize",
                $"testSize must be a fraction strictly between 0 and 1 (e.g. 0.2), or use the overload that takes a row count; got {testSize.ToString(CultureInfo.InvariantCulture)}.");
        CheckRows(rows);
        int nTest = (int)Math.Ceiling(testSize * rows);
        return Split(rows, nTest, seed, stratify);
    }

    /// <summary>
    /// As <see cref="TrainTestIndices(int, double, int, ClassLabels?)"/> with an exact number of test rows
    /// (1 … rows−1).
    /// </summary>
    /// <exception cref="InvalidHyperparameterException"><paramref name="testCount"/> is not in 1 … rows−1.</exception>
    /// <exception cref="InvalidInputException">Too few rows, or the labels do not fit.</exception>
    public static (int[] Train, int[] Test) TrainTestIndices(int rows, int testCount, int seed, ClassLabels? stratify = null)
    {
        CheckRows(rows);
        return Split(rows, testCount, seed, stratify);
    }

    /// <summary>
    /// Splits the rows of <paramref name="frame"/> (see <see cref="TrainTestIndices(int, double, int, ClassLabels?)"/>);
    /// <paramref name="stratifyColumn"/> names a column whose values are the classes (it must have no missing
    /// values).
    /// </summary>
    public static (DataFrame Train, DataFrame Test) TrainTest(DataFrame frame, double testSize, int seed, string? stratifyColumn = null)
    {
        ArgumentNullException.ThrowIfNull(frame);
        var labels = stratifyColumn is null ? null : LabelsOf(frame[stratifyColumn]);
        var (train, test) = TrainTestIndices(frame.RowCount, testSize, seed, labels);
        return (frame.Take(train), frame.Take(test));
    }

    private static ClassLabels LabelsOf(DataColumn column)
    {
        var values = new string[column.Length];
        for (int i = 0; i < values.Length; i++)
            values[i] = column.Format(i) ?? throw new InvalidInputException(
                $"Column '{column.Name}' has a missing value at row {i}; drop or fill missing values before stratifying by it.", i, column.Name);
        return ClassLabels.FromStrings(values);
    }

    private static void CheckRows(int rows)
    {
        if (rows < 2)
            throw new InvalidInputException($"A train/test split needs at least 2 rows; got {rows}.");
    }

    private static (int[] Train, int[] Test) Split(int rows, int nTest, int seed, ClassLabels? stratify)
    {
        int nTrain = rows - nTest;
        if (nTest < 1 || nTrain < 1)
            throw new InvalidHyperparameterException("testSize",
                $"The split would give {nTrain} training and {nTest} test rows out of {rows}; both sets need at least one row. Choose a test size between 1 and {rows - 1} rows.");
        var rng = new RandomSource(seed);
        if (stratify is null)
        {
            var perm = rng.Permutation(rows);
            return (perm[nTest..], perm[..nTest]);
        }
        if (stratify.Count != rows)
            throw new InvalidInputException($"stratify has {stratify.Count} labels but there are {rows} rows; give one label per row.");
        var counts = stratify.ClassCounts();
        var alloc = Allocate(counts, nTest, rows);
        var members = new List<int>[counts.Length];
        for (int k = 0; k < counts.Length; k++) members[k] = new List<int>(counts[k]);
        var codes = stratify.Codes;
        for (int i = 0; i < rows; i++) members[codes[i]].Add(i);
        var trainList = new List<int>(nTrain);
        var testList = new List<int>(nTest);
        for (int k = 0; k < counts.Length; k++)
        {
            var idx = members[k].ToArray();
            rng.Shuffle<int>(idx);
            testList.AddRange(idx.AsSpan(0, alloc[k]));
            trainList.AddRange(idx.AsSpan(alloc[k]));
        }
        var train = trainList.ToArray();
        var test = testList.ToArray();
        rng.Shuffle<int>(train);
        rng.Shuffle<int>(test);
        return (train, test);
    }

    /// <summary>Test rows per class: largest-remainder rounding of the exact shares, then adjusted so every
    /// class with ≥ 2 rows keeps at least one row in each set.</summary>
    internal static int[] Allocate(int[] counts, int nTest, int rows)
    {
        int c = counts.Length;
        int multi = counts.Count(n => n >= 2);
        int nTrain = rows - nTest;
        if (nTest < multi || nTrain < multi)
            throw new InvalidInputException(
                $"A stratified split needs at least one row of each of the {multi} classes (with 2 or more rows) in both sets, but the split has {nTrain} training and {nTest} test rows; use a test size between {multi} and {rows - multi} rows.");
        var share = new double[c];
        var t = new int[c];
        int assigned = 0;
        for (int k = 0; k < c; k++)
        {
            share[k] = (double)nTest * counts[k] / rows;
            t[k] = (int)Math.Floor(share[k]);
            assigned += t[k];
        }
        var order = Enumerable.Range(0, c).OrderByDescending(k => share[k] - t[k]).ThenBy(k => k).ToArray();
        for (int r = 0; assigned < nTest; r = (r + 1) % c)
        {
            int k = order[r];
            if (t[k] < counts[k]) { t[k]++; assigned++; }
        }
        // Every class with ≥ 2 rows needs 1 … n−1 test rows; move units between classes, taking from (or
        // giving to) the class whose count is furthest above (below) its share.
        for (int k = 0; k < c; k++)
        {
            while (counts[k] >= 2 && t[k] < 1)
            {
                int donor = Best(c, j => j != k && t[j] > (counts[j] >= 2 ? 1 : 0), j => t[j] - share[j]);
                t[donor]--;
                t[k]++;
            }
            while (counts[k] >= 2 && t[k] > counts[k] - 1)
            {
                int taker = Best(c, j => j != k && t[j] < (counts[j] >= 2 ? counts[j] - 1 : counts[j]), j => share[j] - t[j]);
                t[taker]++;
                t[k]--;
            }
        }
        return t;
    }

    private static int Best(int c, Func<int, bool> allowed, Func<int, double> score)
    {
        int best = -1;
        for (int j = 0; j < c; j++)
            if (allowed(j) && (best < 0 || score(j) > score(best))) best = j;
        return best;
    }
}
