namespace Fathom.Core;

/// <summary>The type class labels arrived as; it fixes how classes are ordered (numerically or ordinally).</summary>
public enum LabelKind
{
    /// <summary>Text labels, ordered by ordinal string comparison (as scikit-learn's <c>np.unique</c>).</summary>
    Text,

    /// <summary>Integer labels, ordered numerically.</summary>
    Integer,

    /// <summary>Floating-point labels, ordered numerically.</summary>
    Real,

    /// <summary>Boolean labels, false before true.</summary>
    Boolean,
}
