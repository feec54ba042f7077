namespace Fathom.ModelSelection;

/// <summary>Scores of <see cref="LearningCurve"/>: one row per training size, one column per fold.</summary>
/// <param name="Scoring">Scorer name.</param>
/// <param name="TrainSizes">Absolute training sizes used, ascending and distinct (scikit-learn's <c>train_sizes_abs</c>).</param>
/// <param name="TrainScores">Score on the rows each model was fitted on, [size][fold].</param>
/// <param name="TestScores">Score on each fold's held-out rows, [size][fold].</param>
public sealed record LearningCurveResult(string Scoring, int[] TrainSizes, double[][] TrainScores, double[][] TestScores)
{
    /// <summary>Mean training score per size.</summary>
    public double[] TrainMean => TrainScores.Select(r => r.Average()).ToArray();

    /// <summary>Mean test score per size.</summary>
    public double[] TestMean => TestScores.Select(r => r.Average()).ToArray();
}
