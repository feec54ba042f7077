namespace Fathom.Core;

/// <summary>
/// How a long fit should behave: cancellation, progress reports, and how many threads it may use.
/// Every <c>Fit</c> takes an optional context; <see cref="Default"/> means "not cancellable, silent,
/// all cores".
/// </summary>
public sealed record FitContext
{
    /// <summary>A context with no cancellation, no progress and all cores.</summary>
    public static FitContext Default { get; } = new();

    /// <summary>Cancels the fit; the estimator throws <see cref="OperationCanceledException"/> soon after.</summary>
    public CancellationToken CancellationToken { get; init; }

    /// <summary>Receives progress reports (iterations, trees, folds); null for none.</summary>
    public IProgress<FitProgress>? Progress { get; init; }

    /// <summary>Receives one-line notes (convergence warnings and the like); null for none.</summary>
    public Action<string>? Log { get; init; }

    /// <summary>Largest number of threads the fit may use; 0 means all cores
    /// (<see cref="Environment.ProcessorCount"/>). Results never depend on it.</summary>
    public int MaxThreads { get; init; }

    /// <summary>The effective thread count: <see cref="MaxThreads"/>, or the processor count when 0.</summary>
    public int ThreadCount => MaxThreads > 0 ? MaxThreads : Environment.ProcessorCount;

    /// <summary>Throws <see cref="OperationCanceledException"/> if cancellation was requested.</summary>
    public void ThrowIfCancellationRequested() => CancellationToken.ThrowIfCancellationRequested();

    /// <summary>Reports progress if anyone listens.</summary>
    public void Report(string stage, long step, long? total, string? message = null) =>
        Progress?.Report(new FitProgress(stage, step, total, message));

    /// <summary>Writes a note if anyone listens.</summary>
    public void Warn(string message) => Log?.Invoke(message);
}
