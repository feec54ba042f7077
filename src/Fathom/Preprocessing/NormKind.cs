namespace Fathom.Preprocessing;

/// <summary>Which norm <see cref="Normalizer"/> divides each row by.</summary>
public enum NormKind
{
    /// <summary>Sum of absolute values.</summary>
    L1,

    /// <summary>Euclidean length √Σx².</summary>
    L2,

    /// <summary>Largest absolute value.</summary>
    Max,
}
