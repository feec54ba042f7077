using Fathom.Core;

namespace Fathom.Persistence;

/// <summary>A model read from a file, with its metadata and the manifest's facts.</summary>
public sealed record LoadedModel(IModel Model, ModelMetadata Metadata, int FormatVersion, string LibraryVersion, DateTimeOffset? CreatedUtc);
