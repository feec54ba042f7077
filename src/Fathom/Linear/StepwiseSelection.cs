using Fathom.Core;
using Fathom.Numerics;

namespace Fathom.Linear;

/// <summary>
/// Forward or backward stepwise selection of OLS features by AIC or BIC (with an intercept always in the
/// model): greedy moves, each the single addition or removal that lowers the criterion most, until none does.
/// The criterion is statsmodels' OLS AIC/BIC (k = rank of the design including the intercept); ties go to the
/// lower column index.
/// </summary>
/// <remarks>Each step tries at most p candidate fits of O(n · k²): O(n · p² · k²) in all, for k selected features.</remarks>
public static class StepwiseSelection
{
    /// <summary>Runs the search.</summary>
    /// <param name="x">Features (n × p), finite.</param>
    /// <param name="y">Targets, finite.</param>
    /// <param name="direction">Forward (from the intercept alone) or backward (from every feature).</param>
    /// <param name="criterion">AIC (default) or BIC.</param>
    /// <exception cref="InvalidInputException">Empty or non-finite data, a length mismatch, or no more rows than features.</exception>
    public static StepwiseResult Run(Matrix x, double[] y, StepwiseDirection direction = StepwiseDirection.Forward,
        StepwiseCriterion criterion = StepwiseCriterion.Aic)
    {
        const string name = nameof(StepwiseSelection);
        TargetChecks.Regression(x, y, null, name);
        if (x.Rows <= x.Columns + 1)
            throw new InvalidInputException($"{name}: {x.Rows} rows were given for {x.Columns} features; stepwise selection needs more rows than coefficients.");
        var current = direction == StepwiseDirection.Forward ? new List<int>() : Enumerable.Range(0, x.Columns).ToList();
        double best = Score(x, y, current, criterion);
        double initial = best;
        var steps = new List<StepwiseStep>();
        while (true)
        {
            int bestColumn = -1;
            double bestScore = best;
            var candidates = direction == StepwiseDirection.Forward
                ? Enumerable.Range(0, x.Columns).Where(c => !current.Contains(c))
                : current.ToList();
            foreach (int c in candidates)
            {
                var trial = direction == StepwiseDirection.Forward ? current.Append(c).Order().ToList() : current.Where(k => k != c).ToList();
                double score = Score(x, y, trial, criterion);
                if (score < bestScore) { bestScore = score; bestColumn = c; }
            }
            if (bestColumn < 0) break;
            if (direction == StepwiseDirection.Forward) { current.Add(bestColumn); current.Sort(); }
            else current.Remove(bestColumn);
            best = bestScore;
            steps.Add(new StepwiseStep(bestColumn, direction == StepwiseDirection.Forward, best));
        }
        return new StepwiseResult(current.ToArray(), best, initial, steps);
    }

    private static double Score(Matrix x, double[] y, IReadOnlyList<int> columns, StepwiseCriterion criterion)
    {
        var (llf, k) = OlsFit.LogLikelihood(x, y, columns, fitIntercept: true);
        return criterion == StepwiseCriterion.Aic ? -2 * llf + 2 * k : -2 * llf + Math.Log(x.Rows) * k;
    }
}
