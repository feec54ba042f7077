using System.Collections.ObjectModel;
using System.Globalization;
using Fathom.Core;
using Fathom.Data;
using Fathom.Numerics;
using Fathom.Persistence;
using Fathom.Preprocessing;

namespace Fathom.Decomposition;

/// <summary>
/// A fitted <see cref="IncrementalPCA"/>: <c>Z = (X − Mean)·Componentsᵀ</c> (÷ √ExplainedVariance when whitened),
/// output columns incrementalpca0, …. <see cref="PartialFit"/> returns a new model that has also seen another batch.
/// Immutable and thread-safe.
/// </summary>
public sealed class IncrementalPCAModel : ITransformerModel
{
    private readonly string[] _names;
    private readonly ColumnKind[] _kinds;
    private readonly string[] _outNames;
    private readonly IncrementalPcaState _state;

    internal IncrementalPCAModel(IncrementalPCA options, string[] names, ColumnKind[] kinds, IncrementalPcaState state)
    {
        Options = options;
        _names = names;
        _kinds = kinds;
        _state = state;
        _outNames = Enumerable.Range(0, state.Components).Select(i => "incrementalpca" + i.ToString(CultureInfo.InvariantCulture)).ToArray();
    }

    /// <summary>The hyperparameters it was fitted with.</summary>
    public IncrementalPCA Options { get; }

    /// <summary>Principal axes, components × features, as a copy.</summary>
    public Matrix Components => _state.ComponentsMatrix.Clone();

    /// <summary>Variance along each component: S²/(n − 1).</summary>
    public IReadOnlyList<double> ExplainedVariance => new ReadOnlyCollection<double>(_state.ExplainedVariance);

    /// <summary>Share of the total variance along each component.</summary>
    public IReadOnlyList<double> ExplainedVarianceRatio => new ReadOnlyCollection<double>(_state.ExplainedVarianceRatio);

    /// <summary>Singular values of the (implicitly) centred data seen so far.</summary>
    public IReadOnlyList<double> SingularValues => new ReadOnlyCollection<double>(_state.SingularValues);

    /// <summary>Running column means.</summary>
    public IReadOnlyList<double> Mean => new ReadOnlyCollection<double>(_state.Mean);

    /// <summary>Running column variances (ddof 0).</summary>
    public IReadOnlyList<double> Variance => new ReadOnlyCollection<double>(_state.Variance);

    /// <summary>Mean variance of the dropped components of the last update (0 when none).</summary>
    public double NoiseVariance => _state.NoiseVariance;

    /// <summary>Rows seen.</summary>
    public long SamplesSeen => _state.Seen;

    /// <inheritdoc/>
    public IReadOnlyList<string> FeatureNamesIn => _names;

    /// <inheritdoc/>
    public IReadOnlyList<string> FeatureNamesOut => _outNames;

    /// <inheritdoc/>
    public int FeatureCount => _names.Length;

    /// <inheritdoc/>
    public string ModelKind => "incremental-pca";

    /// <summary>A new model updated with another batch (columns in fitted order). O((k + m)·p·min(k + m, p)).</summary>
    /// <exception cref="InvalidInputException">Wrong column count, no rows, NaN or infinity.</exception>
    /// <exception cref="InvalidHyperparameterException">The batch has fewer rows than components.</exception>
    public IncrementalPCAModel PartialFit(Matrix batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        Linear.InputChecks.FeatureCount(batch, FeatureCount, "IncrementalPCAModel");
        Linear.InputChecks.Finite(batch, "IncrementalPCAModel");
        if (batch.Rows == 0) throw new InvalidInputException("IncrementalPCAModel.PartialFit: the batch has no rows.");
        IncrementalPCA.CheckComponents(_state.Components, batch);
        return new IncrementalPCAModel(Options, _names, _kinds, IncrementalPcaState.Update(_state, batch, _state.Components));
    }

    /// <summary>Projects rows (columns found by name).</summary>
    /// <exception cref="InvalidInputException">A fitted column is missing or changed kind, or holds NaN/infinity.</exception>
    public DataFrame Transform(DataFrame x)
    {
        ArgumentNullException.ThrowIfNull(x);
        var m = FrameInput.FiniteMatrix(x, _names, _kinds, "IncrementalPCA");
        return DataFrame.FromMatrix(Project(m), _outNames);
    }

    /// <summary>Projects rows whose columns are in fitted order.</summary>
    /// <exception cref="InvalidInputException">Wrong column count, NaN or infinity.</exception>
    public Matrix Transform(Matrix x)
    {
        ArgumentNullException.ThrowIfNull(x);
        Linear.InputChecks.FeatureCount(x, FeatureCount, "IncrementalPCAModel");
        Linear.InputChecks.Finite(x, "IncrementalPCAModel");
        return Project(x.Clone());
    }

    private Matrix Project(Matrix m)
    {
        for (int i = 0; i < m.Rows; i++) System.Numerics.Tensors.TensorPrimitives.Subtract(m.Row(i), _state.Mean, m.Row(i));
        var z = MatrixOps.MultiplyTransposed(m, _state.ComponentsMatrix);
        if (Options.Whiten)
        {
            var scale = _state.ExplainedVariance.Select(Math.Sqrt).ToArray();
            for (int i = 0; i < z.Rows; i++) System.Numerics.Tensors.TensorPrimitives.Divide(z.Row(i), scale, z.Row(i));
        }
        return z;
    }

    /// <inheritdoc/>
    public void WriteTo(ModelWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteHyperparameters(Options);
        FrameInput.WriteSchema(writer, _names, _kinds);
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
        var options = reader.ReadHyperparameters<IncrementalPCA>();
        var (names, kinds) = FrameInput.ReadSchema(reader);
        var c = reader.ReadMatrix("components");
        int p = names.Length, k = c.Rows;
        if (c.Columns != p)
            throw new ModelFormatException($"The model file is damaged: IncrementalPCA components have {c.Columns} columns for {p} input columns.");
        var state = new IncrementalPcaState(k, (long)reader.GetDouble("samples_seen"), reader.ReadDoubles("mean", p), reader.ReadDoubles("variance", p), c,
            reader.ReadDoubles("singular_values", k), reader.ReadDoubles("explained_variance", k), reader.ReadDoubles("explained_variance_ratio", k),
            reader.GetDouble("noise_variance"));
        return new IncrementalPCAModel(options, names, kinds, state);
    }
}
