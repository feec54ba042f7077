using Fathom.Core;
using Fathom.Data;
using Fathom.LinearAlgebra;
using Fathom.Numerics;

namespace Fathom.Decomposition;

/// <summary>
/// Independent component analysis by the parallel FastICA fixed-point algorithm (Hyvärinen 1999), as scikit-learn 1.2's
/// <c>FastICA(algorithm="parallel", whiten_solver="svd")</c>: the data are centred and whitened by an SVD, then all
/// unmixing vectors are updated together, W ← sym(E[g(WX)Xᵀ] − E[g′(WX)]W), with symmetric decorrelation
/// sym(W) = (WWᵀ)^(−½)W, until max |1 − |diag(W_new Wᵀ)|| &lt; tol. Components = W·K (K the whitening); sources are
/// X·Componentsᵀ after centring.
/// </summary>
/// <remarks>Each iteration costs O(n·k²); the whitening SVD O(n·p²). The start W₀ is a standard normal k × k matrix from
/// <see cref="Seed"/> (or <see cref="WInit"/>), so results depend on it, as in scikit-learn.</remarks>
public sealed record FastICA : ITransformer
{
    /// <summary>Number of components k; null (default) = the rank of the centred data (the number of features unless some
    /// are constant or collinear, where scikit-learn would divide by a zero singular value).</summary>
    [Hyperparameter("number of independent components", Min = 1, NullMeans = "rank of the centred data")]
    public int? NComponents { get; init; }

    /// <summary>Source scaling (default unit variance).</summary>
    [Hyperparameter("source scaling: unit_variance or arbitrary_variance")]
    public IcaWhitening Whiten { get; init; } = IcaWhitening.UnitVariance;

    /// <summary>Contrast function (default logcosh).</summary>
    [Hyperparameter("contrast function: logcosh, exp or cube")]
    public IcaFunction Fun { get; init; } = IcaFunction.Logcosh;

    /// <summary>α of logcosh, in [1, 2] (default 1).</summary>
    [Hyperparameter("alpha of the logcosh function", Min = 1, Max = 2)]
    public double Alpha { get; init; } = 1.0;

    /// <summary>Most iterations (default 200).</summary>
    [Hyperparameter("most fixed-point iterations", Min = 1)]
    public int MaxIter { get; init; } = 200;

    /// <summary>Convergence tolerance (default 1e-4).</summary>
    [Hyperparameter("convergence tolerance", Min = 0, MinExclusive = true)]
    public double Tol { get; init; } = 1e-4;

    /// <summary>Seed of the random start (default 0).</summary>
    [Hyperparameter("seed of the random start")]
    public int Seed { get; init; }

    /// <summary>A given k × k start instead of a random one (scikit-learn's <c>w_init</c>). Not a command-line parameter.</summary>
    public Matrix? WInit { get; init; }

    /// <inheritdoc/>
    public EstimatorTags Tags { get; } = new() { SupportsSampleWeight = false, IsStochastic = true };

    /// <summary>Fits on the numeric and boolean columns of <paramref name="x"/>.</summary>
    /// <exception cref="InvalidInputException">No rows or columns, a text column, NaN or infinity.</exception>
    /// <exception cref="InvalidHyperparameterException">More components than features or rows, or a start of the wrong shape.</exception>
    public FastICAModel Fit(DataFrame x, FitContext? context = null)
    {
        Hyperparameters.Validate(this);
        var m = Manifold.ManifoldInput.ToMatrix(x, nameof(FastICA));
        return FitCore(m, x.ColumnNames.ToArray(), x.Columns.Select(c => c.Kind).ToArray(), context ?? FitContext.Default);
    }

    /// <summary>Fits on a matrix (columns named x0, x1, …).</summary>
    /// <exception cref="InvalidInputException">See <see cref="Fit(DataFrame, FitContext?)"/>.</exception>
    public FastICAModel Fit(Matrix x, FitContext? context = null)
    {
        ArgumentNullException.ThrowIfNull(x);
        Hyperparameters.Validate(this);
        Linear.InputChecks.Features(x, nameof(FastICA));
        return FitCore(x, Manifold.ManifoldInput.OutputNames("x", x.Columns), Enumerable.Repeat(ColumnKind.Numeric, x.Columns).ToArray(), context ?? FitContext.Default);
    }

    ITransformerModel ITransformer.Fit(DataFrame x, FitContext? context) => Fit(x, context);

    private FastICAModel FitCore(Matrix x, string[] names, ColumnKind[] kinds, FitContext ctx)
    {
        int n = x.Rows, p = x.Columns, k0 = NComponents ?? p;
        if (k0 > Math.Min(n, p))
            throw new InvalidHyperparameterException("n_components", $"FastICA: n_components = {k0} is more than min(rows, features) = {Math.Min(n, p)}.");
        // Centre, then whiten by the SVD of the centred data (features × rows in scikit-learn's layout).
        var mean = Reductions.ColumnMeans(x);
        var xc = new Matrix(n, p);
        for (int i = 0; i < n; i++)
        {
            var src = x.Row(i);
            var dst = xc.Row(i);
            for (int j = 0; j < p; j++) dst[j] = src[j] - mean[j];
        }
        // XT = xcᵀ = U D Vᵀ; U comes from the SVD of xc as its right vectors.
        var svd = SingularValueDecomposition.Decompose(xc);
        var vt = svd.Vt!;
        var d = svd.SingularValues;
        int rank = d.Count(v => v > 1e-12 * d[0]);
        int k = NComponents ?? Math.Max(1, rank);
        if (k > rank)
            throw new InvalidHyperparameterException("n_components", $"FastICA: n_components = {k} but the centred data have rank {rank} (constant or collinear columns); use at most {rank}.");
        if (WInit is { } given && (given.Rows != k || given.Columns != k))
            throw new InvalidHyperparameterException("w_init", $"FastICA: w_init is {given.Rows} x {given.Columns}; it must be {k} x {k}.");
        var whitening = new Matrix(k, p);
        for (int c = 0; c < k; c++)
        {
            var u = vt.Row(c);
            double sign = u[0] < 0 ? -1 : 1; // scikit-learn's u *= sign(u[0])
            for (int j = 0; j < p; j++) whitening[c, j] = sign * u[j] / d[c];
        }
        var x1 = MatrixOps.MultiplyTransposed(whitening, xc); // k × n
        double sq = Math.Sqrt(n);
        var x1s = x1.AsSpan();
        for (int i = 0; i < x1s.Length; i++) x1s[i] *= sq;

        var w0 = WInit?.Clone() ?? RandomStart(k, Seed);
        var (w, iterations) = Iterate(x1, w0, ctx);
        var components = MatrixOps.Multiply(w, whitening);
        if (Whiten == IcaWhitening.UnitVariance)
        {
            var sources = MatrixOps.MultiplyTransposed(xc, components); // n × k
            var std = Reductions.ColumnVariances(sources).Select(Math.Sqrt).ToArray();
            for (int c = 0; c < k; c++)
            {
                var row = components.Row(c);
                for (int j = 0; j < p; j++) row[j] /= std[c];
            }
        }
        return new FastICAModel(this, names, kinds, components, mean, whitening, iterations);
    }

    private static Matrix RandomStart(int k, int seed)
    {
        var rng = new RandomSource(seed);
        var w = new Matrix(k, k);
        var s = w.AsSpan();
        for (int i = 0; i < s.Length; i++) s[i] = rng.NextGaussian();
        return w;
    }

    private (Matrix W, int Iterations) Iterate(Matrix x, Matrix w0, FitContext ctx)
    {
        int k = x.Rows, n = x.Columns;
        var w = Decorrelate(w0);
        int it;
        for (it = 0; it < MaxIter; it++)
        {
            ctx.ThrowIfCancellationRequested();
            var wx = MatrixOps.Multiply(w, x); // k × n
            var gPrimeMean = new double[k];
            for (int c = 0; c < k; c++)
            {
                var row = wx.Row(c);
                double sum = 0;
                for (int i = 0; i < n; i++)
                {
                    var (g, gp) = Contrast(row[i]);
                    row[i] = g;
                    sum += gp;
                }
                gPrimeMean[c] = sum / n;
            }
            var update = MatrixOps.MultiplyTransposed(wx, x); // k × k
            for (int c = 0; c < k; c++)
                for (int j = 0; j < k; j++) update[c, j] = update[c, j] / n - gPrimeMean[c] * w[c, j];
            var w1 = Decorrelate(update);
            double lim = 0;
            for (int c = 0; c < k; c++)
            {
                double dot = 0;
                for (int j = 0; j < k; j++) dot += w1[c, j] * w[c, j];
                lim = Math.Max(lim, Math.Abs(Math.Abs(dot) - 1));
            }
            w = w1;
            if (lim < Tol) return (w, it + 1);
        }
        return (w, MaxIter);
    }

    private (double G, double GPrime) Contrast(double u) => Fun switch
    {
        IcaFunction.Exp => (u * Math.Exp(-0.5 * u * u), (1 - u * u) * Math.Exp(-0.5 * u * u)),
        IcaFunction.Cube => (u * u * u, 3 * u * u),
        _ => (Math.Tanh(Alpha * u), Alpha * (1 - Math.Tanh(Alpha * u) * Math.Tanh(Alpha * u))),
    };

    // (W Wᵀ)^(−½) W through the eigen decomposition of W Wᵀ.
    private static Matrix Decorrelate(Matrix w)
    {
        var eig = SymmetricEigenDecomposition.Decompose(MatrixOps.MultiplyTransposed(w, w));
        var u = eig.Eigenvectors;
        int k = w.Rows;
        var scaled = new Matrix(k, k);
        for (int i = 0; i < k; i++)
            for (int j = 0; j < k; j++) scaled[i, j] = u[i, j] / Math.Sqrt(Math.Max(eig.Eigenvalues[j], double.Epsilon));
        return MatrixOps.Multiply(MatrixOps.MultiplyTransposed(scaled, u), w);
    }
}
