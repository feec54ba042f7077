using Fathom.Core;
using Fathom.Data;

namespace Fathom.FeatureSelection;

/// <summary>
/// Recursive feature elimination, like scikit-learn's <c>RFE</c>: fit the <see cref="Estimator"/> on the
/// remaining columns, drop the <see cref="Step"/> least important (absolute coefficients or feature
/// importances; ties drop the earlier column), repeat until <see cref="NFeaturesToSelect"/> remain.
/// <see cref="FeatureSelectionModel.Ranking"/> is 1 for kept columns and grows with how early a column went.
/// O(rounds × fit).
/// </summary>
public sealed record RFE : IEstimator
{
    /// <summary>The model refitted at each round (must be set).</summary>
    public IEstimator? Estimator { get; init; }

    /// <summary>Columns to keep; null (default) = half, rounded down.</summary>
    [Hyperparameter("Number of columns to keep (none = half of them).", Min = 1, NullMeans = "half")]
    public int? NFeaturesToSelect { get; init; }

    /// <summary>Columns removed per round (default 1).</summary>
    [Hyperparameter("Number of columns removed at each round.", Min = 1)]
    public int Step { get; init; } = 1;

    /// <inheritdoc/>
    public EstimatorTags Tags { get; } = new() { SupportsSampleWeight = false };

    /// <summary>Eliminates columns until the wanted number remain.</summary>
    /// <exception cref="InvalidHyperparameterException">No estimator, or one without importances/coefficients.</exception>
    /// <exception cref="InvalidInputException">Bad data or target.</exception>
    public FeatureSelectionModel Fit(DataFrame x, double[] y, FitContext? context = null)
    {
        Hyperparameters.Validate(this);
        if (Estimator is null)
            throw new InvalidHyperparameterException("estimator", "RFE: no estimator; give one with coefficients or feature importances.");
        var (names, kinds, cols) = SelectionInput.Read(x, y, nameof(RFE));
        int p = names.Length;
        int target = Math.Min(NFeaturesToSelect ?? Math.Max(1, p / 2), p);
        var remaining = Enumerable.Range(0, p).ToList();
        var ranking = Enumerable.Repeat(1, p).ToArray();
        var rounds = new List<int[]>();
        double[] importances = new double[p];
        while (remaining.Count > target)
        {
            context?.ThrowIfCancellationRequested();
            var model = ModelImportance.FitEstimator(Estimator, ModelImportance.ToMatrix(cols, remaining, x.RowCount), y, context);
            var imp = ModelImportance.Of(model, remaining.Count, nameof(RFE));
            int drop = Math.Min(Step, remaining.Count - target);
            var order = Enumerable.Range(0, remaining.Count).OrderBy(k => imp[k]).Take(drop).Select(k => remaining[k]).ToArray();
            rounds.Add(order);
            foreach (int j in order) remaining.Remove(j);
        }
        for (int r = 0; r < rounds.Count; r++)
            foreach (int j in rounds[r]) ranking[j] = rounds.Count - r + 1;
        var finalModel = ModelImportance.FitEstimator(Estimator, ModelImportance.ToMatrix(cols, remaining, x.RowCount), y, context);
        var finalImp = ModelImportance.Of(finalModel, remaining.Count, nameof(RFE));
        for (int k = 0; k < remaining.Count; k++) importances[remaining[k]] = finalImp[k];
        var support = new bool[p];
        foreach (int j in remaining) support[j] = true;
        return new FeatureSelectionModel("rfe", this, names, kinds, support, importances, ranking: ranking);
    }
}
