using System.Collections.ObjectModel;
using System.Numerics.Tensors;
using Fathom.Core;
using Fathom.Linear;
using Fathom.LinearAlgebra;
using Fathom.Numerics;
using Fathom.Persistence;

namespace Fathom.Cluster;

/// <summary>
/// A fitted <see cref="GaussianMixture"/>: mixing weights, means, covariances and precisions, the training
/// labels and the convergence record. Gives hard (<see cref="Predict"/>) and soft (<see cref="PredictProba"/>)
/// assignments, per-row log densities, BIC/AIC, and draws new rows. Immutable and thread-safe.
/// </summary>
public sealed class GaussianMixtureModel : IClusterPredictor
{
    private readonly GaussianMixtureParameters _p;
    private readonly int[] _labels;

    internal GaussianMixtureModel(GaussianMixture options, GaussianMixtureParameters parameters, int[] labels, bool converged,
        int iterations, double lowerBound)
    {
        Options = options;
        _p = parameters;
        _labels = labels;
        Converged = converged;
        Iterations = iterations;
        LowerBound = lowerBound;
    }

    /// <summary>The hyperparameters it was fitted with (initial parameters not kept).</summary>
    public GaussianMixture Options { get; }

    /// <summary>The covariance shape.</summary>
    public GaussianMixtureCovariance CovarianceType => _p.Type;

    /// <summary>Mixing weights wⱼ (k values summing to 1; a copy).</summary>
    public IReadOnlyList<double> Weights => new ReadOnlyCollection<double>(_p.Weights.ToArray());

    /// <summary>Component means, k × d (a copy).</summary>
    public Matrix Means => _p.Means.Clone();

    /// <summary>Covariances in the layout of <see cref="CovarianceType"/> (see <see cref="GaussianMixtureCovariance"/>), including <c>reg_covar</c>; a copy.</summary>
    public Matrix Covariances => _p.Covariances!.Clone();

    /// <summary>Cholesky factors C of the precisions (Σ⁻¹ = C·Cᵀ), same layout as <see cref="Covariances"/> (scikit-learn's <c>precisions_cholesky_</c>); a copy.</summary>
    public Matrix PrecisionsCholesky => _p.PrecisionsCholesky.Clone();

    /// <summary>Precisions Σ⁻¹ = C·Cᵀ (C² for diag and spherical), same layout as <see cref="Covariances"/>; a new matrix.</summary>
    public Matrix Precisions
    {
        get
        {
            var c = _p.PrecisionsCholesky;
            if (_p.Type is GaussianMixtureCovariance.Diag or GaussianMixtureCovariance.Spherical)
            {
                var r = c.Clone();
                TensorPrimitives.Multiply(r.AsSpan(), r.AsSpan(), r.AsSpan());
                return r;
            }
            int d = c.Columns;
            var result = new Matrix(c.Rows, d);
            for (int j = 0; j < c.Rows / d; j++)
            {
                var block = c.RowRange(j * d, d);
                MatrixOps.MultiplyTransposed(block, block, 1).AsSpan().CopyTo(result.RowRange(j * d, d).AsSpan());
            }
            return result;
        }
    }

    /// <summary>The full d × d covariance of component <paramref name="component"/>, whatever the covariance type.</summary>
    /// <exception cref="ArgumentOutOfRangeException">No such component.</exception>
    public Matrix ComponentCovariance(int component)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(component);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(component, ComponentCount);
        int d = FeatureCount;
        var cov = _p.Covariances!;
        switch (_p.Type)
        {
            case GaussianMixtureCovariance.Full: return cov.RowRange(component * d, d).Clone();
            case GaussianMixtureCovariance.Tied: return cov.Clone();
            default:
                var m = new Matrix(d, d);
                for (int f = 0; f < d; f++) m[f, f] = _p.Type == GaussianMixtureCovariance.Diag ? cov[component, f] : cov[component, 0];
                return m;
        }
    }

    /// <inheritdoc/>
    public IReadOnlyList<int> Labels => new ReadOnlyCollection<int>(_labels);

    /// <summary>Whether the best run converged (its last gain was below tol; scikit-learn's <c>converged_</c>).</summary>
    public bool Converged { get; }

    /// <summary>EM iterations of the best run (scikit-learn's <c>n_iter_</c>).</summary>
    public int Iterations { get; }

    /// <summary>Mean log-likelihood of the training rows at the last E-step of the best run (scikit-learn's <c>lower_bound_</c>).</summary>
    public double LowerBound { get; }

    /// <summary>Number of components k.</summary>
    public int ComponentCount => _p.K;

    /// <inheritdoc/>
    public int FeatureCount => _p.D;

    /// <inheritdoc/>
    public string ModelKind => "gaussian-mixture";

    /// <summary>Number of free parameters: means k·d, weights k − 1, covariances k·d(d+1)/2 (full), d(d+1)/2 (tied), k·d (diag), k (spherical).</summary>
    public int ParameterCount
    {
        get
        {
            int k = ComponentCount, d = FeatureCount;
            int cov = _p.Type switch
            {
                GaussianMixtureCovariance.Full => k * d * (d + 1) / 2,
                GaussianMixtureCovariance.Tied => d * (d + 1) / 2,
                GaussianMixtureCovariance.Diag => k * d,
                _ => k,
            };
            return cov + k * d + k - 1;
        }
    }

    /// <summary>The most likely component of each row: argmaxⱼ wⱼ·𝒩(xᵢ | μⱼ, Σⱼ). O(n·k·d²).</summary>
    /// <exception cref="InvalidInputException">Wrong feature count or non-finite values.</exception>
    public int[] Predict(Matrix x) => Reductions.RowArgMax(WeightedLogProb(x));

    /// <summary>Posterior probability of each component for each row (n × k, rows sum to 1): the soft assignments.</summary>
    /// <exception cref="InvalidInputException">Wrong feature count or non-finite values.</exception>
    public Matrix PredictProba(Matrix x)
    {
        var m = WeightedLogProb(x);
        Reductions.SoftmaxRows(m);
        return m;
    }

    /// <summary>log p(xᵢ) = log Σⱼ wⱼ·𝒩(xᵢ | μⱼ, Σⱼ) of each row (scikit-learn's <c>score_samples</c>).</summary>
    /// <exception cref="InvalidInputException">Wrong feature count or non-finite values.</exception>
    public double[] ScoreSamples(Matrix x) => Reductions.RowLogSumExp(WeightedLogProb(x));

    /// <summary>Mean log-likelihood of the rows, (1/n) Σᵢ log p(xᵢ) (scikit-learn's <c>score</c>).</summary>
    /// <exception cref="InvalidInputException">Wrong feature count, non-finite values or no rows.</exception>
    public double Score(Matrix x)
    {
        var s = ScoreSamples(x);
        if (s.Length == 0) throw new InvalidInputException("GaussianMixtureModel: Score needs at least one row.");
        return s.Average();
    }

    /// <summary>Bayesian information criterion −2·n·Score(x) + p·ln n for p = <see cref="ParameterCount"/> (lower is better).</summary>
    /// <exception cref="InvalidInputException">Wrong feature count, non-finite values or no rows.</exception>
    public double Bic(Matrix x) => -2 * Score(x) * x.Rows + ParameterCount * Math.Log(x.Rows);

    /// <summary>Akaike information criterion −2·n·Score(x) + 2p for p = <see cref="ParameterCount"/> (lower is better).</summary>
    /// <exception cref="InvalidInputException">Wrong feature count, non-finite values or no rows.</exception>
    public double Aic(Matrix x) => -2 * Score(x) * x.Rows + 2.0 * ParameterCount;

    /// <summary>
    /// Draws <paramref name="count"/> rows from the mixture: component counts from a multinomial with the
    /// weights, then μⱼ + Lⱼz with Lⱼ the Cholesky factor of Σⱼ and z standard normal. Rows come grouped by
    /// component (as scikit-learn's <c>sample</c>); the same seed gives the same rows.
    /// </summary>
    /// <returns>The rows (count × d) and the component each was drawn from.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is below 1.</exception>
    public (Matrix X, int[] Components) Sample(int count, int seed = 0)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        int k = ComponentCount, d = FeatureCount;
        var rng = new RandomSource(seed);
        var counts = new int[k];
        var cum = new double[k];
        double s = 0;
        for (int j = 0; j < k; j++) cum[j] = s += _p.Weights[j];
        for (int i = 0; i < count; i++)
        {
            double u = rng.NextDouble() * s;
            int j = 0;
            while (j < k - 1 && cum[j] <= u) j++;
            counts[j]++;
        }
        var x = new Matrix(count, d);
        var comp = new int[count];
        var z = new double[d];
        int row = 0;
        for (int j = 0; j < k; j++)
        {
            if (counts[j] == 0) continue;
            var l = CholeskyDecomposition.Decompose(ComponentCovariance(j)).GetL();
            for (int c = 0; c < counts[j]; c++, row++)
            {
                for (int f = 0; f < d; f++) z[f] = rng.NextGaussian();
                var dst = x.Row(row);
                Blas.Gemv(false, d, d, 1.0, l.AsSpan(), d, z, 0.0, dst);
                TensorPrimitives.Add(dst, _p.Means.Row(j), dst);
                comp[row] = j;
            }
        }
        return (x, comp);
    }

    private Matrix WeightedLogProb(Matrix x)
    {
        InputChecks.FeatureCount(x, FeatureCount, "GaussianMixtureModel");
        InputChecks.Finite(x, "GaussianMixtureModel");
        return GaussianMixtureCore.WeightedLogProb(x, _p, Environment.ProcessorCount);
    }

    /// <inheritdoc/>
    public void WriteTo(ModelWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteHyperparameters(Options);
        writer.WriteDoubles("weights", _p.Weights);
        writer.WriteMatrix("means", _p.Means);
        writer.WriteMatrix("covariances", _p.Covariances!);
        writer.WriteMatrix("precisions_cholesky", _p.PrecisionsCholesky);
        writer.WriteInts("labels", _labels);
        writer.SetProperty("converged", Converged);
        writer.SetProperty("iterations", Iterations);
        writer.SetProperty("lower_bound", LowerBound);
    }

    internal static GaussianMixtureModel ReadFrom(ModelReader reader)
    {
        var options = reader.ReadHyperparameters<GaussianMixture>();
        var weights = reader.ReadDoubles("weights");
        var means = reader.ReadMatrix("means");
        var cov = reader.ReadMatrix("covariances");
        var pc = reader.ReadMatrix("precisions_cholesky");
        var labels = reader.ReadInts("labels");
        int k = means.Rows, d = means.Columns;
        var type = options.CovarianceType;
        var (rows, cols) = type switch
        {
            GaussianMixtureCovariance.Full => (k * d, d),
            GaussianMixtureCovariance.Tied => (d, d),
            GaussianMixtureCovariance.Diag => (k, d),
            _ => (k, 1),
        };
        if (weights.Length != k || k < 1 || cov.Rows != rows || cov.Columns != cols || pc.Rows != rows || pc.Columns != cols)
            throw new ModelFormatException("The model file is damaged: the Gaussian mixture's weights, means and covariances disagree in size.");
        foreach (int l in labels)
            if (l < 0 || l >= k) throw new ModelFormatException($"The model file is damaged: a mixture label {l} is outside 0..{k - 1}.");
        var p = new GaussianMixtureParameters(weights, means, cov, pc, type);
        return new GaussianMixtureModel(options, p, labels, reader.GetBool("converged"), reader.GetInt("iterations"), reader.GetDouble("lower_bound"));
    }
}
