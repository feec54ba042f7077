using System.Collections.ObjectModel;
using Fathom.Core;
using Fathom.Data;
using Fathom.LinearAlgebra;
using Fathom.Numerics;
using Fathom.Persistence;
using Fathom.Preprocessing;

namespace Fathom.Decomposition;

/// <summary>A fitted <see cref="FastICA"/>: the unmixing matrix and the whitening. Immutable.</summary>
public sealed class FastICAModel : ITransformerModel
{
    private readonly string[] _names;
    private readonly ColumnKind[] _kinds;
    private readonly string[] _outNames;
    private readonly Matrix _components;
    private readonly double[] _mean;
    private readonly Matrix _whitening;

    internal FastICAModel(FastICA options, string[] names, ColumnKind[] kinds, Matrix components, double[] mean, Matrix whitening, int iterations)
    {
        Options = options;
        _names = names;
        _kinds = kinds;
        _components = components;
        _mean = mean;
        _whitening = whitening;
        Iterations = iterations;
        _outNames = Manifold.ManifoldInput.OutputNames("ica", components.Rows);
    }

    /// <summary>The hyperparameters the model was fitted with (without <see cref="FastICA.WInit"/> after loading).</summary>
    public FastICA Options { get; }

    /// <summary>Unmixing matrix, components × features (scikit-learn's <c>components_</c>), as a copy.</summary>
    public Matrix Components => _components.Clone();

    /// <summary>Mixing matrix, features × components: the pseudo-inverse of <see cref="Components"/> (<c>mixing_</c>).</summary>
    public Matrix Mixing
    {
        get
        {
            var svd = SingularValueDecomposition.Decompose(_components);
            var u = svd.U!;
            var vt = svd.Vt!;
            var s = svd.SingularValues;
            double cut = 1e-15 * s.Max() * Math.Max(_components.Rows, _components.Columns);
            var pinv = new Matrix(_components.Columns, _components.Rows);
            for (int r = 0; r < s.Length; r++)
            {
                if (s[r] <= cut) continue;
                for (int i = 0; i < pinv.Rows; i++)
                    for (int j = 0; j < pinv.Columns; j++) pinv[i, j] += vt[r, i] * u[j, r] / s[r];
            }
            return pinv;
        }
    }

    /// <summary>Column means removed before unmixing (<c>mean_</c>).</summary>
    public IReadOnlyList<double> Mean => new ReadOnlyCollection<double>(_mean);

    /// <summary>The whitening matrix K, components × features (<c>whitening_</c>), as a copy.</summary>
    public Matrix Whitening => _whitening.Clone();

    /// <summary>Fixed-point iterations run (<c>n_iter_</c>).</summary>
    public int Iterations { get; }

    /// <inheritdoc/>
    public IReadOnlyList<string> FeatureNamesIn => _names;

    /// <inheritdoc/>
    public IReadOnlyList<string> FeatureNamesOut => _outNames;

    /// <inheritdoc/>
    public int FeatureCount => _names.Length;

    /// <inheritdoc/>
    public string ModelKind => "fast-ica";

    /// <summary>Estimated sources of new rows (columns found by name).</summary>
    /// <exception cref="InvalidInputException">A fitted column is missing, or holds NaN or infinity.</exception>
    public DataFrame Transform(DataFrame x)
    {
        ArgumentNullException.ThrowIfNull(x);
        return DataFrame.FromMatrix(Sources(FrameInput.FiniteMatrix(x, _names, _kinds, "FastICA", _mean)), _outNames);
    }

    /// <summary>Estimated sources (x − mean)·Componentsᵀ of rows in fitted column order. O(n · p · k).</summary>
    /// <exception cref="InvalidInputException">Wrong column count, NaN or infinity.</exception>
    public Matrix Transform(Matrix x)
    {
        ArgumentNullException.ThrowIfNull(x);
        Linear.InputChecks.FeatureCount(x, FeatureCount, nameof(FastICAModel));
        Linear.InputChecks.Finite(x, nameof(FastICAModel));
        var c = new Matrix(x.Rows, x.Columns);
        for (int i = 0; i < x.Rows; i++)
        {
            var src = x.Row(i);
            var dst = c.Row(i);
            for (int j = 0; j < src.Length; j++) dst[j] = src[j] - _mean[j];
        }
        return Sources(c);
    }

    private Matrix Sources(Matrix centred) => MatrixOps.MultiplyTransposed(centred, _components);

    /// <inheritdoc/>
    public void WriteTo(ModelWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteHyperparameters(Options);
        FrameInput.WriteSchema(writer, _names, _kinds);
        writer.WriteMatrix("components", _components);
        writer.WriteDoubles("mean", _mean);
        writer.WriteMatrix("whitening", _whitening);
        writer.SetProperty("iterations", Iterations);
    }

    internal static FastICAModel ReadFrom(ModelReader reader)
    {
        var options = reader.ReadHyperparameters<FastICA>();
        var (names, kinds) = FrameInput.ReadSchema(reader);
        var c = reader.ReadMatrix("components");
        if (c.Columns != names.Length || c.Rows < 1)
            throw new ModelFormatException($"The model file is damaged: FastICA components are {c.Rows} x {c.Columns} for {names.Length} input columns.");
        return new FastICAModel(options, names, kinds, c, reader.ReadDoubles("mean", names.Length), reader.ReadMatrix("whitening"), reader.GetInt("iterations"));
    }
}
