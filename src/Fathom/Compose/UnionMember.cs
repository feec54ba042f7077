using Fathom.Core;

namespace Fathom.Compose;

/// <summary>One named transformer of a <see cref="FeatureUnion"/>; its output columns are prefixed <c>Name__</c>.</summary>
/// <param name="Name">Unique name, without "__".</param>
/// <param name="Transformer">The transformer, fitted on the whole input frame.</param>
public sealed record UnionMember(string Name, ITransformer Transformer);
