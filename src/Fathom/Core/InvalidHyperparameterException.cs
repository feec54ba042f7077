namespace Fathom.Core;

/// <summary>A hyperparameter is out of its valid range or of the wrong form; <see cref="Parameter"/> names it.</summary>
public sealed class InvalidHyperparameterException : FathomException
{
    /// <summary>Creates the exception for parameter <paramref name="parameter"/>.</summary>
    public InvalidHyperparameterException(string parameter, string message) : base(message) => Parameter = parameter;

    /// <summary>Creates the exception with a message only.</summary>
    public InvalidHyperparameterException(string message) : base(message) => Parameter = "";

    /// <summary>Creates the exception with no message.</summary>
    public InvalidHyperparameterException() => Parameter = "";

    /// <summary>Creates the exception with a message and cause.</summary>
    public InvalidHyperparameterException(string message, Exception innerException) : base(message, innerException) => Parameter = "";

    /// <summary>The snake_case name of the offending hyperparameter (as the command line spells it).</summary>
    public string Parameter { get; }
}
