using Fathom.Persistence;

namespace Fathom.Linear;

/// <summary>A fitted <see cref="Lasso"/>: ŷ = x·β + β₀ with a sparse β. Immutable and thread-safe.</summary>
public sealed class LassoModel : SparseLinearModel
{
    internal LassoModel(Lasso parameters, double[] coefficients, double intercept, int iterations, double dualGap, bool converged)
        : base(parameters, coefficients, intercept, iterations, dualGap, converged) => Parameters = parameters;

    /// <summary>The hyperparameters the model was fitted with.</summary>
    public Lasso Parameters { get; }

    /// <inheritdoc/>
    public override string ModelKind => "lasso";

    internal static LassoModel ReadFrom(ModelReader reader)
    {
        var parameters = reader.ReadHyperparameters<Lasso>();
        var (coef, intercept, iterations, gap, converged) = ReadState(reader, "lasso");
        return new LassoModel(parameters, coef, intercept, iterations, gap, converged);
    }
}
