using Fathom.Persistence;

namespace Fathom.Linear;

/// <summary>A fitted <see cref="ElasticNet"/>: ŷ = x·β + β₀ with a sparse β. Immutable and thread-safe.</summary>
public sealed class ElasticNetModel : SparseLinearModel
{
    internal ElasticNetModel(ElasticNet parameters, double[] coefficients, double intercept, int iterations, double dualGap, bool converged)
        : base(parameters, coefficients, intercept, iterations, dualGap, converged) => Parameters = parameters;

    /// <summary>The hyperparameters the model was fitted with.</summary>
    public ElasticNet Parameters { get; }

    /// <inheritdoc/>
    public override string ModelKind => "elastic-net";

    internal static ElasticNetModel ReadFrom(ModelReader reader)
    {
        var parameters = reader.ReadHyperparameters<ElasticNet>();
        var (coef, intercept, iterations, gap, converged) = ReadState(reader, "elastic-net");
        return new ElasticNetModel(parameters, coef, intercept, iterations, gap, converged);
    }
}
