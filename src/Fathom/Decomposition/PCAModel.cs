using System.Collections.ObjectModel;
using System.Globalization;
using Fathom.Core;
using Fathom.Data;
using Fathom.Numerics;
using Fathom.Persistence;
using Fathom.Preprocessing;

namespace Fathom.Decomposition;

/// <summary>
/// A fitted <see cref="PCA"/>: <c>Z = (X − Mean)·Componentsᵀ</c> (÷ √ExplainedVariance when whitened), output
/// columns <c>pca0, pca1, …</c> as scikit-learn's <c>get_feature_names_out</c>. Input columns are found by name.
/// Immutable and thread-safe.
/// </summary>
public sealed class PCAModel : ITransformerModel
{
    private readonly string[] _names;
    private readonly ColumnKind[] _kinds;
    private readonly string[] _outNames;
    private readonly PcaFit _fit;

    internal PCAModel(PCA options, string[] names, ColumnKind[] kinds, PcaFit fit)
    {
        Options = options;
        _names = names;
        _kinds = kinds;
        _fit = fit;
        _outNames = Enumerable.Range(0, fit.Components.Rows).Select(i => "pca" + i.ToString(CultureInfo.InvariantCulture)).ToArray();
    }

    /// <summary>The hyperparameters it was fitted with.</summary>
    public PCA Options { get; }

    /// <summary>Principal axes, components × features (rows orthonormal, by decreasing variance), as a copy.</summary>
    public Matrix Components => _fit.Components.Clone();

    /// <summary>Number of components kept.</summary>
    public int ComponentCount => _fit.Components.Rows;

    /// <summary>Variance along each component: S²/(n − 1).</summary>
    public IReadOnlyList<double> ExplainedVariance => new ReadOnlyCollection<double>(_fit.ExplainedVariance);

    /// <summary>Share of the total variance along each component (full solver: of all components' variance;
    /// randomized: of Σ column variances, as scikit-learn).</summary>
    public IReadOnlyList<double> ExplainedVarianceRatio => new ReadOnlyCollection<double>(_fit.ExplainedVarianceRatio);

    /// <summary>Singular values of the centred data for the kept components.</summary>
    public IReadOnlyList<double> SingularValues => new ReadOnlyCollection<double>(_fit.SingularValues);

    /// <summary>Column means subtracted before projecting.</summary>
    public IReadOnlyList<double> Mean => new ReadOnlyCollection<double>(_fit.Mean);

    /// <summary>Probabilistic PCA noise variance (Tipping &amp; Bishop): the mean variance of the dropped components; 0 when none is dropped.</summary>
    public double NoiseVariance => _fit.NoiseVariance;

    /// <summary>Rows the model was fitted on.</summary>
    public int RowCount => _fit.Rows;

    /// <inheritdoc/>
    public IReadOnlyList<string> FeatureNamesIn => _names;

    /// <inheritdoc/>
    public IReadOnlyList<string> FeatureNamesOut => _outNames;

    /// <inheritdoc/>
    public int FeatureCount => _names.Length;

    /// <inheritdoc/>
    public string ModelKind => "pca";

    /// <summary>Projects the fitted columns (found by name) on the components. O(n·p·k).</summary>
    /// <exception cref="InvalidInputException">A fitted column is missing or changed kind, or holds NaN/infinity.</exception>
    public DataFrame Transform(DataFrame x)
    {
        var m = FrameInput.FiniteMatrix(x, _names, _kinds, "PCA", _fit.Mean);
        return DataFrame.FromMatrix(Project(m), _outNames);
    }

    /// <summary>Projects a matrix whose columns are in fitted order.</summary>
    /// <exception cref="InvalidInputException">Wrong column count, NaN or infinity.</exception>
    public Matrix Transform(Matrix x)
    {
        ArgumentNullException.ThrowIfNull(x);
        Linear.InputChecks.FeatureCount(x, FeatureCount, "PCAModel");
        Linear.InputChecks.Finite(x, "PCAModel");
        var m = new Matrix(x.Rows, x.Columns);
        for (int i = 0; i < x.Rows; i++) System.Numerics.Tensors.TensorPrimitives.Subtract(x.Row(i), _fit.Mean, m.Row(i));
        return Project(m);
    }

    private Matrix Project(Matrix centred)
    {
        var z = MatrixOps.MultiplyTransposed(centred, _fit.Components);
        if (Options.Whiten)
        {
            var scale = _fit.ExplainedVariance.Select(Math.Sqrt).ToArray();
            for (int i = 0; i < z.Rows; i++) System.Numerics.Tensors.TensorPrimitives.Divide(z.Row(i), scale, z.Row(i));
        }
        return z;
    }

    /// <summary>Maps projections back to the input space: <c>X = Z·Components + Mean</c> (Z scaled back by
    /// √ExplainedVariance first when whitened). Exact when all components are kept.</summary>
    /// <exception cref="InvalidInputException">Wrong column count.</exception>
    public Matrix InverseTransform(Matrix z)
    {
        ArgumentNullException.ThrowIfNull(z);
        if (z.Columns != ComponentCount)
            throw new InvalidInputException($"PCAModel.InverseTransform: the model has {ComponentCount} components but the data has {z.Columns} columns.");
        var zz = z.Clone();
        if (Options.Whiten)
        {
            var scale = _fit.ExplainedVariance.Select(Math.Sqrt).ToArray();
            for (int i = 0; i < zz.Rows; i++) System.Numerics.Tensors.TensorPrimitives.Multiply(zz.Row(i), scale, zz.Row(i));
        }
        var x = MatrixOps.Multiply(zz, _fit.Components);
        for (int i = 0; i < x.Rows; i++) System.Numerics.Tensors.TensorPrimitives.Add(x.Row(i), _fit.Mean, x.Row(i));
        return x;
    }

    /// <summary>Frame form of <see cref="InverseTransform(Matrix)"/>: reads columns pca0, pca1, … and returns the input column names.</summary>
    /// <exception cref="InvalidInputException">A pca column is missing or not numeric.</exception>
    public DataFrame InverseTransform(DataFrame z)
    {
        var numeric = Enumerable.Repeat(ColumnKind.Numeric, _outNames.Length).ToArray();
        var cols = FrameInput.Resolve(z, _outNames, numeric, "PCA.InverseTransform");
        var m = new Matrix(z.RowCount, _outNames.Length);
        for (int j = 0; j < cols.Length; j++)
        {
            var v = FrameInput.Numbers(cols[j]);
            for (int i = 0; i < v.Length; i++) m.Storage[i * m.Columns + j] = v[i];
        }
        return DataFrame.FromMatrix(InverseTransform(m), _names);
    }

    /// <inheritdoc/>
    public void WriteTo(ModelWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteHyperparameters(Options);
        FrameInput.WriteSchema(writer, _names, _kinds);
        writer.WriteDoubles("mean", _fit.Mean);
        writer.WriteMatrix("components", _fit.Components);
        writer.WriteDoubles("explained_variance", _fit.ExplainedVariance);
        writer.WriteDoubles("explained_variance_ratio", _fit.ExplainedVarianceRatio);
        writer.WriteDoubles("singular_values", _fit.SingularValues);
        writer.SetProperty("noise_variance", _fit.NoiseVariance);
        writer.SetProperty("rows", _fit.Rows);
    }

    internal static PCAModel ReadFrom(ModelReader reader)
    {
        var options = reader.ReadHyperparameters<PCA>();
        var (names, kinds) = FrameInput.ReadSchema(reader);
        int p = names.Length;
        var components = reader.ReadMatrix("components");
        if (components.Columns != p)
            throw new ModelFormatException($"The model file is damaged: PCA components have {components.Columns} columns for {p} input columns.");
        int k = components.Rows;
        var fit = new PcaFit(reader.ReadDoubles("mean", p), components, reader.ReadDoubles("explained_variance", k),
            reader.ReadDoubles("explained_variance_ratio", k), reader.ReadDoubles("singular_values", k),
            reader.GetDouble("noise_variance"), reader.GetInt("rows"));
        return new PCAModel(options, names, kinds, fit);
    }
}
