using System.Globalization;
using Fathom.Core;

namespace Fathom.ModelSelection;

/// <summary>
/// Where a randomized search draws one hyperparameter's values from; values are produced as text for
/// <see cref="Hyperparameters.With{T}"/>. Text forms (see <see cref="Parse"/>): <c>a|b|c</c> (choice),
/// <c>2..10</c> (uniform integers, inclusive), <c>0.1..0.9</c> (uniform reals), <c>log(0.01..0.3)</c>
/// (log-uniform reals; integer ends give log-uniform integers), a single value (fixed).
/// </summary>
public sealed class ParameterDistribution
{
    private readonly string[]? _choices;
    private readonly double _low, _high;
    private readonly bool _integer, _log;

    /// <summary>The listed values of a choice, or null for a range.</summary>
    internal IReadOnlyList<string>? Choices => _choices;

    /// <summary>Lower end of a range.</summary>
    internal double Low => _low;

    /// <summary>Upper end of a range.</summary>
    internal double High => _high;

    /// <summary>Whether a range holds integers.</summary>
    internal bool IsInteger => _integer;

    /// <summary>Whether a range is log-uniform.</summary>
    internal bool IsLog => _log;

    private ParameterDistribution(string[]? choices, double low, double high, bool integer, bool log)
    {
        _choices = choices;
        _low = low;
        _high = high;
        _integer = integer;
        _log = log;
    }

    /// <summary>Uniform choice among the given values.</summary>
    /// <param name="values">At least one value, as text.</param>
    /// <returns>The distribution.</returns>
    public static ParameterDistribution Choice(params string[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Length == 0) throw new InvalidHyperparameterException("Give at least one value to choose from.");
        return new ParameterDistribution(values.Select(v => v.Trim()).ToArray(), 0, 0, false, false);
    }

    /// <summary>Uniform reals in [low, high].</summary>
    /// <param name="low">Lower end.</param>
    /// <param name="high">Upper end, at least <paramref name="low"/>.</param>
    /// <returns>The distribution.</returns>
    public static ParameterDistribution Uniform(double low, double high) => Range(low, high, false, false, "");

    /// <summary>Reals whose logarithm is uniform in [log low, log high]; 0 &lt; low ≤ high.</summary>
    /// <param name="low">Lower end, positive.</param>
    /// <param name="high">Upper end.</param>
    /// <returns>The distribution.</returns>
    public static ParameterDistribution LogUniform(double low, double high) => Range(low, high, false, true, "");

    /// <summary>Uniform integers in [low, high].</summary>
    /// <param name="low">Lower end.</param>
    /// <param name="high">Upper end (inclusive).</param>
    /// <returns>The distribution.</returns>
    public static ParameterDistribution Integers(int low, int high) => Range(low, high, true, false, "");

    /// <summary>Parses the text form of a distribution for parameter <paramref name="name"/> (used in error messages).</summary>
    /// <param name="name">Parameter name.</param>
    /// <param name="text">e.g. <c>2..10</c>, <c>log(0.01..0.3)</c>, <c>l2|none</c>, <c>0.5</c>.</param>
    /// <returns>The distribution.</returns>
    /// <exception cref="InvalidHyperparameterException">An empty or reversed range, or a non-positive log range.</exception>
    public static ParameterDistribution Parse(string name, string text)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(text);
        string t = text.Trim();
        if (t.Length == 0) throw new InvalidHyperparameterException(name, $"No values given for '{name}'.");
        bool log = t.StartsWith("log(", StringComparison.OrdinalIgnoreCase) && t.EndsWith(')');
        string body = log ? t[4..^1].Trim() : t;
        int dots = body.IndexOf("..", StringComparison.Ordinal);
        if (dots < 0)
        {
            if (log) throw new InvalidHyperparameterException(name, $"'{text}' for '{name}': write a log range as log(low..high).");
            return Choice(body.Split('|', StringSplitOptions.TrimEntries));
        }
        string a = body[..dots].Trim(), b = body[(dots + 2)..].Trim();
        var inv = CultureInfo.InvariantCulture;
        if (!double.TryParse(a, NumberStyles.Float, inv, out double low) || !double.TryParse(b, NumberStyles.Float, inv, out double high))
            throw new InvalidHyperparameterException(name, $"'{text}' for '{name}' is not a range of numbers like 2..10 or log(0.01..0.3).");
        bool integer = int.TryParse(a, NumberStyles.Integer, inv, out _) && int.TryParse(b, NumberStyles.Integer, inv, out _);
        return Range(low, high, integer, log, name);
    }

    /// <summary>
    /// The values a grid search tries: the listed choices, or every integer of an integer range of at most
    /// 1,000 values; null for a continuous (real or log) range, which only a random search can sample.
    /// </summary>
    /// <returns>The values as invariant text, or null.</returns>
    public IReadOnlyList<string>? GridValues()
    {
        if (_choices is not null) return _choices;
        if (!_integer || _log || _high - _low >= 1000) return null;
        var values = new List<string>();
        for (long v = (long)_low; v <= (long)_high; v++) values.Add(v.ToString(CultureInfo.InvariantCulture));
        return values;
    }

    /// <summary>Draws one value, as invariant text.</summary>
    /// <param name="random">Random source.</param>
    /// <returns>The value.</returns>
    public string Sample(RandomSource random)
    {
        ArgumentNullException.ThrowIfNull(random);
        if (_choices is not null) return _choices[random.NextInt(_choices.Length)];
        if (_integer && !_log) return ((long)_low + random.NextInt((int)(_high - _low) + 1)).ToString(CultureInfo.InvariantCulture);
        double u = random.NextDouble();
        double v = _log ? Math.Exp(Math.Log(_low) + u * (Math.Log(_high) - Math.Log(_low))) : _low + u * (_high - _low);
        if (_integer) return Math.Clamp(Math.Round(v), _low, _high).ToString(CultureInfo.InvariantCulture);
        return v.ToString("R", CultureInfo.InvariantCulture);
    }

    private static ParameterDistribution Range(double low, double high, bool integer, bool log, string name)
    {
        if (!double.IsFinite(low) || !double.IsFinite(high) || low > high)
            throw new InvalidHyperparameterException(name, $"The range {low}..{high}{(name.Length > 0 ? $" for '{name}'" : "")} is empty; give low ≤ high.");
        if (log && low <= 0)
            throw new InvalidHyperparameterException(name, $"A log range needs positive ends; got {low}..{high}{(name.Length > 0 ? $" for '{name}'" : "")}.");
        return new ParameterDistribution(null, low, high, integer, log);
    }
}
