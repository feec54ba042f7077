using Fathom.Persistence;

namespace Fathom.Linear;

/// <summary>A fitted <see cref="ElasticNetCV"/>. Immutable and thread-safe.</summary>
public sealed class ElasticNetCVModel : SparseLinearCVModel
{
    internal ElasticNetCVModel(ElasticNetCV parameters, SparseCVResult result) : base(parameters, result) => Parameters = parameters;

    /// <summary>The hyperparameters (with any explicit alpha grid) the model was fitted with.</summary>
    public ElasticNetCV Parameters { get; }

    /// <inheritdoc/>
    public override string ModelKind => "elastic-net-cv";

    internal static ElasticNetCVModel ReadFrom(ModelReader reader)
    {
        var parameters = reader.ReadHyperparameters<ElasticNetCV>();
        return new ElasticNetCVModel(parameters, SparseCV.Read(reader, "elastic-net-cv"));
    }
}
