using System.Collections.ObjectModel;
using System.Globalization;
using Fathom.Core;
using Fathom.Data;
using Fathom.LinearAlgebra;
using Fathom.Numerics;
using Fathom.Persistence;
using Fathom.Preprocessing;

namespace Fathom.Decomposition;

/// <summary>
/// A fitted <see cref="FactorAnalysis"/>: Transform gives the posterior mean of the factors,
/// <c>E[z | x] = (I + WΨ⁻¹Wᵀ)⁻¹·WΨ⁻¹·(x − μ)</c>, output columns factoranalysis0, …. Immutable and thread-safe.
/// </summary>
public sealed class FactorAnalysisModel : ITransformerModel
{
    private readonly string[] _names;
    private readonly ColumnKind[] _kinds;
    private readonly string[] _outNames;
    private readonly double[] _mean, _psi, _loglike;
    private readonly Matrix _w;

    internal FactorAnalysisModel(FactorAnalysis options, string[] names, ColumnKind[] kinds, double[] mean, Matrix w, double[] psi, double[] loglike, int iterations)
    {
        Options = options;
        _names = names;
        _kinds = kinds;
        _mean = mean;
        _w = w;
        _psi = psi;
        _loglike = loglike;
        IterationCount = iterations;
        _outNames = Enumerable.Range(0, w.Rows).Select(i => "factoranalysis" + i.ToString(CultureInfo.InvariantCulture)).ToArray();
    }

    /// <summary>The hyperparameters it was fitted with.</summary>
    public FactorAnalysis Options { get; }

    /// <summary>Loadings W, factors × features (scikit-learn's <c>components_</c>; signs are not normalized), as a copy.</summary>
    public Matrix Components => _w.Clone();

    /// <summary>Noise variance ψ of each feature.</summary>
    public IReadOnlyList<double> NoiseVariance => new ReadOnlyCollection<double>(_psi);

    /// <summary>Column means.</summary>
    public IReadOnlyList<double> Mean => new ReadOnlyCollection<double>(_mean);

    /// <summary>Log-likelihood of the training data at each iteration (scikit-learn's <c>loglike_</c>).</summary>
    public IReadOnlyList<double> LogLikelihoods => new ReadOnlyCollection<double>(_loglike);

    /// <summary>Iterations run.</summary>
    public int IterationCount { get; }

    /// <inheritdoc/>
    public IReadOnlyList<string> FeatureNamesIn => _names;

    /// <inheritdoc/>
    public IReadOnlyList<string> FeatureNamesOut => _outNames;

    /// <inheritdoc/>
    public int FeatureCount => _names.Length;

    /// <inheritdoc/>
    public string ModelKind => "factor-analysis";

    /// <summary>Model covariance WᵀW + diag ψ (features × features).</summary>
    public Matrix Covariance()
    {
        var c = MatrixOps.TransposeMultiply(_w, _w);
        for (int j = 0; j < _psi.Length; j++) c[j, j] += _psi[j];
        return c;
    }

    /// <summary>Average log-likelihood of rows under N(μ, WᵀW + diag ψ) (scikit-learn's <c>score</c>).</summary>
    /// <exception cref="InvalidInputException">Wrong column count, NaN or infinity.</exception>
    public double Score(Matrix x)
    {
        ArgumentNullException.ThrowIfNull(x);
        Linear.InputChecks.FeatureCount(x, FeatureCount, "FactorAnalysisModel");
        Linear.InputChecks.Finite(x, "FactorAnalysisModel");
        int p = FeatureCount;
        var chol = CholeskyDecomposition.Decompose(Covariance());
        var l = chol.GetL();
        double logdet = 0;
        for (int j = 0; j < p; j++) logdet += 2 * Math.Log(l[j, j]);
        double total = 0;
        var r = new double[p];
        for (int i = 0; i < x.Rows; i++)
        {
            var row = x.Row(i);
            for (int j = 0; j < p; j++) r[j] = row[j] - _mean[j];
            // solve L·y = r; quadratic form = ‖y‖²
            for (int j = 0; j < p; j++)
            {
                double s = r[j];
                for (int t = 0; t < j; t++) s -= l[j, t] * r[t];
                r[j] = s / l[j, j];
            }
            double q = 0;
            foreach (var v in r) q += v * v;
            total += -0.5 * q - 0.5 * (p * Math.Log(2 * Math.PI) + logdet);
        }
        return total / x.Rows;
    }

    /// <summary>Posterior factor means of rows (columns found by name).</summary>
    /// <exception cref="InvalidInputException">A fitted column is missing or changed kind, or holds NaN/infinity.</exception>
    public DataFrame Transform(DataFrame x)
    {
        ArgumentNullException.ThrowIfNull(x);
        var m = FrameInput.FiniteMatrix(x, _names, _kinds, "FactorAnalysis");
        return DataFrame.FromMatrix(Transform(m), _outNames);
    }

    /// <summary>Posterior factor means of rows whose columns are in fitted order. O(n·p·k + k³).</summary>
    /// <exception cref="InvalidInputException">Wrong column count, NaN or infinity.</exception>
    public Matrix Transform(Matrix x)
    {
        ArgumentNullException.ThrowIfNull(x);
        Linear.InputChecks.FeatureCount(x, FeatureCount, "FactorAnalysisModel");
        Linear.InputChecks.Finite(x, "FactorAnalysisModel");
        int k = _w.Rows, p = _w.Columns;
        var wpsi = _w.Clone();
        for (int t = 0; t < k; t++)
            for (int j = 0; j < p; j++) wpsi[t, j] /= _psi[j];
        var a = MatrixOps.MultiplyTransposed(wpsi, _w);
        for (int t = 0; t < k; t++) a[t, t] += 1;
        var chol = CholeskyDecomposition.Decompose(a);
        var xc = new Matrix(x.Rows, p);
        for (int i = 0; i < x.Rows; i++) System.Numerics.Tensors.TensorPrimitives.Subtract(x.Row(i), _mean, xc.Row(i));
        var tmp = MatrixOps.MultiplyTransposed(xc, wpsi); // n × k
        // (I + WΨ⁻¹Wᵀ) is symmetric: tmp · A⁻¹ = (A⁻¹ · tmpᵀ)ᵀ
        return chol.Solve(tmp.Transpose()).Transpose();
    }

    /// <inheritdoc/>
    public void WriteTo(ModelWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteHyperparameters(Options);
        FrameInput.WriteSchema(writer, _names, _kinds);
        writer.WriteMatrix("components", _w);
        writer.WriteDoubles("mean", _mean);
        writer.WriteDoubles("noise_variance", _psi);
        writer.WriteDoubles("loglike", _loglike);
        writer.SetProperty("n_iter", IterationCount);
    }

    internal static FactorAnalysisModel ReadFrom(ModelReader reader)
    {
        var options = reader.ReadHyperparameters<FactorAnalysis>();
        var (names, kinds) = FrameInput.ReadSchema(reader);
        var w = reader.ReadMatrix("components");
        int p = names.Length;
        if (w.Columns != p)
            throw new ModelFormatException($"The model file is damaged: FactorAnalysis components have {w.Columns} columns for {p} input columns.");
        return new FactorAnalysisModel(options, names, kinds, reader.ReadDoubles("mean", p), w, reader.ReadDoubles("noise_variance", p),
            reader.ReadDoubles("loglike"), reader.GetInt("n_iter"));
    }
}
