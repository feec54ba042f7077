namespace Fathom.ModelSelection;

/// <summary>Outcome of a grid search: every candidate in grid order, the best one and its model refitted on all rows.</summary>
/// <typeparam name="TEstimator">Estimator type searched.</typeparam>
/// <typeparam name="TModel">Model type the estimator fits.</typeparam>
public sealed class GridSearchResult<TEstimator, TModel>
{
    internal GridSearchResult(string scoring, IReadOnlyList<GridSearchCandidate> candidates, int bestIndex,
        TEstimator bestEstimator, TModel? bestModel)
    {
        Scoring = scoring;
        Candidates = candidates;
        BestIndex = bestIndex;
        BestEstimator = bestEstimator;
        BestModel = bestModel;
    }

    /// <summary>Name of the scorer that ranked the candidates.</summary>
    public string Scoring { get; }

    /// <summary>All candidates in grid order (keys sorted, the last key varying fastest, like scikit-learn's ParameterGrid).</summary>
    public IReadOnlyList<GridSearchCandidate> Candidates { get; }

    /// <summary>Index in <see cref="Candidates"/> of the best candidate (the first of any ties).</summary>
    public int BestIndex { get; }

    /// <summary>Parameter values of the best candidate.</summary>
    public IReadOnlyDictionary<string, string> BestParameters => Candidates[BestIndex].Parameters;

    /// <summary>Mean cross-validated score of the best candidate.</summary>
    public double BestScore => Candidates[BestIndex].MeanScore;

    /// <summary>The estimator with the best parameters.</summary>
    public TEstimator BestEstimator { get; }

    /// <summary>The best estimator refitted on all rows, or null when refitting was switched off.</summary>
    public TModel? BestModel { get; }
}
