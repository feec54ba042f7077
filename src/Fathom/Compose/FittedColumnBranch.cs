using Fathom.Core;

namespace Fathom.Compose;

/// <summary>A fitted branch of a <see cref="ColumnTransformerModel"/>.</summary>
/// <param name="Name">Branch name.</param>
/// <param name="Model">The fitted transformer.</param>
/// <param name="Columns">The input columns it was fitted on, in order.</param>
public sealed record FittedColumnBranch(string Name, ITransformerModel Model, IReadOnlyList<string> Columns);
