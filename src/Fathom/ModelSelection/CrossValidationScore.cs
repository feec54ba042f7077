namespace Fathom.ModelSelection;

/// <summary>One scorer's results over the folds of a cross-validation.</summary>
/// <param name="Name">Scorer name from <see cref="Fathom.Metrics.Scorers"/>.</param>
/// <param name="GreaterIsBetter">True for scores (accuracy, r2), false for losses (log_loss, rmse).</param>
/// <param name="Test">Score on each fold's test rows, in fold order.</param>
/// <param name="Train">Score on each fold's training rows, or null when train scores were not requested.</param>
public sealed record CrossValidationScore(string Name, bool GreaterIsBetter, double[] Test, double[]? Train)
{
    /// <summary>Mean of the test scores.</summary>
    public double TestMean => Test.Average();

    /// <summary>Population standard deviation of the test scores (numpy's <c>std</c>, ddof = 0, as scikit-learn reports).</summary>
    public double TestStd => Std(Test);

    /// <summary>Mean of the training scores (NaN when not requested).</summary>
    public double TrainMean => Train is null ? double.NaN : Train.Average();

    /// <summary>Population standard deviation of the training scores (NaN when not requested).</summary>
    public double TrainStd => Train is null ? double.NaN : Std(Train);

    internal static double Std(double[] v)
    {
        double m = v.Average(), s = 0;
        foreach (double x in v) s += (x - m) * (x - m);
        return Math.Sqrt(s / v.Length);
    }
}
