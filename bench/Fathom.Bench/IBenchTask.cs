namespace Fathom.Bench;

/// <summary>A named benchmark task, defined exactly as the task of the same name in shared/bench/anchors.py.</summary>
internal interface IBenchTask
{
    /// <summary>The task name (as in anchors.py), e.g. "gemm".</summary>
    string Name { get; }

    /// <summary>Runs the task and emits one result per variant.</summary>
    void Run(BenchContext context);
}
