using System.Globalization;
using Fathom.Core;
using Fathom.Data;
using Fathom.LinearAlgebra;
using Fathom.Numerics;

namespace Fathom.Decomposition;

/// <summary>
/// Non-negative matrix factorization X ≈ W·H (W, H ≥ 0) minimizing ½‖X − WH‖²_F by coordinate descent, as scikit-learn
/// 1.2's <c>NMF(solver="cd")</c> without regularization: parts-based components (<see cref="NMFModel.Components"/> = H)
/// for non-negative data such as counts, pixel intensities or spectra. Transform finds W for new rows with H fixed.
/// </summary>
/// <remarks>Each sweep costs O(n·p·k + (n + p)·k²). Start from NNDSVD(a) (one SVD) or random; results depend on it.</remarks>
public sealed record NMF : ITransformer
{
    /// <summary>Number of components k; null (default) = number of features.</summary>
    [Hyperparameter("number of components", Min = 1, NullMeans = "number of features")]
    public int? NComponents { get; init; }

    /// <summary>Start of W and H (default nndsvda, scikit-learn 1.2's choice when k ≤ min(rows, features)).</summary>
    [Hyperparameter("start: nndsvda, nndsvd or random")]
    public NmfInit Init { get; init; } = NmfInit.Nndsvda;

    /// <summary>Stop when the summed projected gradient falls below tol × its first value (default 1e-4).</summary>
    [Hyperparameter("relative projected-gradient tolerance", Min = 0, MinExclusive = true)]
    public double Tol { get; init; } = 1e-4;

    /// <summary>Most sweeps (default 200).</summary>
    [Hyperparameter("most coordinate-descent sweeps", Min = 1)]
    public int MaxIter { get; init; } = 200;

    /// <summary>Seed of the random start (default 0).</summary>
    [Hyperparameter("seed of the random start")]
    public int Seed { get; init; }

    /// <inheritdoc/>
    public EstimatorTags Tags { get; } = new() { SupportsSampleWeight = false, IsStochastic = true, RequiresNonNegativeFeatures = true };

    /// <summary>Fits on the numeric and boolean columns of <paramref name="x"/>.</summary>
    /// <exception cref="InvalidInputException">No rows or columns, a text column, NaN, infinity or a negative value.</exception>
    public NMFModel Fit(DataFrame x, FitContext? context = null)
    {
        Hyperparameters.Validate(this);
        var m = Manifold.ManifoldInput.ToMatrix(x, nameof(NMF));
        return FitCore(m, x.ColumnNames.ToArray(), x.Columns.Select(c => c.Kind).ToArray(), context ?? FitContext.Default);
    }

    /// <summary>Fits on a matrix (columns named x0, x1, …).</summary>
    /// <exception cref="InvalidInputException">See <see cref="Fit(DataFrame, FitContext?)"/>.</exception>
    public NMFModel Fit(Matrix x, FitContext? context = null)
    {
        ArgumentNullException.ThrowIfNull(x);
        Hyperparameters.Validate(this);
        Linear.InputChecks.Features(x, nameof(NMF));
        return FitCore(x, Manifold.ManifoldInput.OutputNames("x", x.Columns), Enumerable.Repeat(ColumnKind.Numeric, x.Columns).ToArray(), context ?? FitContext.Default);
    }

    ITransformerModel ITransformer.Fit(DataFrame x, FitContext? context) => Fit(x, context);

    /// <summary>Throws unless every value is ≥ 0, naming the first negative one.</summary>
    internal static void CheckNonNegative(Matrix x, IReadOnlyList<string> names)
    {
        for (int i = 0; i < x.Rows; i++)
        {
            var row = x.Row(i);
            for (int j = 0; j < row.Length; j++)
                if (row[j] < 0)
                    throw new InvalidInputException(string.Create(CultureInfo.InvariantCulture,
                        $"NMF: column '{names[j]}' holds {row[j]} at row {i}; NMF needs non-negative data (shift or min-max scale it first)."), i, names[j]);
        }
    }

    private NMFModel FitCore(Matrix x, string[] names, ColumnKind[] kinds, FitContext ctx)
    {
        CheckNonNegative(x, names);
        int k = NComponents ?? x.Columns;
        var (w, h) = Start(x, k);
        var ht = h.Transpose();
        int iterations = NmfSolver.Fit(x, w, ht, Tol, MaxIter, updateH: true, () => ctx.CancellationToken.IsCancellationRequested);
        ctx.ThrowIfCancellationRequested();
        var components = ht.Transpose();
        double error = Math.Sqrt(NMFModel.SquaredError(x, w, components));
        return new NMFModel(this, names, kinds, components, error, iterations);
    }

    // scikit-learn's _initialize_nmf for nndsvd, nndsvda and random.
    private (Matrix W, Matrix H) Start(Matrix x, int k)
    {
        int n = x.Rows, p = x.Columns;
        double mean = x.AsSpan().ToArray().Average();
        var w = new Matrix(n, k);
        var h = new Matrix(k, p);
        if (Init == NmfInit.Random)
        {
            double avg = Math.Sqrt(mean / k);
            var rng = new RandomSource(Seed);
            var hs = h.AsSpan();
            for (int i = 0; i < hs.Length; i++) hs[i] = avg * Math.Abs(rng.NextGaussian());
            var ws = w.AsSpan();
            for (int i = 0; i < ws.Length; i++) ws[i] = avg * Math.Abs(rng.NextGaussian());
            return (w, h);
        }
        if (k > Math.Min(n, p))
            throw new InvalidHyperparameterException("n_components", $"NMF: nndsvd needs n_components ≤ min(rows, features) = {Math.Min(n, p)}; use init=random for {k}.");
        var svd = SingularValueDecomposition.Decompose(x);
        var u = svd.U!;
        var vt = svd.Vt!;
        var s = svd.SingularValues;
        for (int j = 0; j < k; j++)
        {
            var xu = u.Column(j);
            var yv = vt.Row(j).ToArray();
            double lambda;
            double[] uu, vv;
            if (j == 0)
            {
                uu = xu.Select(Math.Abs).ToArray();
                vv = yv.Select(Math.Abs).ToArray();
                lambda = Math.Sqrt(s[0]);
            }
            else
            {
                var xp = xu.Select(v => Math.Max(v, 0)).ToArray();
                var xn = xu.Select(v => -Math.Min(v, 0)).ToArray();
                var yp = yv.Select(v => Math.Max(v, 0)).ToArray();
                var yn = yv.Select(v => -Math.Min(v, 0)).ToArray();
                double xpn = Norm(xp), ypn = Norm(yp), xnn = Norm(xn), ynn = Norm(yn);
                double mp = xpn * ypn, mn = xnn * ynn;
                if (mp > mn) { uu = xp.Select(v => v / xpn).ToArray(); vv = yp.Select(v => v / ypn).ToArray(); lambda = Math.Sqrt(s[j] * mp); }
                else { uu = xn.Select(v => v / xnn).ToArray(); vv = yn.Select(v => v / ynn).ToArray(); lambda = Math.Sqrt(s[j] * mn); }
            }
            for (int i = 0; i < n; i++) w[i, j] = lambda * uu[i];
            for (int c = 0; c < p; c++) h[j, c] = lambda * vv[c];
        }
        const double eps = 1e-6;
        var all = new[] { w, h };
        foreach (var mtx in all)
        {
            var span = mtx.AsSpan();
            for (int i = 0; i < span.Length; i++)
            {
                if (span[i] < eps) span[i] = 0;
                if (Init == NmfInit.Nndsvda && span[i] == 0) span[i] = mean;
            }
        }
        return (w, h);
    }

    private static double Norm(double[] v) => Math.Sqrt(v.Sum(a => a * a));
}
