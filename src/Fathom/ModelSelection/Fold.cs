namespace Fathom.ModelSelection;

/// <summary>One cross-validation split: row indices to fit on and row indices to score on, both ascending
/// unless the splitter documents otherwise. Deconstructs as <c>var (train, test) = fold;</c>.</summary>
/// <param name="Train">Rows used for fitting.</param>
/// <param name="Test">Rows held out for scoring.</param>
public readonly record struct Fold(int[] Train, int[] Test);
