using Fathom.Numerics;

namespace Fathom.Linear;

/// <summary>
/// The centred, weight-scaled least-squares problem the penalized linear estimators share: with an intercept,
/// X and y are centred on their weighted means x̄ = Σ sᵢxᵢ / Σ sᵢ and ȳ; each row is then scaled by √sᵢ, so
/// Σ sᵢ (yᵢ − xᵢ·β − β₀)² becomes ‖b − Aβ‖² and β₀ = ȳ − x̄·β (scikit-learn's <c>_preprocess_data</c> followed
/// by <c>_rescale_data</c>). O(n · p) time and memory.
/// </summary>
internal sealed class CenteredDesign
{
    private CenteredDesign(Matrix a, double[] b, double[] xMean, double yMean)
    {
        A = a;
        B = b;
        XMean = xMean;
        YMean = yMean;
    }

    /// <summary>The centred design, rows scaled by √sᵢ (n × p, a new matrix).</summary>
    public Matrix A { get; }

    /// <summary>The centred target, scaled by √sᵢ.</summary>
    public double[] B { get; }

    /// <summary>Weighted column means of X (zeros without an intercept).</summary>
    public double[] XMean { get; }

    /// <summary>Weighted mean of y (0 without an intercept).</summary>
    public double YMean { get; }

    /// <summary>Builds the problem; <paramref name="weightScale"/> multiplies every weight first (1 by default).</summary>
    public static CenteredDesign Create(Matrix x, double[] y, double[]? sampleWeight, bool fitIntercept, double weightScale = 1.0)
    {
        int n = x.Rows, p = x.Columns;
        var (xMean, yMean) = Means(x, y, sampleWeight, fitIntercept);
        var a = new Matrix(n, p);
        var b = new double[n];
        for (int i = 0; i < n; i++)
        {
            double s = sampleWeight is null && weightScale == 1.0 ? 1.0 : Math.Sqrt((sampleWeight?[i] ?? 1.0) * weightScale);
            var dst = a.Row(i);
            System.Numerics.Tensors.TensorPrimitives.Subtract(x.Row(i), xMean, dst);
            if (s != 1.0) System.Numerics.Tensors.TensorPrimitives.Multiply(dst, s, dst);
            b[i] = (y[i] - yMean) * s;
        }
        return new CenteredDesign(a, b, xMean, yMean);
    }

    /// <summary>β₀ = ȳ − x̄·β (0 without an intercept, since then x̄ and ȳ are zero).</summary>
    public double Intercept(ReadOnlySpan<double> coefficients) => Intercept(coefficients, XMean, YMean);

    /// <summary>β₀ = ȳ − x̄·β.</summary>
    public static double Intercept(ReadOnlySpan<double> coefficients, ReadOnlySpan<double> xMean, double yMean)
    {
        double b0 = yMean;
        for (int j = 0; j < coefficients.Length; j++) b0 -= xMean[j] * coefficients[j];
        return b0;
    }

    /// <summary>Weighted means of the columns of X and of y (zeros without an intercept).</summary>
    public static (double[] XMean, double YMean) Means(Matrix x, double[] y, double[]? sampleWeight, bool fitIntercept)
    {
        if (!fitIntercept) return (new double[x.Columns], 0.0);
        var xMean = Reductions.ColumnMeans(x, sampleWeight);
        double yMean = 0, sw = 0;
        for (int i = 0; i < y.Length; i++)
        {
            double w = sampleWeight?[i] ?? 1.0;
            yMean += w * y[i];
            sw += w;
        }
        return (xMean, yMean / sw);
    }
}
