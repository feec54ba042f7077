using System.Collections.ObjectModel;
using System.Globalization;
using Fathom.Core;
using Fathom.Data;
using Fathom.Numerics;
using Fathom.Persistence;
using Fathom.Preprocessing;

namespace Fathom.Decomposition;

/// <summary>
/// A fitted <see cref="TruncatedSVD"/>: <c>Z = X·Componentsᵀ</c> (no centring), output columns truncatedsvd0, … as
/// scikit-learn's feature names. Immutable and thread-safe.
/// </summary>
public sealed class TruncatedSVDModel : ITransformerModel
{
    private readonly string[] _names;
    private readonly ColumnKind[] _kinds;
    private readonly string[] _outNames;
    private readonly Matrix _components;
    private readonly double[] _singular, _ev, _ratio;

    internal TruncatedSVDModel(TruncatedSVD options, string[] names, ColumnKind[] kinds, Matrix components, double[] singular, double[] ev, double[] ratio)
    {
        Options = options;
        _names = names;
        _kinds = kinds;
        _components = components;
        _singular = singular;
        _ev = ev;
        _ratio = ratio;
        _outNames = Enumerable.Range(0, components.Rows).Select(i => "truncatedsvd" + i.ToString(CultureInfo.InvariantCulture)).ToArray();
    }

    /// <summary>The hyperparameters it was fitted with.</summary>
    public TruncatedSVD Options { get; }

    /// <summary>Right singular vectors, components × features, as a copy.</summary>
    public Matrix Components => _components.Clone();

    /// <summary>Singular values of X for the kept components.</summary>
    public IReadOnlyList<double> SingularValues => new ReadOnlyCollection<double>(_singular);

    /// <summary>Variance (ddof 0) of each output column on the training rows.</summary>
    public IReadOnlyList<double> ExplainedVariance => new ReadOnlyCollection<double>(_ev);

    /// <summary>Explained variance over the total column variance of the training data.</summary>
    public IReadOnlyList<double> ExplainedVarianceRatio => new ReadOnlyCollection<double>(_ratio);

    /// <inheritdoc/>
    public IReadOnlyList<string> FeatureNamesIn => _names;

    /// <inheritdoc/>
    public IReadOnlyList<string> FeatureNamesOut => _outNames;

    /// <inheritdoc/>
    public int FeatureCount => _names.Length;

    /// <inheritdoc/>
    public string ModelKind => "truncated-svd";

    /// <summary>Projects rows (columns found by name). O(n·p·k).</summary>
    /// <exception cref="InvalidInputException">A fitted column is missing or changed kind, or holds NaN/infinity.</exception>
    public DataFrame Transform(DataFrame x)
    {
        ArgumentNullException.ThrowIfNull(x);
        var m = FrameInput.FiniteMatrix(x, _names, _kinds, "TruncatedSVD");
        return DataFrame.FromMatrix(MatrixOps.MultiplyTransposed(m, _components), _outNames);
    }

    /// <summary>Projects rows whose columns are in fitted order.</summary>
    /// <exception cref="InvalidInputException">Wrong column count, NaN or infinity.</exception>
    public Matrix Transform(Matrix x)
    {
        ArgumentNullException.ThrowIfNull(x);
        Linear.InputChecks.FeatureCount(x, FeatureCount, "TruncatedSVDModel");
        Linear.InputChecks.Finite(x, "TruncatedSVDModel");
        return MatrixOps.MultiplyTransposed(x, _components);
    }

    /// <summary>Projects sparse rows whose columns are in fitted order, without densifying them: <c>X·Componentsᵀ</c>
    /// by the sparse kernel. O(nnz·k). Agrees with <see cref="Transform(Matrix)"/> on the dense copy up to rounding.</summary>
    /// <exception cref="InvalidInputException">Wrong column count.</exception>
    public Matrix Transform(SparseMatrix x)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (x.Columns != FeatureCount)
            throw new InvalidInputException($"TruncatedSVDModel: the model was fitted on {FeatureCount} features but the sparse data has {x.Columns} columns.");
        return SparseProducts.Multiply(x, _components.Transpose());
    }

    /// <summary>Maps projections back: <c>X ≈ Z·Components</c>.</summary>
    /// <exception cref="InvalidInputException">Wrong column count.</exception>
    public Matrix InverseTransform(Matrix z)
    {
        ArgumentNullException.ThrowIfNull(z);
        if (z.Columns != _components.Rows)
            throw new InvalidInputException($"TruncatedSVDModel.InverseTransform: the model has {_components.Rows} components but the data has {z.Columns} columns.");
        return MatrixOps.Multiply(z, _components);
    }

    /// <inheritdoc/>
    public void WriteTo(ModelWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteHyperparameters(Options);
        FrameInput.WriteSchema(writer, _names, _kinds);
        writer.WriteMatrix("components", _components);
        writer.WriteDoubles("singular_values", _singular);
        writer.WriteDoubles("explained_variance", _ev);
        writer.WriteDoubles("explained_variance_ratio", _ratio);
    }

    internal static TruncatedSVDModel ReadFrom(ModelReader reader)
    {
        var options = reader.ReadHyperparameters<TruncatedSVD>();
        var (names, kinds) = FrameInput.ReadSchema(reader);
        var c = reader.ReadMatrix("components");
        if (c.Columns != names.Length)
            throw new ModelFormatException($"The model file is damaged: TruncatedSVD components have {c.Columns} columns for {names.Length} input columns.");
        int k = c.Rows;
        return new TruncatedSVDModel(options, names, kinds, c, reader.ReadDoubles("singular_values", k),
            reader.ReadDoubles("explained_variance", k), reader.ReadDoubles("explained_variance_ratio", k));
    }
}
