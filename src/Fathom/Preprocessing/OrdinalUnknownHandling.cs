namespace Fathom.Preprocessing;

/// <summary>What <see cref="OrdinalEncoderModel.Transform"/> does with a category it did not see at fit.</summary>
public enum OrdinalUnknownHandling
{
    /// <summary>Throw an <see cref="Fathom.Core.InvalidInputException"/> naming the column, row and value.</summary>
    Error,

    /// <summary>Write <see cref="OrdinalEncoder.UnknownValue"/> (scikit-learn's use_encoded_value).</summary>
    UseEncodedValue,
}
