namespace Fathom.Core;

/// <summary>
/// The data given to <c>Fit</c>, <c>Predict</c> or <c>Transform</c> cannot be used: NaN or infinity where
/// they are not allowed, no rows, a single class, a wrong number of features, an unseen category, wrong
/// label type. <see cref="Row"/> and <see cref="Column"/> locate the problem when it has one place.
/// </summary>
public class InvalidInputException : FathomException
{
    /// <summary>Creates the exception with a message and the place it refers to.</summary>
    public InvalidInputException(string message, int? row = null, string? column = null) : base(message)
    {
        Row = row;
        Column = column;
    }

    /// <summary>Creates the exception with a message.</summary>
    public InvalidInputException(string message) : base(message) { }

    /// <summary>Creates the exception with no message.</summary>
    public InvalidInputException() { }

    /// <summary>Creates the exception with a message and cause.</summary>
    public InvalidInputException(string message, Exception innerException) : base(message, innerException) { }

    /// <summary>0-based data row of the problem, if it is one row.</summary>
    public int? Row { get; }

    /// <summary>Column (feature) name or index of the problem, if it is one column.</summary>
    public string? Column { get; }
}
