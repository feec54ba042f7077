using System.Diagnostics;
using Fathom.Core;

namespace Fathom.Cli.Output;

/// <summary>A one-line progress display on standard error, redrawn at most ten times a second; only used on a terminal.</summary>
internal sealed class TerminalProgress(TextWriter error) : IProgress<FitProgress>, IDisposable
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Lock _gate = new();
    private long _lastDraw = -1000;
    private int _width;

    public void Report(FitProgress value)
    {
        lock (_gate)
        {
            long now = _clock.ElapsedMilliseconds;
            if (now - _lastDraw < 100) return;
            _lastDraw = now;
            string total = value.Total is long t ? $"/{t}" : "";
            string text = $"{value.Stage} {value.Step}{total}{(value.Message is null ? "" : "  " + value.Message)}  ({now / 1000.0:F1} s)";
            error.Write("\r" + text.PadRight(_width));
            _width = text.Length;
            error.Flush();
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (_width > 0) error.Write("\r" + new string(' ', _width) + "\r");
            error.Flush();
        }
    }
}
