using Fathom.Data;

namespace Fathom.Persistence;

/// <summary>One input column a model expects: its name, type and (for text columns) the categories seen in training.</summary>
public sealed record ColumnSchema(string Name, ColumnKind Kind, IReadOnlyList<string>? Categories = null);
