using Fathom.Core;
using Fathom.Numerics;

namespace Fathom.Linear;

/// <summary>Fold helpers for the cross-validated linear estimators (scikit-learn's unshuffled KFold).</summary>
internal static class CvFolds
{
    /// <summary>Test rows of fold f of K contiguous folds: the first n mod K folds hold one row more (numpy's array_split).</summary>
    public static (int[] Train, int[] Test)[] KFold(int n, int k, string name)
    {
        if (k > n)
            throw new InvalidHyperparameterException("cv", $"{name}: cv = {k} folds is more than the {n} rows; use at most {n} folds.");
        var folds = new (int[], int[])[k];
        int start = 0;
        for (int f = 0; f < k; f++)
        {
            int size = n / k + (f < n % k ? 1 : 0);
            var test = Enumerable.Range(start, size).ToArray();
            var train = Enumerable.Range(0, start).Concat(Enumerable.Range(start + size, n - start - size)).ToArray();
            folds[f] = (train, test);
            start += size;
        }
        return folds;
    }

    /// <summary>The entries of <paramref name="values"/> at <paramref name="rows"/> (null stays null).</summary>
    public static double[]? Take(double[]? values, int[] rows) => values is null ? null : rows.Select(i => values[i]).ToArray();

    /// <summary>Checks an alpha (or C) grid: non-empty, finite, every value &gt; 0 (or ≥ 0 when zero is allowed).</summary>
    public static double[] Grid(IReadOnlyList<double>? values, string key, string name, bool allowZero = false)
    {
        if (values is null || values.Count == 0)
            throw new InvalidHyperparameterException(key, $"{name}: {key} is empty; give at least one value.");
        foreach (double v in values)
            if (!double.IsFinite(v) || (allowZero ? v < 0 : v <= 0))
                throw new InvalidHyperparameterException(key,
                    $"{name}: {key} holds {v.ToString(System.Globalization.CultureInfo.InvariantCulture)}; every value must be finite and {(allowZero ? "≥ 0" : "> 0")}.");
        return values.ToArray();
    }
}
