namespace Fathom.Compose;

/// <summary>What <see cref="ColumnTransformer"/> does with the columns no branch selects.</summary>
public enum RemainderHandling
{
    /// <summary>Leave them out of the output (scikit-learn's default).</summary>
    Drop,

    /// <summary>Append them unchanged after the branches' outputs, in input order.</summary>
    Passthrough,
}
