using System.Globalization;
using Fathom.Core;
using Fathom.Linear;
using Fathom.Numerics;

namespace Fathom.Trees;

/// <summary>Input checks, hyperparameter resolution and label preparation shared by the tree and forest estimators.</summary>
internal static class TreeInput
{
    /// <summary>Checks X (non-empty; finite, or NaN-or-finite when <paramref name="allowMissing"/>) and the weights.</summary>
    internal static void CheckFit(Matrix x, int targets, double[]? sampleWeight, string who, bool allowMissing = false)
    {
        if (allowMissing) NoInfinity(x, who, fit: true);
        else InputChecks.Features(x, who);
        if (targets != x.Rows)
            throw new InvalidInputException($"{who}: {targets} targets were given for {x.Rows} rows; give one target per row.");
        InputChecks.Weights(sampleWeight, x.Rows, who);
    }

    /// <summary>Checks a prediction input: feature count, then finite values (NaN allowed when
    /// <paramref name="allowMissing"/>: a decision tree routes it to the side learned for missing values).</summary>
    internal static void CheckPredict(Matrix x, int featureCount, string who, bool allowMissing = false)
    {
        InputChecks.FeatureCount(x, featureCount, who);
        if (allowMissing) NoInfinity(x, who, fit: false);
        else InputChecks.Finite(x, who);
    }

    /// <summary>Rejects an empty matrix (at fit) and ±infinity, naming the row and column; NaN passes (missing value).</summary>
    private static void NoInfinity(Matrix x, string who, bool fit)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (fit && x.Rows == 0) throw new InvalidInputException($"{who}: the data has no rows; fit needs at least one sample.");
        if (fit && x.Columns == 0) throw new InvalidInputException($"{who}: the data has no feature columns.");
        for (int i = 0; i < x.Rows; i++)
        {
            var row = x.Row(i);
            for (int j = 0; j < row.Length; j++)
                if (double.IsInfinity(row[j]))
                    throw new InvalidInputException(
                        $"{who}: feature {j} of row {i} is {row[j].ToString(CultureInfo.InvariantCulture)}; infinite values are not allowed (NaN is taken as missing). Clip or drop the value.",
                        i, j.ToString(CultureInfo.InvariantCulture));
        }
    }

    /// <summary>Checks regression targets are finite (and, for Poisson, non-negative with a positive sum).</summary>
    internal static void CheckTargets(double[] y, bool poisson, string who)
    {
        ArgumentNullException.ThrowIfNull(y);
        double sum = 0;
        for (int i = 0; i < y.Length; i++)
        {
            if (!double.IsFinite(y[i]))
                throw new InvalidInputException($"{who}: target at row {i} is {y[i].ToString(CultureInfo.InvariantCulture)}; targets must be finite (drop or fill missing targets).", i);
            if (poisson && y[i] < 0)
                throw new InvalidInputException($"{who}: target at row {i} is negative; the poisson criterion needs targets ≥ 0 (use squared_error).", i);
            sum += y[i];
        }
        if (poisson && !(sum > 0))
            throw new InvalidInputException($"{who}: the targets sum to zero; the poisson criterion needs a positive sum.");
    }

    /// <summary>Row weights: the sample weights (or 1), times n / (k · n_c) for balanced class weights, as scikit-learn's
    /// <c>compute_sample_weight("balanced", y)</c>. Also returns the total that min_weight_fraction_leaf refers to.</summary>
    internal static (double[] Weights, double Total) Weights(double[]? sampleWeight, int[]? codes, int classCount, ClassWeightMode mode)
    {
        int n = codes?.Length ?? sampleWeight!.Length;
        var w = sampleWeight is null ? Enumerable.Repeat(1.0, n).ToArray() : (double[])sampleWeight.Clone();
        if (codes is not null && mode == ClassWeightMode.Balanced)
        {
            var count = new int[classCount];
            foreach (int c in codes) count[c]++;
            for (int i = 0; i < n; i++) w[i] *= n / (double)(classCount * count[codes[i]]);
        }
        double total = 0;
        foreach (double v in w) total += v;
        return (w, total);
    }

    /// <summary>
    /// Resolves max_features as scikit-learn does: null or "all" = every feature; "sqrt" = max(1, ⌊√p⌋);
    /// "log2" = max(1, ⌊log₂ p⌋); an integer text ("5") = that many; a number with a point ("0.3") = max(1, ⌊0.3 · p⌋).
    /// </summary>
    /// <exception cref="InvalidHyperparameterException">Unreadable or out-of-range value.</exception>
    internal static int MaxFeatures(string? text, int p, string who)
    {
        if (text is null) return p;
        string t = text.Trim().ToLowerInvariant();
        switch (t)
        {
            case "" or "all" or "none": return p;
            case "sqrt": return Math.Max(1, (int)Math.Sqrt(p));
            case "log2": return Math.Max(1, (int)Math.Log2(p));
        }
        var ci = CultureInfo.InvariantCulture;
        if (!t.Contains('.', StringComparison.Ordinal) && !t.Contains('e', StringComparison.Ordinal)
            && int.TryParse(t, NumberStyles.Integer, ci, out int count))
        {
            if (count < 1 || count > p)
                throw new InvalidHyperparameterException("max_features",
                    $"{who}: max_features = {text} is not valid for {p} features; give a count from 1 to {p}, a fraction in (0, 1], sqrt, log2 or none.");
            return count;
        }
        if (double.TryParse(t, NumberStyles.Float, ci, out double frac))
        {
            if (!(frac > 0 && frac <= 1))
                throw new InvalidHyperparameterException("max_features",
                    $"{who}: max_features = {text} is not valid; a fraction must be in (0, 1] (or give a count such as 5, sqrt, log2 or none).");
            return Math.Max(1, (int)(frac * p));
        }
        throw new InvalidHyperparameterException("max_features",
            $"{who}: cannot read max_features = '{text}'; give none (all features), sqrt, log2, a count such as 5 or a fraction such as 0.5.");
    }

    /// <summary>Feature names x0, x1, … unless given; checks the count.</summary>
    internal static IReadOnlyList<string> Names(IReadOnlyList<string>? names, int p)
    {
        if (names is null) return Enumerable.Range(0, p).Select(j => "feature_" + j.ToString(CultureInfo.InvariantCulture)).ToArray();
        if (names.Count != p)
            throw new ArgumentException($"{names.Count} feature names were given for a model of {p} features.", nameof(names));
        return names;
    }
}
