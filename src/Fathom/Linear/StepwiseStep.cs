namespace Fathom.Linear;

/// <summary>One move of a stepwise search.</summary>
/// <param name="Column">The feature column added (forward) or removed (backward).</param>
/// <param name="Added">True when the column was added, false when removed.</param>
/// <param name="Criterion">The criterion of the model after the move.</param>
public readonly record struct StepwiseStep(int Column, bool Added, double Criterion);
