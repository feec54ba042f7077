using Fathom.Persistence;

namespace Fathom.Core;

/// <summary>
/// A fitted model: immutable, safe to call from many threads at once, and saveable to a <c>.fathom</c> file.
/// </summary>
public interface IModel
{
    /// <summary>Number of input features the model was fitted on; inputs with another count are rejected.</summary>
    int FeatureCount { get; }

    /// <summary>The model kind written to the file's manifest (kebab-case, on <see cref="ModelKinds"/>' allow-list).</summary>
    string ModelKind { get; }

    /// <summary>Writes hyperparameters and learned state. Called by <see cref="ModelFile.Save"/>.</summary>
    void WriteTo(ModelWriter writer);
}
