using System.Globalization;

namespace Fathom.Cli.Output;

/// <summary>Number formatting for human tables.</summary>
internal static class Format
{
    public static string Metric(double v) => double.IsNaN(v) ? "–" : v.ToString("0.0000", CultureInfo.InvariantCulture);

    public static string Seconds(double s) => s < 0.01 ? $"{s * 1000:0.0} ms" : $"{s:0.00} s";
}
