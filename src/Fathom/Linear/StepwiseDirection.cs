namespace Fathom.Linear;

/// <summary>Direction of a stepwise search.</summary>
public enum StepwiseDirection
{
    /// <summary>Start from the intercept alone and add the feature that lowers the criterion most, while one does.</summary>
    Forward,

    /// <summary>Start from every feature and remove the one whose removal lowers the criterion most, while one does.</summary>
    Backward,
}
