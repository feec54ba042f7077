namespace Fathom.Preprocessing;

/// <summary>What <see cref="OneHotEncoderModel.Transform"/> does with a category it did not see at fit (or a missing value).</summary>
public enum UnknownCategoryHandling
{
    /// <summary>Throw an <see cref="Fathom.Core.InvalidInputException"/> naming the column, row and value.</summary>
    Error,

    /// <summary>Encode the row as all zeros in that column's output columns.</summary>
    Ignore,
}
