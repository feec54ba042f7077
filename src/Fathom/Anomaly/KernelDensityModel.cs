using Fathom.Core;
using Fathom.Linear;
using Fathom.Neighbors;
using Fathom.Numerics;
using Fathom.Persistence;

namespace Fathom.Anomaly;

/// <summary>A fitted <see cref="KernelDensity"/>: the training rows, their weights and the bandwidth. Immutable and thread-safe.</summary>
public sealed class KernelDensityModel : IOutlierModel
{
    private readonly Matrix _points;
    private readonly double[]? _weights;
    private readonly double _total;
    private readonly NearestNeighbors? _index;

    internal KernelDensityModel(KernelDensity options, Matrix points, double[]? weights, double total, double bandwidth, NearestNeighbors? index, double offset)
    {
        Options = options;
        _points = points;
        _weights = weights;
        _total = total;
        Bandwidth = bandwidth;
        _index = index;
        Offset = offset;
    }

    internal KernelDensityModel WithOffset(double offset) => new(Options, _points, _weights, _total, Bandwidth, _index, offset);

    /// <summary>The hyperparameters it was fitted with.</summary>
    public KernelDensity Options { get; }

    /// <summary>The bandwidth in use (scikit-learn's <c>bandwidth_</c>).</summary>
    public double Bandwidth { get; }

    /// <inheritdoc/>
    public int FeatureCount => _points.Columns;

    /// <inheritdoc/>
    public string ModelKind => "kernel-density";

    /// <inheritdoc/>
    /// <remarks>The contamination quantile of the training rows' log densities.</remarks>
    public double Offset { get; }

    /// <summary>Log density of each row (scikit-learn's <c>score_samples</c>).</summary>
    /// <exception cref="InvalidInputException">Wrong column count or NaN/infinity.</exception>
    public double[] ScoreSamples(Matrix x) => ScoreSamples(x, 0);

    /// <summary>Total log-likelihood Σ log p(x) of the rows (scikit-learn's <c>score</c>).</summary>
    /// <exception cref="InvalidInputException">Wrong column count or NaN/infinity.</exception>
    public double Score(Matrix x) => ScoreSamples(x).Sum();

    /// <summary><see cref="ScoreSamples(Matrix)"/> on at most <paramref name="threads"/> threads (0 = all).</summary>
    /// <exception cref="InvalidInputException">Wrong column count or NaN/infinity.</exception>
    public double[] ScoreSamples(Matrix x, int threads)
    {
        InputChecks.FeatureCount(x, FeatureCount, nameof(KernelDensityModel));
        InputChecks.Finite(x, nameof(KernelDensityModel));
        int m = x.Rows, n = _points.Rows;
        var kernel = Options.Kernel;
        double h = Bandwidth;
        double shift = -KernelDensity.LogKernelNorm(kernel, h, FeatureCount) - Math.Log(_total);
        var result = new double[m];
        var options = new ParallelOptions { MaxDegreeOfParallelism = threads > 0 ? threads : Environment.ProcessorCount };
        if (_index is not null)
        {
            var within = _index.RadiusNeighbors(x, h, threads);
            Parallel.For(0, m, options, i =>
            {
                var ids = within.IndicesOf(i);
                var dist = within.DistancesOf(i);
                double sum = 0;
                for (int j = 0; j < ids.Length; j++)
                {
                    double d = dist[j];
                    if (!(d < h)) continue;
                    double k = kernel switch
                    {
                        DensityKernel.Tophat => 1.0,
                        DensityKernel.Epanechnikov => 1.0 - d * d / (h * h),
                        DensityKernel.Linear => 1.0 - d / h,
                        _ => Math.Cos(0.5 * Math.PI * d / h),
                    };
                    sum += (_weights?[ids[j]] ?? 1.0) * k;
                }
                result[i] = Math.Log(sum) + shift;
            });
            return result;
        }
        Parallel.For(0, m, options, () => new double[n], (i, _, logs) =>
        {
            var q = x.Row(i);
            double max = double.NegativeInfinity;
            for (int j = 0; j < n; j++)
            {
                double d2 = Distances.SquaredEuclidean(q, _points.Row(j));
                double t = kernel == DensityKernel.Gaussian ? -0.5 * d2 / (h * h) : -Math.Sqrt(d2) / h;
                if (_weights is not null) t += Math.Log(_weights[j]);
                logs[j] = t;
                if (t > max) max = t;
            }
            double s = 0;
            for (int j = 0; j < n; j++) s += Math.Exp(logs[j] - max);
            result[i] = max + Math.Log(s) + shift;
            return logs;
        }, _ => { });
        return result;
    }

    /// <inheritdoc/>
    /// <exception cref="InvalidInputException">Wrong column count or NaN/infinity.</exception>
    public double[] DecisionFunction(Matrix x)
    {
        var s = ScoreSamples(x);
        for (int i = 0; i < s.Length; i++) s[i] -= Offset;
        return s;
    }

    /// <inheritdoc/>
    /// <exception cref="InvalidInputException">Wrong column count or NaN/infinity.</exception>
    public int[] Predict(Matrix x) => DecisionFunction(x).Select(d => d < 0 ? -1 : 1).ToArray();

    /// <summary>
    /// Draws <paramref name="count"/> rows from the density (gaussian and tophat kernels only, as scikit-learn): a training
    /// row picked with probability proportional to its weight, plus N(0, h²I) noise (gaussian) or a point uniform in the
    /// ball of radius h (tophat: a Gaussian direction scaled by h·P(d/2, r²/2)^{1/d}/r).
    /// </summary>
    /// <exception cref="InvalidOperationException">Another kernel.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> below 1.</exception>
    public Matrix Sample(int count, int seed = 0)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        if (Options.Kernel is not (DensityKernel.Gaussian or DensityKernel.Tophat))
            throw new InvalidOperationException($"Sampling is available for the gaussian and tophat kernels only (as in scikit-learn); this model uses {Options.Kernel.ToString().ToLowerInvariant()}.");
        var rng = new RandomSource(seed);
        int n = _points.Rows, d = FeatureCount;
        double[]? cumulative = null;
        if (_weights is not null)
        {
            cumulative = new double[n];
            double acc = 0;
            for (int j = 0; j < n; j++) cumulative[j] = acc += _weights[j];
        }
        var result = new Matrix(count, d);
        var z = new double[d];
        for (int i = 0; i < count; i++)
        {
            int pick;
            if (cumulative is null) pick = rng.NextInt(n);
            else
            {
                double u = rng.NextDouble() * _total;
                pick = Array.BinarySearch(cumulative, u);
                pick = pick < 0 ? ~pick : pick + 1;
                pick = Math.Min(pick, n - 1);
                while (_weights![pick] == 0 && pick < n - 1) pick++;
            }
            double s2 = 0;
            for (int j = 0; j < d; j++) { z[j] = rng.NextGaussian(); s2 += z[j] * z[j]; }
            double scale = Options.Kernel == DensityKernel.Gaussian
                ? Bandwidth
                : Math.Pow(Statistics.SpecialFunctions.GammaP(0.5 * d, 0.5 * s2), 1.0 / d) * Bandwidth / Math.Sqrt(s2);
            var row = result.Row(i);
            var src = _points.Row(pick);
            for (int j = 0; j < d; j++) row[j] = src[j] + z[j] * scale;
        }
        return result;
    }

    /// <inheritdoc/>
    public void WriteTo(ModelWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteHyperparameters(Options);
        writer.SetProperty("bandwidth", Bandwidth);
        writer.SetProperty("offset", Offset);
        writer.SetProperty("weighted", _weights is not null);
        writer.WriteMatrix("points", _points);
        if (_weights is not null) writer.WriteDoubles("weights", _weights);
    }

    internal static KernelDensityModel ReadFrom(ModelReader reader)
    {
        var options = reader.ReadHyperparameters<KernelDensity>();
        double h = reader.GetDouble("bandwidth");
        double offset = reader.GetDouble("offset");
        var points = reader.ReadMatrix("points");
        if (points.Rows < 1 || points.Columns < 1 || !(h > 0))
            throw new ModelFormatException("The model file is damaged: a kernel density model needs rows and a positive bandwidth.");
        double[]? weights = reader.GetBool("weighted") ? reader.ReadDoubles("weights", points.Rows) : null;
        double total = weights?.Sum() ?? points.Rows;
        var index = options.Kernel is DensityKernel.Gaussian or DensityKernel.Exponential ? null : NearestNeighbors.Create(points, NeighborMetric.Euclidean, NeighborAlgorithm.Auto, 1);
        return new KernelDensityModel(options, points, weights, total, h, index, offset);
    }
}
