namespace Fathom.ModelSelection;

/// <summary>The outcome of <see cref="SuccessiveHalving"/>.</summary>
/// <typeparam name="TEstimator">Estimator type.</typeparam>
/// <typeparam name="TModel">Model type.</typeparam>
/// <param name="Iterations">Every round: its resources and the candidates it scored.</param>
/// <param name="BestParameters">The best candidate of the last round.</param>
/// <param name="BestScore">Its mean score in the last round.</param>
/// <param name="BestEstimator">The estimator with those parameters.</param>
/// <param name="BestModel">The best estimator refitted on all rows, or null without refit.</param>
public sealed record HalvingResult<TEstimator, TModel>(IReadOnlyList<HalvingIteration> Iterations, IReadOnlyDictionary<string, string> BestParameters,
    double BestScore, TEstimator BestEstimator, TModel? BestModel);
