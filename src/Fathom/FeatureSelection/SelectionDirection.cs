namespace Fathom.FeatureSelection;

/// <summary>Whether <see cref="SequentialFeatureSelector"/> adds or removes columns.</summary>
public enum SelectionDirection
{
    /// <summary>Start empty and add the column that helps most, one at a time.</summary>
    Forward,

    /// <summary>Start with all columns and remove the one whose loss hurts least, one at a time.</summary>
    Backward,
}
