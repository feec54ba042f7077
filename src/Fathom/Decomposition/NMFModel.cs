using Fathom.Core;
using Fathom.Data;
using Fathom.Numerics;
using Fathom.Persistence;
using Fathom.Preprocessing;

namespace Fathom.Decomposition;

/// <summary>A fitted <see cref="NMF"/>: the non-negative components H. Immutable.</summary>
public sealed class NMFModel : ITransformerModel
{
    private readonly string[] _names;
    private readonly ColumnKind[] _kinds;
    private readonly string[] _outNames;
    private readonly Matrix _components;

    internal NMFModel(NMF options, string[] names, ColumnKind[] kinds, Matrix components, double error, int iterations)
    {
        Options = options;
        _names = names;
        _kinds = kinds;
        _components = components;
        ReconstructionError = error;
        Iterations = iterations;
        _outNames = Manifold.ManifoldInput.OutputNames("nmf", components.Rows);
    }

    /// <summary>The hyperparameters the model was fitted with.</summary>
    public NMF Options { get; }

    /// <summary>H, components × features, non-negative (scikit-learn's <c>components_</c>), as a copy.</summary>
    public Matrix Components => _components.Clone();

    /// <summary>‖X − WH‖_F on the training data (scikit-learn's <c>reconstruction_err_</c>).</summary>
    public double ReconstructionError { get; }

    /// <summary>Coordinate-descent sweeps of the fit (<c>n_iter_</c>).</summary>
    public int Iterations { get; }

    /// <inheritdoc/>
    public IReadOnlyList<string> FeatureNamesIn => _names;

    /// <inheritdoc/>
    public IReadOnlyList<string> FeatureNamesOut => _outNames;

    /// <inheritdoc/>
    public int FeatureCount => _names.Length;

    /// <inheritdoc/>
    public string ModelKind => "nmf";

    /// <summary>W for new rows (columns found by name), with H fixed.</summary>
    /// <exception cref="InvalidInputException">A fitted column is missing, or a value is negative, NaN or infinite.</exception>
    public DataFrame Transform(DataFrame x)
    {
        ArgumentNullException.ThrowIfNull(x);
        return DataFrame.FromMatrix(Transform(FrameInput.FiniteMatrix(x, _names, _kinds, "NMF")), _outNames);
    }

    /// <summary>W for rows in fitted column order: coordinate descent on W from zeros with H fixed (scikit-learn's transform).</summary>
    /// <exception cref="InvalidInputException">Wrong column count, NaN, infinity or a negative value.</exception>
    public Matrix Transform(Matrix x)
    {
        ArgumentNullException.ThrowIfNull(x);
        Linear.InputChecks.FeatureCount(x, FeatureCount, nameof(NMFModel));
        Linear.InputChecks.Finite(x, nameof(NMFModel));
        NMF.CheckNonNegative(x, _names);
        var w = new Matrix(x.Rows, _components.Rows);
        NmfSolver.Fit(x, w, _components.Transpose(), Options.Tol, Options.MaxIter, updateH: false);
        return w;
    }

    /// <summary>W·H: the rows rebuilt from their component weights.</summary>
    public Matrix InverseTransform(Matrix w)
    {
        ArgumentNullException.ThrowIfNull(w);
        return MatrixOps.Multiply(w, _components);
    }

    internal static double SquaredError(Matrix x, Matrix w, Matrix h)
    {
        var wh = MatrixOps.Multiply(w, h);
        double s = 0;
        var a = x.AsSpan();
        var b = wh.AsSpan();
        for (int i = 0; i < a.Length; i++) s += (a[i] - b[i]) * (a[i] - b[i]);
        return s;
    }

    /// <inheritdoc/>
    public void WriteTo(ModelWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteHyperparameters(Options);
        FrameInput.WriteSchema(writer, _names, _kinds);
        writer.WriteMatrix("components", _components);
        writer.SetProperty("reconstruction_error", ReconstructionError);
        writer.SetProperty("iterations", Iterations);
    }

    internal static NMFModel ReadFrom(ModelReader reader)
    {
        var options = reader.ReadHyperparameters<NMF>();
        var (names, kinds) = FrameInput.ReadSchema(reader);
        var c = reader.ReadMatrix("components");
        if (c.Columns != names.Length || c.Rows < 1)
            throw new ModelFormatException($"The model file is damaged: NMF components are {c.Rows} x {c.Columns} for {names.Length} input columns.");
        return new NMFModel(options, names, kinds, c, reader.GetDouble("reconstruction_error"), reader.GetInt("iterations"));
    }
}
