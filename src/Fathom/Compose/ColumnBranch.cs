using Fathom.Core;

namespace Fathom.Compose;

/// <summary>One branch of a <see cref="ColumnTransformer"/>: a name (the output prefix), the transformer, and
/// the columns it takes.</summary>
/// <param name="Name">Branch name; output columns are named <c>Name__column</c> (when verbose). Unique,
/// non-empty, without "__", and not "remainder".</param>
/// <param name="Transformer">The transformer fitted on the selected columns (may be a <see cref="Pipeline"/>).</param>
/// <param name="Columns">The columns it takes; a branch that selects none is skipped.</param>
public sealed record ColumnBranch(string Name, ITransformer Transformer, ColumnSelector Columns);
