using System.Globalization;
using Fathom.Core;
using Fathom.Data;

namespace Fathom.Preprocessing;

/// <summary>
/// Replaces missing values (NaN in numeric columns, null in text and boolean columns) by a per-column
/// statistic learned at fit, like scikit-learn's <c>SimpleImputer</c>. Numeric columns take every strategy;
/// text columns take <see cref="ImputeStrategy.MostFrequent"/> and <see cref="ImputeStrategy.Constant"/>;
/// boolean columns are read as 0/1 and come out numeric (as <see cref="DataFrame.ToMatrix"/> reads them);
/// date columns are rejected (use <see cref="DateTimeFeatures"/> first).
/// <para>Difference from scikit-learn: a column with no value at all at fit is KEPT, not dropped: it is filled
/// with the constant (<see cref="FillValue"/> or 0 for numbers, <see cref="FillText"/> or "missing_value" for
/// text) and a warning goes to the fit context's log. Column counts therefore never change, which keeps
/// pipelines predictable.</para>
/// Fit is O(n·p) (O(n log n) per column for the median and most frequent value).
/// </summary>
public sealed record SimpleImputer : ITransformer
{
    /// <summary>The text constant scikit-learn uses by default for strings.</summary>
    public const string DefaultFillText = "missing_value";

    /// <summary>What to fill with (default mean, as scikit-learn).</summary>
    [Hyperparameter("What missing values are replaced by: the column's mean, median, most frequent value, or a constant.")]
    public ImputeStrategy Strategy { get; init; } = ImputeStrategy.Mean;

    /// <summary>The number used by the constant strategy (and for all-missing numeric columns); null means 0.</summary>
    [Hyperparameter("Number that fills numeric columns with strategy constant.", NullMeans = "0")]
    public double? FillValue { get; init; }

    /// <summary>The text used by the constant strategy (and for all-missing text columns); null means "missing_value".</summary>
    [Hyperparameter("Text that fills text columns with strategy constant.", NullMeans = "\"missing_value\"")]
    public string? FillText { get; init; }

    /// <inheritdoc/>
    public EstimatorTags Tags { get; } = new() { SupportsSampleWeight = false, AllowsMissingValues = true };

    /// <summary>Learns the fill value of each column.</summary>
    /// <exception cref="InvalidHyperparameterException">A non-finite <see cref="FillValue"/>.</exception>
    /// <exception cref="InvalidInputException">No rows or columns; a date column; mean or median asked of a
    /// text column (each names the column).</exception>
    public SimpleImputerModel Fit(DataFrame x, FitContext? context = null)
    {
        Hyperparameters.Validate(this);
        if (FillValue is double fv && !double.IsFinite(fv))
            throw new InvalidHyperparameterException("fill_value", $"SimpleImputer: fill_value = {fv} is not valid; it must be a finite number.");
        FrameInput.CheckFitFrame(x, nameof(SimpleImputer));
        int p = x.ColumnCount;
        var names = new string[p];
        var kinds = new ColumnKind[p];
        var stats = new double[p];
        var textStats = new string?[p];
        double fillNumber = FillValue ?? 0.0;
        string fillText = FillText ?? DefaultFillText;
        for (int j = 0; j < p; j++)
        {
            var c = x[j];
            names[j] = c.Name;
            kinds[j] = c.Kind;
            stats[j] = double.NaN;
            switch (c.Kind)
            {
                case ColumnKind.Numeric or ColumnKind.Boolean:
                    {
                        var v = FrameInput.Numbers(c);
                        var present = new List<double>(v.Length);
                        foreach (double d in v) if (!double.IsNaN(d)) present.Add(d);
                        if (present.Count == 0 && Strategy != ImputeStrategy.Constant)
                        {
                            context?.Warn($"SimpleImputer: column '{c.Name}' has no values at fit; it is kept and filled with {fillNumber.ToString("R", CultureInfo.InvariantCulture)} (scikit-learn would drop it).");
                            stats[j] = fillNumber;
                            break;
                        }
                        stats[j] = Strategy switch
                        {
                            ImputeStrategy.Mean => Mean(present),
                            ImputeStrategy.Median => Median(present),
                            ImputeStrategy.MostFrequent => MostFrequent(present),
                            _ => fillNumber,
                        };
                        break;
                    }
                case ColumnKind.Text:
                    {
                        if (Strategy is ImputeStrategy.Mean or ImputeStrategy.Median)
                            throw new InvalidInputException(
                                $"SimpleImputer: column '{c.Name}' is text, and strategy {Hyperparameters.ToSnakeCase(Strategy.ToString())} needs numbers; use most_frequent or constant for text columns.",
                                column: c.Name);
                        var values = ((TextColumn)c).Values;
                        if (Strategy == ImputeStrategy.Constant) { textStats[j] = fillText; break; }
                        string? mode = MostFrequent(values);
                        if (mode is null)
                        {
                            context?.Warn($"SimpleImputer: column '{c.Name}' has no values at fit; it is kept and filled with \"{fillText}\" (scikit-learn would drop it).");
                            mode = fillText;
                        }
                        textStats[j] = mode;
                        break;
                    }
                default:
                    throw new InvalidInputException(
                        $"SimpleImputer: column '{c.Name}' is {FrameInput.KindName(c.Kind)}; it imputes numeric, boolean and text columns. Turn dates into numbers first (DateTimeFeatures).",
                        column: c.Name);
            }
        }
        return new SimpleImputerModel(this, names, kinds, stats, textStats);
    }

    ITransformerModel ITransformer.Fit(DataFrame x, FitContext? context) => Fit(x, context);

    private static double Mean(List<double> v)
    {
        double s = 0;
        foreach (double d in v) s += d;
        return s / v.Count;
    }

    private static double Median(List<double> v)
    {
        var a = v.ToArray();
        Array.Sort(a);
        int n = a.Length;
        return n % 2 == 1 ? a[n / 2] : (a[n / 2 - 1] + a[n / 2]) / 2.0;
    }

    private static double MostFrequent(List<double> v)
    {
        var a = v.ToArray();
        Array.Sort(a);
        double best = a[0];
        int bestCount = 0;
        for (int i = 0; i < a.Length;)
        {
            int k = i;
            while (k < a.Length && a[k] == a[i]) k++;
            if (k - i > bestCount) { bestCount = k - i; best = a[i]; } // strict: the smallest of ties wins
            i = k;
        }
        return best;
    }

    private static string? MostFrequent(ReadOnlySpan<string?> values)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var s in values)
            if (s is not null) counts[s] = counts.GetValueOrDefault(s) + 1;
        string? best = null;
        int bestCount = 0;
        foreach (var (s, k) in counts)
            if (k > bestCount || (k == bestCount && string.CompareOrdinal(s, best) < 0)) { best = s; bestCount = k; }
        return best;
    }
}
