namespace Fathom.ModelSelection;

/// <summary>One bracket of a Hyperband search: a successive-halving run with its own start.</summary>
/// <param name="Candidates">Candidates drawn for the bracket.</param>
/// <param name="MinResources">Rows of its first round.</param>
/// <param name="Iterations">Its rounds (rows and scored candidates).</param>
/// <param name="BestParameters">Its best candidate.</param>
/// <param name="BestScore">That candidate's mean score in the bracket's last round.</param>
public sealed record HyperbandBracket(int Candidates, int MinResources, IReadOnlyList<HalvingIteration> Iterations,
    IReadOnlyDictionary<string, string> BestParameters, double BestScore);
