namespace Fathom.Linear;

/// <summary>How classes are weighted in the loss (scikit-learn's <c>class_weight</c>).</summary>
public enum ClassWeightMode
{
    /// <summary>Every class has weight 1.</summary>
    None,

    /// <summary>Class c has weight n / (classes · n_c), n_c its number of rows, so rare classes count as much as
    /// frequent ones (scikit-learn's "balanced"). Multiplies any sample weights.</summary>
    Balanced,
}
