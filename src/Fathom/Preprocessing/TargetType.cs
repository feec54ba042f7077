namespace Fathom.Preprocessing;

/// <summary>How <see cref="TargetEncoder"/> reads the target.</summary>
public enum TargetType
{
    /// <summary>Binary when the target has exactly two distinct values, else continuous.</summary>
    Auto,

    /// <summary>Real-valued target: categories are encoded by shrunk target means.</summary>
    Continuous,

    /// <summary>Two-valued target: the larger value is the positive class (1), categories are encoded by shrunk positive rates.</summary>
    Binary,
}
