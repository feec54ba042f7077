using Fathom.Compose;

namespace Fathom.Cli.Training;

/// <summary>What a training run produced: the fitted pipeline, its metrics and the facts the reports print.</summary>
internal sealed record TrainingReport
{
    public required string ModelName { get; init; }
    public required TrainingTask Task { get; init; }
    public required int TrainRows { get; init; }
    public required int TestRows { get; init; }
    public required PipelineModel Model { get; init; }
    public required IReadOnlyDictionary<string, double> TrainMetrics { get; init; }
    public IReadOnlyDictionary<string, double>? TestMetrics { get; init; }
    public required IReadOnlyDictionary<string, double> BaselineMetrics { get; init; }
    public required string BaselineName { get; init; }
    public IReadOnlyDictionary<string, double>? CvMean { get; init; }
    public IReadOnlyDictionary<string, double>? CvStd { get; init; }
    public int CvFolds { get; init; }
    public required double FitSeconds { get; init; }
    public required IReadOnlyList<string> Warnings { get; init; }
}
