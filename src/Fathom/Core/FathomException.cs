namespace Fathom.Core;

/// <summary>
/// Base of every error Fathom raises for a user's mistake (bad data, bad hyperparameter, bad file).
/// The message is one readable sentence that names the row, column or parameter and says what to do;
/// the command line prints it on one line and exits with code 2.
/// </summary>
public class FathomException : Exception
{
    /// <summary>Creates the exception with a message.</summary>
    public FathomException(string message) : base(message) { }

    /// <summary>Creates the exception with a message and the error that caused it.</summary>
    public FathomException(string message, Exception innerException) : base(message, innerException) { }

    /// <summary>Creates the exception with no message (prefer the constructors that take one).</summary>
    public FathomException() : base("Fathom error.") { }
}
