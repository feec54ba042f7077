namespace Fathom.ModelSelection;

/// <summary>The outcome of <see cref="NestedCrossValidation"/>: one honest score per outer fold and what the inner search chose there.</summary>
/// <param name="Scoring">The scorer's name.</param>
/// <param name="OuterScores">Score of each outer fold's tuned model on that fold's held-out rows.</param>
/// <param name="BestParameters">The parameters the inner search chose in each outer fold.</param>
public sealed record NestedCrossValidationResult(string Scoring, IReadOnlyList<double> OuterScores,
    IReadOnlyList<IReadOnlyDictionary<string, string>> BestParameters)
{
    /// <summary>Mean of the outer scores: the estimate of how well "tune, then fit" generalizes.</summary>
    public double Mean => OuterScores.Average();

    /// <summary>Population standard deviation of the outer scores.</summary>
    public double Std => CrossValidationScore.Std(OuterScores.ToArray());
}
