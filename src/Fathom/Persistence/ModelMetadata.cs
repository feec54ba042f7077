namespace Fathom.Persistence;

/// <summary>
/// What a model file says about the model besides its state: the input columns it reads, the target it
/// predicts, the kind of task and the metrics measured when it was trained. All optional.
/// </summary>
public sealed record ModelMetadata
{
    /// <summary>Name of the target column, if trained from a table.</summary>
    public string? Target { get; init; }

    /// <summary>"classification", "regression", "clustering" or "transform".</summary>
    public string? Task { get; init; }

    /// <summary>The input columns, in training order.</summary>
    public IReadOnlyList<ColumnSchema>? InputSchema { get; init; }

    /// <summary>Metrics by set then name, e.g. <c>["test"]["accuracy"]</c>.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>>? Metrics { get; init; }

    /// <summary>The command-line model name, e.g. <c>logistic-regression</c>.</summary>
    public string? ModelName { get; init; }
}
