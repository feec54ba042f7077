namespace Fathom.Preprocessing;

/// <summary>What <see cref="SimpleImputer"/> fills missing values with.</summary>
public enum ImputeStrategy
{
    /// <summary>The column's mean (numeric columns only).</summary>
    Mean,

    /// <summary>The column's median; the average of the two middle values for an even count (numeric only).</summary>
    Median,

    /// <summary>The most frequent value; ties go to the smallest (numerically, or ordinally for text), as scikit-learn.</summary>
    MostFrequent,

    /// <summary>A fixed value: <see cref="SimpleImputer.FillValue"/> for numbers, <see cref="SimpleImputer.FillText"/> for text.</summary>
    Constant,
}
