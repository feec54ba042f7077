using Fathom.Core;
using Fathom.Data;

namespace Fathom.Cli.Training;

/// <summary>Chooses classification or regression from the target column and the requested model.</summary>
internal static class TaskInference
{
    /// <summary>Largest number of distinct whole-number values a numeric target may have to be read as classes.</summary>
    public const int MaxIntegerClasses = 20;

    public static TrainingTask Infer(DataColumn target, EstimatorEntry? model)
    {
        if (model is not null)
        {
            return model.Task switch
            {
                EstimatorTask.Classification => TrainingTask.Classification,
                EstimatorTask.Regression => TrainingTask.Regression,
                _ => throw new InvalidInputException($"Model '{model.Name}' is not a classifier or a regressor, so 'fathom train' cannot fit it to a target."),
            };
        }
        if (target is not NumericColumn n) return TrainingTask.Classification;
        var values = n.Values;
        var distinct = new HashSet<double>();
        foreach (double v in values)
        {
            if (double.IsNaN(v)) continue;
            if (v != Math.Floor(v)) return TrainingTask.Regression;
            distinct.Add(v);
            if (distinct.Count > MaxIntegerClasses) return TrainingTask.Regression;
        }
        return TrainingTask.Classification;
    }
}
