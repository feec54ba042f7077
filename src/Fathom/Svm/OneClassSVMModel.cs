using System.Collections.ObjectModel;
using Fathom.Core;
using Fathom.Linear;
using Fathom.Numerics;
using Fathom.Persistence;

namespace Fathom.Svm;

/// <summary>A fitted <see cref="OneClassSVM"/>: support vectors, their α and the offset ρ. Immutable and thread-safe.</summary>
public sealed class OneClassSVMModel : IModel
{
    private readonly KernelExpansion _state;

    internal OneClassSVMModel(OneClassSVM parameters, KernelExpansion state, int iterations)
    {
        Parameters = parameters;
        _state = state;
        Iterations = iterations;
    }

    /// <summary>The hyperparameters the model was fitted with.</summary>
    public OneClassSVM Parameters { get; }

    /// <inheritdoc/>
    public int FeatureCount => _state.SupportVectors.Columns;

    /// <inheritdoc/>
    public string ModelKind => "one-class-svm";

    /// <summary>Solver iterations (<c>n_iter_</c>).</summary>
    public int Iterations { get; }

    /// <summary>The kernel coefficient γ actually used.</summary>
    public double Gamma => _state.Kernel.Gamma;

    /// <summary>The support vectors (<c>support_vectors_</c>), as a copy.</summary>
    public Matrix SupportVectors => _state.SupportVectors.Clone();

    /// <summary>Training-row index of each support vector (<c>support_</c>).</summary>
    public IReadOnlyList<int> Support => new ReadOnlyCollection<int>(_state.SupportIndices);

    /// <summary>α of each support vector (1 × n_SV, <c>dual_coef_</c>), as a copy.</summary>
    public Matrix DualCoef => _state.DualCoef.Clone();

    /// <summary>−ρ (<c>intercept_</c>).</summary>
    public double Intercept => _state.Intercept[0];

    /// <summary>ρ, the offset subtracted from <see cref="ScoreSamples"/> (<c>offset_</c>).</summary>
    public double Offset => -_state.Intercept[0];

    /// <summary>Signed distance to the boundary, Σ α_i K(x_i, x) − ρ: positive for inliers.</summary>
    /// <exception cref="InvalidInputException">Wrong feature count or non-finite values.</exception>
    public double[] DecisionFunction(Matrix x)
    {
        InputChecks.FeatureCount(x, FeatureCount, nameof(OneClassSVMModel));
        InputChecks.Finite(x, nameof(OneClassSVMModel));
        return _state.Decision(x).Column(0);
    }

    /// <summary>Unshifted score Σ α_i K(x_i, x) (<c>score_samples</c>): the decision plus ρ.</summary>
    public double[] ScoreSamples(Matrix x)
    {
        var d = DecisionFunction(x);
        for (int i = 0; i < d.Length; i++) d[i] += Offset;
        return d;
    }

    /// <summary>+1 for inliers (decision &gt; 0), −1 for outliers, as scikit-learn.</summary>
    public int[] Predict(Matrix x) => DecisionFunction(x).Select(v => v > 0 ? 1 : -1).ToArray();

    /// <inheritdoc/>
    public void WriteTo(ModelWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteHyperparameters(Parameters);
        writer.SetProperty("iterations", Iterations);
        _state.WriteTo(writer);
    }

    internal static OneClassSVMModel ReadFrom(ModelReader reader)
    {
        var parameters = reader.ReadHyperparameters<OneClassSVM>();
        var state = KernelExpansion.ReadFrom(reader, "one-class-svm");
        if (state.NSupport.Length != 1)
            throw new ModelFormatException("The model file is damaged: a one-class-svm model must have one group of support vectors.");
        return new OneClassSVMModel(parameters, state, reader.GetInt("iterations"));
    }
}
