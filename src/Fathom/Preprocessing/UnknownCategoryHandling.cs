namespace Fathom.Preprocessing;

/// <summary>What <see cref="OneHotEncoderModel.Transform"/> does with a category it did not see at fit (or a missing value).</summary>
public enum UnknownCategoryHandling
{
    /// <summary>Throw an <see cref="Fathom.Core.InvalidInputException"/> naming the column, row and value.</summary>
    Error,

    /// <summary>Encode the row as all zeros in that column's output columns.</summary>
    Ignore,

    /// <summary>Encode it as the column's infrequent category when it has one (see
    /// <see cref="OneHotEncoder.MinFrequency"/>, <see cref="OneHotEncoder.MaxCategories"/>), else all zeros
    /// (scikit-learn's <c>infrequent_if_exist</c>).</summary>
    InfrequentIfExist,
}
