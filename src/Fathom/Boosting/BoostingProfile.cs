using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Fathom.Boosting;

/// <summary>
/// Wall-clock time per phase of a boosting fit, for profiling only: on when the environment variable
/// FATHOM_GBDT_PROFILE is set (read once), and then printed to standard error at the end of each fit.
/// Off, each probe costs one static bool test.
/// </summary>
internal static class BoostingProfile
{
    /// <summary>The phases timed.</summary>
    internal enum Phase { BinFit, BinTransform, Gradients, RootHistogram, Histogram, Partition, Finish, Other, Count }

    /// <summary>Whether probes record.</summary>
    public static readonly bool Enabled = Environment.GetEnvironmentVariable("FATHOM_GBDT_PROFILE") is { Length: > 0 };

    private static readonly long[] Ticks = new long[(int)Phase.Count];
    private static long _rowsBuilt, _rowsPartitioned;

    /// <summary>Counts rows whose histogram was built outside the root.</summary>
    public static void CountRows(int rows)
    {
        if (Enabled) Interlocked.Add(ref _rowsBuilt, rows);
    }

    /// <summary>Counts rows moved by node partitions.</summary>
    public static void CountPartitioned(int rows)
    {
        if (Enabled) Interlocked.Add(ref _rowsPartitioned, rows);
    }

    /// <summary>A timestamp when enabled, else 0.</summary>
    public static long Start() => Enabled ? Stopwatch.GetTimestamp() : 0;

    /// <summary>Adds the time since <paramref name="start"/> to <paramref name="phase"/>.</summary>
    public static void Stop(Phase phase, long start)
    {
        if (Enabled) Interlocked.Add(ref Ticks[(int)phase], Stopwatch.GetTimestamp() - start);
    }

    /// <summary>Prints and clears the totals.</summary>
    public static void Report(double totalSeconds)
    {
        if (!Enabled) return;
        var sb = new StringBuilder("gbdt profile:");
        for (int i = 0; i < (int)Phase.Count; i++)
        {
            double s = Ticks[i] / (double)Stopwatch.Frequency;
            sb.Append(CultureInfo.InvariantCulture, $" {(Phase)i}={s:F3}");
            Ticks[i] = 0;
        }
        sb.Append(CultureInfo.InvariantCulture, $" rowsBuilt={_rowsBuilt} rowsPartitioned={_rowsPartitioned} total={totalSeconds:F3}");
        _rowsBuilt = 0;
        _rowsPartitioned = 0;
        Console.Error.WriteLine(sb.ToString());
    }
}
