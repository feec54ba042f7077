using Fathom.Core;
using Fathom.Data;
using Fathom.Numerics;
using Fathom.Persistence;

namespace Fathom.Decomposition;

/// <summary>
/// A fitted <see cref="PCA"/>: <c>Z = (X − Mean)·Componentsᵀ</c> (÷ √ExplainedVariance when whitened), output
/// columns <c>pca0, pca1, …</c> as scikit-learn's <c>get_feature_names_out</c>. Input columns are found by name.
/// Immutable and thread-safe.
/// </summary>
public sealed class PCAModel : ITransformerModel
{
    private readonly PcaFit _fit;
    private readonly PcaProjection _projection;

    internal PCAModel(PCA options, string[] names, ColumnKind[] kinds, PcaFit fit)
    {
        Options = options;
        _fit = fit;
        _projection = new PcaProjection("PCA", "pca", names, kinds, fit.Mean, fit.Components, fit.ExplainedVariance,
            fit.ExplainedVarianceRatio, fit.SingularValues, options.Whiten);
    }

    /// <summary>The hyperparameters it was fitted with.</summary>
    public PCA Options { get; }

    /// <summary>Principal axes, components × features (rows orthonormal, by decreasing variance), as a copy.</summary>
    public Matrix Components => _fit.Components.Clone();

    /// <summary>Number of components kept.</summary>
    public int ComponentCount => _projection.ComponentCount;

    /// <summary>Variance along each component: S²/(n − 1).</summary>
    public IReadOnlyList<double> ExplainedVariance => _projection.ExplainedVariance;

    /// <summary>Share of the total variance along each component (full solver: of all components' variance;
    /// randomized: of Σ column variances, as scikit-learn).</summary>
    public IReadOnlyList<double> ExplainedVarianceRatio => _projection.ExplainedVarianceRatio;

    /// <summary>Singular values of the centred data for the kept components.</summary>
    public IReadOnlyList<double> SingularValues => _projection.SingularValues;

    /// <summary>Column means subtracted before projecting.</summary>
    public IReadOnlyList<double> Mean => _projection.Mean;

    /// <summary>Probabilistic PCA noise variance (Tipping &amp; Bishop): the mean variance of the dropped components; 0 when none is dropped.</summary>
    public double NoiseVariance => _fit.NoiseVariance;

    /// <summary>Rows the model was fitted on.</summary>
    public int RowCount => _fit.Rows;

    /// <inheritdoc/>
    public IReadOnlyList<string> FeatureNamesIn => _projection.Names;

    /// <inheritdoc/>
    public IReadOnlyList<string> FeatureNamesOut => _projection.OutNames;

    /// <inheritdoc/>
    public int FeatureCount => _projection.FeatureCount;

    /// <inheritdoc/>
    public string ModelKind => "pca";

    /// <summary>Projects the fitted columns (found by name) on the components. O(n·p·k).</summary>
    /// <exception cref="InvalidInputException">A fitted column is missing or changed kind, or holds NaN/infinity.</exception>
    public DataFrame Transform(DataFrame x) => _projection.Transform(x);

    /// <summary>Projects a matrix whose columns are in fitted order.</summary>
    /// <exception cref="InvalidInputException">Wrong column count, NaN or infinity.</exception>
    public Matrix Transform(Matrix x) => _projection.Transform(x);

    /// <summary>Maps projections back to the input space: <c>X = Z·Components + Mean</c> (Z scaled back by
    /// √ExplainedVariance first when whitened). Exact when all components are kept.</summary>
    /// <exception cref="InvalidInputException">Wrong column count.</exception>
    public Matrix InverseTransform(Matrix z) => _projection.InverseTransform(z);

    /// <summary>Frame form of <see cref="InverseTransform(Matrix)"/>: reads columns pca0, pca1, … and returns the input column names.</summary>
    /// <exception cref="InvalidInputException">A pca column is missing or not numeric.</exception>
    public DataFrame InverseTransform(DataFrame z) => _projection.InverseTransform(z);

    /// <inheritdoc/>
    public void WriteTo(ModelWriter writer)
    {
        _projection.WriteHead(writer, Options);
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
        var (options, names, kinds, components) = PcaProjection.ReadHead<PCA>(reader, "PCA");
        int p = names.Length, k = components.Rows;
        var fit = new PcaFit(reader.ReadDoubles("mean", p), components, reader.ReadDoubles("explained_variance", k),
            reader.ReadDoubles("explained_variance_ratio", k), reader.ReadDoubles("singular_values", k),
            reader.GetDouble("noise_variance"), reader.GetInt("rows"));
        return new PCAModel(options, names, kinds, fit);
    }
}
