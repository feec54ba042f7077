namespace Fathom.ModelSelection;

/// <summary>One round of a successive-halving search.</summary>
/// <param name="Resources">Rows each candidate was trained and scored on (a subsample of every fold).</param>
/// <param name="Candidates">The candidates of this round with their mean cross-validated scores, in proposal order.</param>
public sealed record HalvingIteration(int Resources, IReadOnlyList<GridSearchCandidate> Candidates);
