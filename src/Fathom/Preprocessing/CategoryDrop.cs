namespace Fathom.Preprocessing;

/// <summary>Which category of each column <see cref="OneHotEncoder"/> leaves out (to avoid collinear columns).</summary>
public enum CategoryDrop
{
    /// <summary>Keep one output column per category.</summary>
    None,

    /// <summary>Drop the first (smallest) category of every column.</summary>
    First,

    /// <summary>Drop the first category only of columns with exactly two categories.</summary>
    IfBinary,
}
