using Fathom.Data;

namespace Fathom.Core;

/// <summary>A fitted transformer.</summary>
public interface ITransformerModel : IModel
{
    /// <summary>Names of the input columns the model was fitted on, in order. Transform looks columns
    /// up by these names, so extra columns and another column order are fine; a missing one is an error.</summary>
    IReadOnlyList<string> FeatureNamesIn { get; }

    /// <summary>Names of the columns <see cref="Transform"/> returns, in order.</summary>
    IReadOnlyList<string> FeatureNamesOut { get; }

    /// <summary>Applies the fitted transformation.</summary>
    DataFrame Transform(DataFrame x);
}
