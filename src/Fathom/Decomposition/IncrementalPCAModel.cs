using Fathom.Core;
using Fathom.Data;
using Fathom.Numerics;
using Fathom.Persistence;

namespace Fathom.Decomposition;

/// <summary>
/// A fitted <see cref="IncrementalPCA"/>: <c>Z = (X − Mean)·Componentsᵀ</c> (÷ √ExplainedVariance when whitened),
/// output columns incrementalpca0, …. <see cref="PartialFit"/> returns a new model that has also seen another batch.
/// Immutable and thread-safe.
/// </summary>
public sealed class IncrementalPCAModel : ITransformerModel
{
    private readonly IncrementalPcaState _state;
    private readonly PcaProjection _projection;

    internal IncrementalPCAModel(IncrementalPCA options, string[] names, ColumnKind[] kinds, IncrementalPcaState state)
    {
        Options = options;
        _state = state;
        _projection = new PcaProjection("IncrementalPCA", "incrementalpca", names, kinds, state.Mean, state.ComponentsMatrix,
            state.ExplainedVariance, state.ExplainedVarianceRatio, state.SingularValues, options.Whiten);
    }

    /// <summary>The hyperparameters it was fitted with.</summary>
    public IncrementalPCA Options { get; }

    /// <summary>Principal axes, components × features, as a copy.</summary>
    public Matrix Components => _state.ComponentsMatrix.Clone();

    /// <summary>Variance along each component: S²/(n − 1).</summary>
    public IReadOnlyList<double> ExplainedVariance => _projection.ExplainedVariance;

    /// <summary>Share of the total variance along each component.</summary>
    public IReadOnlyList<double> ExplainedVarianceRatio => _projection.ExplainedVarianceRatio;

    /// <summary>Singular values of the (implicitly) centred data seen so far.</summary>
    public IReadOnlyList<double> SingularValues => _projection.SingularValues;

    /// <summary>Running column means.</summary>
    public IReadOnlyList<double> Mean => _projection.Mean;

    /// <summary>Running column variances (ddof 0).</summary>
    public IReadOnlyList<double> Variance => Array.AsReadOnly(_state.Variance);

    /// <summary>Mean variance of the dropped components of the last update (0 when none).</summary>
    public double NoiseVariance => _state.NoiseVariance;

    /// <summary>Rows seen.</summary>
    public long SamplesSeen => _state.Seen;

    /// <inheritdoc/>
    public IReadOnlyList<string> FeatureNamesIn => _projection.Names;

    /// <inheritdoc/>
    public IReadOnlyList<string> FeatureNamesOut => _projection.OutNames;

    /// <inheritdoc/>
    public int FeatureCount => _projection.FeatureCount;

    /// <inheritdoc/>
    public string ModelKind => "incremental-pca";

    /// <summary>A new model updated with another batch (columns in fitted order). O((k + m)·p·min(k + m, p)).</summary>
    /// <exception cref="InvalidInputException">Wrong column count, no rows, NaN or infinity.</exception>
    /// <exception cref="InvalidHyperparameterException">The batch has fewer rows than components.</exception>
    public IncrementalPCAModel PartialFit(Matrix batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        _projection.CheckRows(batch);
        if (batch.Rows == 0) throw new InvalidInputException("IncrementalPCAModel.PartialFit: the batch has no rows.");
        IncrementalPCA.CheckComponents(_state.Components, batch);
        return new IncrementalPCAModel(Options, _projection.Names, _projection.Kinds, IncrementalPcaState.Update(_state, batch, _state.Components));
    }

    /// <summary>Projects rows (columns found by name).</summary>
    /// <exception cref="InvalidInputException">A fitted column is missing or changed kind, or holds NaN/infinity.</exception>
    public DataFrame Transform(DataFrame x) => _projection.Transform(x);

    /// <summary>Projects rows whose columns are in fitted order.</summary>
    /// <exception cref="InvalidInputException">Wrong column count, NaN or infinity.</exception>
    public Matrix Transform(Matrix x) => _projection.Transform(x);

    /// <inheritdoc/>
    public void WriteTo(ModelWriter writer)
    {
        _projection.WriteHead(writer, Options);
        writer.WriteMatrix("components", _state.ComponentsMatrix);
        writer.WriteDoubles("mean", _state.Mean);
        writer.WriteDoubles("variance", _state.Variance);
        writer.WriteDoubles("singular_values", _state.SingularValues);
        writer.WriteDoubles("explained_variance", _state.ExplainedVariance);
        writer.WriteDoubles("explained_variance_ratio", _state.ExplainedVarianceRatio);
        writer.SetProperty("noise_variance", _state.NoiseVariance);
        writer.SetProperty("samples_seen", _state.Seen);
    }

    internal static IncrementalPCAModel ReadFrom(ModelReader reader)
    {
        var (options, names, kinds, c) = PcaProjection.ReadHead<IncrementalPCA>(reader, "IncrementalPCA");
        int p = names.Length, k = c.Rows;
        var state = new IncrementalPcaState(k, (long)reader.GetDouble("samples_seen"), reader.ReadDoubles("mean", p), reader.ReadDoubles("variance", p), c,
            reader.ReadDoubles("singular_values", k), reader.ReadDoubles("explained_variance", k), reader.ReadDoubles("explained_variance_ratio", k),
            reader.GetDouble("noise_variance"));
        return new IncrementalPCAModel(options, names, kinds, state);
    }
}
