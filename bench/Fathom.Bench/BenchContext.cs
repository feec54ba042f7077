using System.Diagnostics;

namespace Fathom.Bench;

/// <summary>What a task needs: where the shared data lives, and how to report and time.</summary>
internal sealed class BenchContext(string sharedDir, TextWriter output)
{
    /// <summary>The shared folder holding data/ and bench/data/ (default ../shared from the repository root).</summary>
    public string SharedDir { get; } = sharedDir;

    /// <summary>Path of a file under shared/bench/data/.</summary>
    public string BenchData(string file) => Path.Combine(SharedDir, "bench", "data", file);

    /// <summary>Path of a file under shared/data/.</summary>
    public string Data(string file) => Path.Combine(SharedDir, "data", file);

    /// <summary>Writes one JSON line.</summary>
    public void Emit(BenchResult result)
    {
        output.WriteLine(result.ToJson());
        output.Flush();
    }

    /// <summary>
    /// anchors.py's timing rule: repeat fit (+ predict) up to 3 times, stopping after the first repetition
    /// if it took 30 s or more; report the median of each. <paramref name="run"/> gets the repetition index
    /// and returns (fit seconds, predict seconds).
    /// </summary>
    public static (double Fit, double Predict, int Runs) Timed(Func<int, (double Fit, double Predict)> run, double limit = 30.0, int reps = 3)
    {
        var fits = new List<double>();
        var preds = new List<double>();
        for (int r = 0; r < reps; r++)
        {
            var (f, p) = run(r);
            fits.Add(f);
            preds.Add(p);
            if (r == 0 && f + p >= limit) break;
        }
        return (Median(fits), Median(preds), fits.Count);
    }

    /// <summary>Seconds taken by <paramref name="action"/>.</summary>
    public static double Seconds(Action action)
    {
        var sw = Stopwatch.StartNew();
        action();
        return sw.Elapsed.TotalSeconds;
    }

    /// <summary>The median of a list.</summary>
    public static double Median(IReadOnlyList<double> values)
    {
        var s = values.Order().ToArray();
        return s.Length % 2 == 1 ? s[s.Length / 2] : 0.5 * (s[s.Length / 2 - 1] + s[s.Length / 2]);
    }
}
