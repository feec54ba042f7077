namespace Fathom.Core;

/// <summary>
/// A model file cannot be loaded: truncated or corrupted, an entry whose SHA-256 does not match the
/// manifest, a model kind not on the allow-list, or a format version newer than this library reads.
/// </summary>
public sealed class ModelFormatException : FathomException
{
    /// <summary>Creates the exception with a message.</summary>
    public ModelFormatException(string message) : base(message) { }

    /// <summary>Creates the exception with a message and cause.</summary>
    public ModelFormatException(string message, Exception innerException) : base(message, innerException) { }

    /// <summary>Creates the exception with no message.</summary>
    public ModelFormatException() { }
}
