using Fathom.Persistence;

namespace Fathom.Linear;

/// <summary>A fitted <see cref="LassoCV"/>. Immutable and thread-safe.</summary>
public sealed class LassoCVModel : SparseLinearCVModel
{
    internal LassoCVModel(LassoCV parameters, SparseCVResult result) : base(parameters, result) => Parameters = parameters;

    /// <summary>The hyperparameters (with any explicit alpha grid) the model was fitted with.</summary>
    public LassoCV Parameters { get; }

    /// <inheritdoc/>
    public override string ModelKind => "lasso-cv";

    internal static LassoCVModel ReadFrom(ModelReader reader)
    {
        var parameters = reader.ReadHyperparameters<LassoCV>();
        return new LassoCVModel(parameters, SparseCV.Read(reader, "lasso-cv"));
    }
}
