using System.Globalization;
using Fathom.Core;
using Fathom.Linear;
using Fathom.Numerics;

namespace Fathom.NaiveBayes;

/// <summary>The input checks and label bookkeeping every naive Bayes estimator shares.</summary>
internal static class NaiveBayesInput
{
    /// <summary>Features non-empty and finite, one label per row, weights valid.</summary>
    public static void Check(Matrix x, ClassLabels y, double[]? sampleWeight, string name)
    {
        InputChecks.Features(x, name);
        ArgumentNullException.ThrowIfNull(y);
        if (y.Count != x.Rows)
            throw new InvalidInputException($"{name}: {y.Count} labels were given for {x.Rows} rows; give one label per row.");
        InputChecks.Weights(sampleWeight, x.Rows, name);
    }

    /// <summary>Features must be counts or frequencies: a negative value names its row and column.</summary>
    public static void NonNegative(Matrix x, string name)
    {
        for (int i = 0; i < x.Rows; i++)
        {
            var row = x.Row(i);
            for (int j = 0; j < row.Length; j++)
                if (row[j] < 0)
                    throw new InvalidInputException(string.Create(CultureInfo.InvariantCulture,
                        $"{name}: row {i}, column {j} is {row[j]}; this model needs non-negative counts or frequencies (scale with MinMaxScaler, or use GaussianNB)."), i, "x" + j.ToString(CultureInfo.InvariantCulture));
        }
    }

    /// <summary>The codes of <paramref name="y"/> in <paramref name="classes"/>; a label not in the list is an error.</summary>
    public static int[] Codes(ClassLabels y, IReadOnlyList<string> classes, string name)
    {
        var map = new int[y.ClassCount];
        for (int c = 0; c < map.Length; c++)
        {
            map[c] = -1;
            for (int k = 0; k < classes.Count; k++) if (classes[k] == y.Classes[c]) map[c] = k;
        }
        var codes = new int[y.Count];
        for (int i = 0; i < codes.Length; i++)
        {
            codes[i] = map[y.Codes[i]];
            if (codes[i] < 0)
                throw new InvalidInputException(
                    $"{name}: the label '{y.Classes[y.Codes[i]]}' of row {i} is not one of the classes given at the first partial fit ({string.Join(", ", classes)}).", i);
        }
        return codes;
    }

    /// <summary>The list of all classes a first partial fit declares (at least two).</summary>
    public static void CheckPartialClasses(ClassLabels classes, string name)
    {
        ArgumentNullException.ThrowIfNull(classes);
        if (classes.ClassCount < 2)
            throw new InvalidInputException($"{name}: partial fit needs the list of all classes, at least two.");
    }

    /// <summary>Fixed priors validated against the class count (non-negative, finite, summing to 1), or null.</summary>
    public static double[]? Priors(IReadOnlyList<double>? priors, int classes, string name, string parameter)
    {
        if (priors is null) return null;
        if (priors.Count != classes)
            throw new InvalidHyperparameterException(parameter, $"{name}: {priors.Count} priors were given for {classes} classes; give one prior per class.");
        double sum = 0;
        foreach (double p in priors)
        {
            if (!(p >= 0) || double.IsInfinity(p))
                throw new InvalidHyperparameterException(parameter, $"{name}: priors must be non-negative and finite.");
            sum += p;
        }
        if (Math.Abs(sum - 1.0) > 1e-8 + 1e-5)
            throw new InvalidHyperparameterException(parameter, $"{name}: the priors sum to {sum.ToString(CultureInfo.InvariantCulture)}; they must sum to 1.");
        return priors.ToArray();
    }
}
