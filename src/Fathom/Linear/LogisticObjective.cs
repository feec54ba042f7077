using System.Runtime.Intrinsics;
using Fathom.Numerics;
using Fathom.Optimization;

namespace Fathom.Linear;

/// <summary>
/// The penalized logistic loss of scikit-learn's lbfgs solver, with gradient:
/// f(W, b) = Σᵢ sᵢ ℓᵢ + ‖W‖²/(2C), intercept not penalized. Binary (k = 1, y ∈ {0, 1}):
/// ℓ = log(1 + eᶻ) − y z computed as max(z, 0) + log1p(e^{−|z|}) − y z. Multinomial (k ≥ 3):
/// ℓ = logsumexp(z) − z_y with the max subtracted first. Parameters θ = [W (k × p row-major), b (k, when
/// fitting an intercept)].
/// </summary>
/// <remarks>Rows are processed in fixed chunks of <see cref="ChunkRows"/> rows whose partial sums are added
/// in chunk order, so the result is bit-for-bit the same for any thread count. Evaluations allocate only
/// the closure of the parallel loop.</remarks>
internal sealed class LogisticObjective : IDifferentiableFunction
{
    internal const int ChunkRows = 4096;
    private const int BlockRows = 128;

    private readonly Matrix _x;
    private readonly int[] _y;
    private readonly double[]? _sw;
    private readonly int _k;
    private readonly int _p;
    private readonly bool _intercept;
    private readonly double _l2;
    private readonly int _chunks;
    private readonly int _workers;
    private readonly double[] _chunkLoss;
    private readonly double[] _chunkGrad;
    private readonly double[][] _scratch;
    private readonly int _dim;
    private readonly double[] _theta;
    private readonly double[]? _yBinary;
    private readonly double[]? _swDense;

    /// <param name="x">Features (n × p).</param>
    /// <param name="y">Class index per row: 0/1 for binary, 0..k−1 for multinomial.</param>
    /// <param name="sampleWeight">Weight per row, or null for all 1.</param>
    /// <param name="k">1 for binary, the number of classes for multinomial.</param>
    /// <param name="fitIntercept">Whether θ holds intercepts.</param>
    /// <param name="l2">1 / C, or 0 for no penalty.</param>
    /// <param name="threads">Largest number of threads.</param>
    public LogisticObjective(Matrix x, int[] y, double[]? sampleWeight, int k, bool fitIntercept, double l2, int threads)
    {
        _x = x;
        _y = y;
        _sw = sampleWeight;
        _k = k;
        _p = x.Columns;
        _intercept = fitIntercept;
        _l2 = l2;
        _dim = k * _p + (fitIntercept ? k : 0);
        _chunks = Math.Max(1, (x.Rows + ChunkRows - 1) / ChunkRows);
        long work = (long)x.Rows * _p * k;
        _workers = work < 200_000 ? 1 : Math.Clamp(threads, 1, _chunks);
        _theta = new double[_dim];
        if (k == 1)
        {
            _yBinary = new double[x.Rows];
            _swDense = new double[x.Rows];
            for (int i = 0; i < x.Rows; i++)
            {
                _yBinary[i] = y[i];
                _swDense[i] = sampleWeight?[i] ?? 1.0;
            }
        }
        _chunkLoss = new double[_chunks];
        _chunkGrad = new double[_chunks * _dim];
        _scratch = new double[_workers][];
        for (int t = 0; t < _workers; t++) _scratch[t] = new double[BlockRows * k];
    }

    public int Dimension => _dim;

    public double Evaluate(ReadOnlySpan<double> theta, Span<double> gradient)
    {
        // Workers read θ through an array (spans cannot enter the parallel lambda), so keep a copy.
        var th = _theta;
        theta.CopyTo(th);
        if (_workers == 1)
        {
            for (int c = 0; c < _chunks; c++) Chunk(c, th, _scratch[0]);
        }
        else
        {
            int next = -1;
            Parallel.For(0, _workers, new ParallelOptions { MaxDegreeOfParallelism = _workers }, t =>
            {
                var z = _scratch[t];
                int c;
                while ((c = Interlocked.Increment(ref next)) < _chunks) Chunk(c, th, z);
            });
        }

        double loss = 0;
        gradient.Clear();
        for (int c = 0; c < _chunks; c++)
        {
            loss += _chunkLoss[c];
            var part = new ReadOnlySpan<double>(_chunkGrad, c * _dim, _dim);
            for (int j = 0; j < _dim; j++) gradient[j] += part[j];
        }
        if (_l2 > 0)
        {
            double sq = 0;
            int nw = _k * _p;
            for (int j = 0; j < nw; j++)
            {
                sq += th[j] * th[j];
                gradient[j] += _l2 * th[j];
            }
            loss += 0.5 * _l2 * sq;
        }
        return loss;
    }

    private void Chunk(int chunk, double[] theta, double[] z)
    {
        int start = chunk * ChunkRows;
        int end = Math.Min(_x.Rows, start + ChunkRows);
        int k = _k, p = _p;
        var w = new ReadOnlySpan<double>(theta, 0, k * p);
        var b = _intercept ? new ReadOnlySpan<double>(theta, k * p, k) : ReadOnlySpan<double>.Empty;
        var g = new Span<double>(_chunkGrad, chunk * _dim, _dim);
        g.Clear();
        var gw = g[..(k * p)];
        double loss = 0;
        for (int r0 = start; r0 < end; r0 += BlockRows)
        {
            int rows = Math.Min(BlockRows, end - r0);
            var zb = new Span<double>(z, 0, rows * k);
            LinearKernels.Project(_x, r0, rows, w, b, k, zb);
            loss += k == 1 ? BinaryResiduals(r0, zb) : MultinomialResiduals(r0, zb);
            LinearKernels.AccumulateTransposed(_x, r0, rows, zb, k, gw);
            if (_intercept)
            {
                var gb = g.Slice(k * p, k);
                for (int i = 0; i < rows; i++)
                    for (int c = 0; c < k; c++) gb[c] += zb[i * k + c];
            }
        }
        _chunkLoss[chunk] = loss;
    }

    /// <summary>Replaces z by sᵢ (σ(z) − y) and returns Σ sᵢ ℓᵢ (four rows per vector; the remainder scalar).</summary>
    private double BinaryResiduals(int r0, Span<double> z)
    {
        double loss = 0;
        int i0 = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            var ys = new ReadOnlySpan<double>(_yBinary, r0, z.Length);
            var ss = new ReadOnlySpan<double>(_swDense, r0, z.Length);
            var acc = Vector256<double>.Zero;
            var one = Vector256<double>.One;
            for (; i0 + 4 <= z.Length; i0 += 4)
            {
                var zv = Vector256.Create(z.Slice(i0, 4));
                var yv = Vector256.Create(ys.Slice(i0, 4));
                var sv = Vector256.Create(ss.Slice(i0, 4));
                var e = Vector256.Exp(-Vector256.Abs(zv));
                var u = one + e;
                // log1p(e) = log(u) · e / (u − 1), exact when u rounds to 1 (then log1p(e) = e).
                var isOne = Vector256.Equals(u, one);
                var l1p = Vector256.ConditionalSelect(isOne, e, Vector256.Log(u) * e / Vector256.ConditionalSelect(isOne, one, u - one));
                var l = Vector256.Max(zv, Vector256<double>.Zero) + l1p - yv * zv;
                var inv = one / u;
                var prob = Vector256.ConditionalSelect(Vector256.GreaterThanOrEqual(zv, Vector256<double>.Zero), inv, e * inv);
                acc += sv * l;
                (sv * (prob - yv)).CopyTo(z.Slice(i0, 4));
            }
            loss = Vector256.Sum(acc);
        }
        for (int i = i0; i < z.Length; i++)
        {
            double zi = z[i];
            double e = Math.Exp(-Math.Abs(zi));
            double yi = _y[r0 + i];
            double l = Math.Max(zi, 0) + Log1p(e) - yi * zi;
            double prob = zi >= 0 ? 1 / (1 + e) : e / (1 + e);
            double s = _sw is null ? 1.0 : _sw[r0 + i];
            loss += s * l;
            z[i] = s * (prob - yi);
        }
        return loss;
    }

    /// <summary>Replaces z (rows × k) by sᵢ (softmax(z) − onehot(y)) and returns Σ sᵢ ℓᵢ.</summary>
    private double MultinomialResiduals(int r0, Span<double> z)
    {
        int k = _k;
        int rows = z.Length / k;
        double loss = 0;
        for (int i = 0; i < rows; i++)
        {
            var zi = z.Slice(i * k, k);
            double mx = zi[0];
            for (int c = 1; c < k; c++) mx = Math.Max(mx, zi[c]);
            int yi = _y[r0 + i];
            double zy = zi[yi] - mx;
            double sum = 0;
            for (int c = 0; c < k; c++) { double e = Math.Exp(zi[c] - mx); zi[c] = e; sum += e; }
            double s = _sw is null ? 1.0 : _sw[r0 + i];
            // ℓ = log Σ e^{z_c − mx} − (z_y − mx)
            loss += s * (Math.Log(sum) - zy);
            double inv = 1 / sum;
            for (int c = 0; c < k; c++) zi[c] = s * (zi[c] * inv - (c == yi ? 1.0 : 0.0));
        }
        return loss;
    }

    /// <summary>log(1 + v) accurate for small v (the u = 1 + v correction trick; exact when 1 + v rounds to 1).</summary>
    internal static double Log1p(double v)
    {
        double u = 1.0 + v;
        return u == 1.0 ? v : Math.Log(u) * v / (u - 1.0);
    }
}
