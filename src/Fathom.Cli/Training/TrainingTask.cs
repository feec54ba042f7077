namespace Fathom.Cli.Training;

/// <summary>The supervised task inferred from the target column.</summary>
internal enum TrainingTask
{
    Classification,
    Regression,
}
