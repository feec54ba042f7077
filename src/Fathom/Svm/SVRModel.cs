using System.Collections.ObjectModel;
using Fathom.Core;
using Fathom.Linear;
using Fathom.Numerics;
using Fathom.Persistence;

namespace Fathom.Svm;

/// <summary>A fitted <see cref="SVR"/> or <see cref="NuSVR"/>: support vectors, their coefficients α − α* and the
/// intercept. Immutable and thread-safe.</summary>
public sealed class SVRModel : IRegressionModel
{
    private readonly KernelExpansion _state;
    private readonly string _kind;

    internal SVRModel(IRegressor parameters, string kind, KernelExpansion state, int iterations)
    {
        Parameters = parameters;
        _kind = kind;
        _state = state;
        Iterations = iterations;
    }

    /// <summary>The estimator (an <see cref="SVR"/> or a <see cref="NuSVR"/>) the model was fitted with.</summary>
    public IRegressor Parameters { get; }

    /// <inheritdoc/>
    public int FeatureCount => _state.SupportVectors.Columns;

    /// <inheritdoc/>
    public string ModelKind => _kind;

    /// <summary>Solver iterations (<c>n_iter_</c>).</summary>
    public int Iterations { get; }

    /// <summary>The kernel coefficient γ actually used.</summary>
    public double Gamma => _state.Kernel.Gamma;

    /// <summary>The support vectors (<c>support_vectors_</c>), as a copy.</summary>
    public Matrix SupportVectors => _state.SupportVectors.Clone();

    /// <summary>Training-row index of each support vector (<c>support_</c>).</summary>
    public IReadOnlyList<int> Support => new ReadOnlyCollection<int>(_state.SupportIndices);

    /// <summary>α − α* of each support vector (1 × n_SV, <c>dual_coef_</c>), as a copy.</summary>
    public Matrix DualCoef => _state.DualCoef.Clone();

    /// <summary>The intercept b = −ρ (<c>intercept_</c>).</summary>
    public double Intercept => _state.Intercept[0];

    /// <summary>Predictions Σ (α_i − α_i*) K(x_i, x) + b.</summary>
    /// <exception cref="InvalidInputException">Wrong feature count or non-finite values.</exception>
    public double[] Predict(Matrix x)
    {
        InputChecks.FeatureCount(x, FeatureCount, nameof(SVRModel));
        InputChecks.Finite(x, nameof(SVRModel));
        return _state.Decision(x).Column(0);
    }

    /// <inheritdoc/>
    public void WriteTo(ModelWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteHyperparameters(Parameters);
        writer.SetProperty("iterations", Iterations);
        _state.WriteTo(writer);
    }

    internal static SVRModel ReadFrom(ModelReader reader, bool nu)
    {
        string kind = nu ? "nu-svr" : "svr";
        IRegressor parameters = nu ? reader.ReadHyperparameters<NuSVR>() : reader.ReadHyperparameters<SVR>();
        var state = KernelExpansion.ReadFrom(reader, kind);
        if (state.NSupport.Length != 1)
            throw new ModelFormatException($"The model file is damaged: a {kind} model must have one group of support vectors.");
        return new SVRModel(parameters, kind, state, reader.GetInt("iterations"));
    }
}
