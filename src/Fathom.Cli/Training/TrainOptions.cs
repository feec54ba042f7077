namespace Fathom.Cli.Training;

/// <summary>Everything <c>fathom train</c> was asked to do.</summary>
internal sealed record TrainOptions
{
    public required string DataPath { get; init; }
    public required string Target { get; init; }
    public string? Model { get; init; }
    public IReadOnlyList<KeyValuePair<string, string>> Params { get; init; } = [];
    public double TestSize { get; init; } = 0.2;
    public int Seed { get; init; }
    public int CvFolds { get; init; }
    public string? OutPath { get; init; }
    public IReadOnlyList<string> Drop { get; init; } = [];
    public string? Balance { get; init; }
}
