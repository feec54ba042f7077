using Fathom.Core;
using Fathom.Linear;
using Fathom.Numerics;

namespace Fathom.NaiveBayes;

/// <summary>Counting and prior logic shared by the discrete naive Bayes estimators.</summary>
internal static class DiscreteNaiveBayesFit
{
    /// <summary>scikit-learn 1.2 clips a smoothing below this to it (its <c>force_alpha=False</c> default).</summary>
    public const double MinAlpha = 1e-10;

    /// <summary>
    /// New counts: <paramref name="featureCount"/> + Yᵂᵀ X and <paramref name="classCount"/> + Σ w per class, where Yᵂ
    /// is the weighted one-hot label matrix. O(n · p · classes) through GEMM.
    /// </summary>
    public static (Matrix FeatureCount, double[] ClassCount) Accumulate(Matrix x, int[] codes, double[]? sampleWeight,
        Matrix featureCount, ReadOnlySpan<double> classCount)
    {
        int k = featureCount.Rows;
        var yw = new Matrix(x.Rows, k);
        var cc = classCount.ToArray();
        for (int i = 0; i < codes.Length; i++)
        {
            double w = sampleWeight?[i] ?? 1.0;
            yw[i, codes[i]] = w;
            cc[codes[i]] += w;
        }
        var fc = MatrixOps.TransposeMultiply(yw, x);
        var dst = fc.AsSpan();
        var src = featureCount.AsSpan();
        for (int i = 0; i < dst.Length; i++) dst[i] += src[i];
        return (fc, cc);
    }

    /// <summary>
    /// log π: the given priors, else (fit prior) log of the class frequencies, else uniform −log k.
    /// </summary>
    public static double[] ClassLogPrior(ReadOnlySpan<double> classCount, double[]? priors, bool fitPrior)
    {
        int k = classCount.Length;
        var lp = new double[k];
        if (priors is not null)
        {
            for (int c = 0; c < k; c++) lp[c] = Math.Log(priors[c]);
            return lp;
        }
        if (!fitPrior)
        {
            Array.Fill(lp, -Math.Log(k));
            return lp;
        }
        double total = 0;
        foreach (double v in classCount) total += v;
        for (int c = 0; c < k; c++) lp[c] = Math.Log(classCount[c]) - Math.Log(total);
        return lp;
    }

    /// <summary>The zero counts a first fit starts from.</summary>
    public static (Matrix FeatureCount, double[] ClassCount) Empty(int classes, int features) =>
        (new Matrix(classes, features), new double[classes]);

    /// <summary>Checks data (and non-negativity when the model needs counts) and maps labels for a full fit.</summary>
    public static (string[] Classes, int[] Codes) Prepare(Matrix x, ClassLabels y, double[]? sampleWeight, string name, bool nonNegative)
    {
        NaiveBayesInput.Check(x, y, sampleWeight, name);
        if (nonNegative) NaiveBayesInput.NonNegative(x, name);
        return ClassCodes.Present(y, name);
    }
}
