using Fathom.Core;
using Fathom.Data;
using Fathom.Linear;
using Fathom.Numerics;

namespace Fathom.Preprocessing;

/// <summary>
/// Imputes each column with missing values by regressing it on the other columns, round-robin, like
/// scikit-learn's <c>IterativeImputer</c> (without posterior sampling): start from the column means; then, for
/// up to <see cref="MaxIter"/> rounds, visit the columns in ascending order of their fraction of missing values
/// (ties in column order), fit <see cref="Estimator"/> on the rows where the column is present (predictors:
/// all other columns, with their current imputations) and replace its missing cells by the predictions,
/// clipped to [<see cref="MinValue"/>, <see cref="MaxValue"/>]. Stop early when the largest row sum of absolute
/// changes in a round falls below <see cref="Tol"/> × the largest absolute observed value.
/// <para>Default estimator: <see cref="Ridge"/> with α = 1. scikit-learn's default is BayesianRidge, which Fathom
/// does not have yet; with the same estimator (Ridge) and order the results agree with scikit-learn (tested
/// to 1e−6). Any <see cref="IRegressor"/> can be given.</para>
/// <para>Difference from scikit-learn: a column with no value at fit is kept and filled with 0 rather than
/// dropped. The fitted model replays the learned sequence of regressions on new data (scikit-learn's
/// <c>transform</c>).</para> Fit is O(MaxIter × p × regression fit).
/// </summary>
public sealed record IterativeImputer : ITransformer
{
    /// <summary>The regressor fitted for each column at each round; null (default) = Ridge (α = 1).</summary>
    public IRegressor? Estimator { get; init; }

    /// <summary>Largest number of round-robin rounds (default 10).</summary>
    [Hyperparameter("Largest number of round-robin imputation rounds.", Min = 1)]
    public int MaxIter { get; init; } = 10;

    /// <summary>Relative stopping tolerance (default 1e−3).</summary>
    [Hyperparameter("Stop when a round changes the imputations by less than tol × the largest absolute observed value (max row sum of changes).", Min = 0)]
    public double Tol { get; init; } = 1e-3;

    /// <summary>Smallest imputed value (default −∞).</summary>
    [Hyperparameter("Imputed values are clipped below at this value.")]
    public double MinValue { get; init; } = double.NegativeInfinity;

    /// <summary>Largest imputed value (default +∞).</summary>
    [Hyperparameter("Imputed values are clipped above at this value.")]
    public double MaxValue { get; init; } = double.PositiveInfinity;

    /// <inheritdoc/>
    public EstimatorTags Tags { get; } = new() { SupportsSampleWeight = false, AllowsMissingValues = true };

    /// <summary>Runs the round-robin regressions and keeps their sequence.</summary>
    /// <exception cref="InvalidHyperparameterException">min_value above max_value.</exception>
    /// <exception cref="InvalidInputException">No rows or columns; a text or date column; an infinite value.</exception>
    public IterativeImputerModel Fit(DataFrame x, FitContext? context = null)
    {
        Hyperparameters.Validate(this);
        if (MinValue > MaxValue)
            throw new InvalidHyperparameterException("min_value", $"IterativeImputer: min_value = {MinValue} is above max_value = {MaxValue}.");
        var (names, kinds, cols) = NumericColumns.ReadFit(x, nameof(IterativeImputer), allowMissing: true);
        int n = x.RowCount, p = names.Length;
        var means = new double[p];
        var missing = new bool[p][];
        double maxAbs = 0;
        for (int j = 0; j < p; j++)
        {
            missing[j] = cols[j].Select(double.IsNaN).ToArray();
            var present = cols[j].Where(d => !double.IsNaN(d)).ToArray();
            if (present.Length == 0) context?.Warn($"IterativeImputer: column '{names[j]}' has no values at fit; it is kept and filled with 0 (scikit-learn would drop it).");
            means[j] = present.Length == 0 ? 0.0 : present.Average();
            foreach (double d in present) maxAbs = Math.Max(maxAbs, Math.Abs(d));
        }
        var order = Enumerable.Range(0, p).OrderBy(j => missing[j].Count(b => b) / (double)n).ToArray(); // stable
        var filled = new double[p][];
        for (int j = 0; j < p; j++) filled[j] = cols[j].Select(d => double.IsNaN(d) ? 0 : d).ToArray();
        for (int j = 0; j < p; j++)
            for (int i = 0; i < n; i++) if (missing[j][i]) filled[j][i] = means[j];
        var steps = new List<(int Column, IRegressionModel Model)>();
        double tol = Tol * maxAbs;
        var estimator = Estimator ?? new Ridge();
        int rounds = 0;
        if (p > 1)
            for (int it = 0; it < MaxIter; it++)
            {
                context?.ThrowIfCancellationRequested();
                var previous = filled.Select(c => (double[])c.Clone()).ToArray();
                foreach (int j in order)
                {
                    var model = IterativeImputerModel.FitOne(estimator, filled, missing[j], j, context);
                    steps.Add((j, model));
                    IterativeImputerModel.ImputeOne(model, filled, missing[j], j, MinValue, MaxValue);
                }
                rounds++;
                double change = 0;
                for (int i = 0; i < n; i++)
                {
                    double row = 0;
                    for (int j = 0; j < p; j++) row += Math.Abs(filled[j][i] - previous[j][i]);
                    change = Math.Max(change, row);
                }
                context?.Report("iterative-imputer", it + 1, MaxIter, $"change {change:G4}");
                if (change < tol) break;
            }
        return new IterativeImputerModel(this, names, kinds, means, steps.Select(s => s.Column).ToArray(), steps.Select(s => s.Model).ToArray(), rounds);
    }

    ITransformerModel ITransformer.Fit(DataFrame x, FitContext? context) => Fit(x, context);
}
