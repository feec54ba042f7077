namespace Fathom.ModelSelection;

/// <summary>Per-fold scores of a cross-validation, one <see cref="CrossValidationScore"/> per scorer.</summary>
public sealed class CrossValidationResult
{
    private readonly CrossValidationScore[] _scores;

    internal CrossValidationResult(CrossValidationScore[] scores, int foldCount)
    {
        _scores = scores;
        FoldCount = foldCount;
    }

    /// <summary>Number of folds evaluated.</summary>
    public int FoldCount { get; }

    /// <summary>Results per scorer, in the order the scorers were given.</summary>
    public IReadOnlyList<CrossValidationScore> Scores => _scores;

    /// <summary>The results of the scorer called <paramref name="name"/>.</summary>
    /// <exception cref="KeyNotFoundException">No such scorer was evaluated.</exception>
    public CrossValidationScore this[string name] =>
        _scores.FirstOrDefault(s => s.Name == name.Trim().ToLowerInvariant().Replace('-', '_'))
        ?? throw new KeyNotFoundException($"Scorer '{name}' was not evaluated; evaluated: {string.Join(", ", _scores.Select(s => s.Name))}.");

    /// <inheritdoc/>
    public override string ToString() =>
        string.Join("; ", _scores.Select(s => FormattableString.Invariant($"{s.Name} {s.TestMean:G6} ± {s.TestStd:G4}")));
}
