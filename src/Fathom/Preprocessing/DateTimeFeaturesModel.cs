using Fathom.Core;
using Fathom.Data;
using Fathom.Persistence;

namespace Fathom.Preprocessing;

/// <summary>
/// A fitted <see cref="DateTimeFeatures"/>: for each input date column, five or seven numeric output columns
/// (year, month, day, day_of_week, day_of_year[, hour, minute]). Immutable and thread-safe.
/// </summary>
public sealed class DateTimeFeaturesModel : ITransformerModel
{
    private static readonly string[] DateParts = ["year", "month", "day", "day_of_week", "day_of_year"];
    private static readonly string[] TimeParts = ["hour", "minute"];

    private readonly string[] _names;
    private readonly bool[] _hasTime;
    private readonly string[] _namesOut;

    internal DateTimeFeaturesModel(string[] names, bool[] hasTime)
    {
        _names = names;
        _hasTime = hasTime;
        var outNames = new List<string>();
        for (int j = 0; j < names.Length; j++)
        {
            foreach (var part in DateParts) outNames.Add(names[j] + "_" + part);
            if (hasTime[j]) foreach (var part in TimeParts) outNames.Add(names[j] + "_" + part);
        }
        _namesOut = outNames.ToArray();
    }

    /// <summary>For each input column, whether hour and minute features are produced (some value at fit had a
    /// time of day).</summary>
    public IReadOnlyList<bool> HasTimeOfDay => _hasTime;

    /// <inheritdoc/>
    public IReadOnlyList<string> FeatureNamesIn => _names;

    /// <inheritdoc/>
    public IReadOnlyList<string> FeatureNamesOut => _namesOut;

    /// <inheritdoc/>
    public int FeatureCount => _names.Length;

    /// <inheritdoc/>
    public string ModelKind => "date-time-features";

    /// <summary>Extracts the calendar features of the fitted columns (looked up by name). O(n·p).</summary>
    /// <exception cref="InvalidInputException">A fitted column is missing or is not a date.</exception>
    public DataFrame Transform(DataFrame x)
    {
        var kinds = Enumerable.Repeat(ColumnKind.DateTime, _names.Length).ToArray();
        var cols = FrameInput.Resolve(x, _names, kinds, "DateTimeFeatures");
        int n = x.RowCount;
        var outCols = new List<DataColumn>(_namesOut.Length);
        for (int j = 0; j < cols.Length; j++)
        {
            var v = ((DateTimeColumn)cols[j]).Values;
            int parts = _hasTime[j] ? 7 : 5;
            var data = new double[parts][];
            for (int k = 0; k < parts; k++) data[k] = new double[n];
            for (int i = 0; i < n; i++)
            {
                if (v[i] is not DateTime d)
                {
                    for (int k = 0; k < parts; k++) data[k][i] = double.NaN;
                    continue;
                }
                data[0][i] = d.Year;
                data[1][i] = d.Month;
                data[2][i] = d.Day;
                data[3][i] = ((int)d.DayOfWeek + 6) % 7; // .NET: Sunday = 0; pandas: Monday = 0
                data[4][i] = d.DayOfYear;
                if (parts == 7)
                {
                    data[5][i] = d.Hour;
                    data[6][i] = d.Minute;
                }
            }
            int start = outCols.Count;
            for (int k = 0; k < parts; k++) outCols.Add(new NumericColumn(_namesOut[start + k], data[k]));
        }
        return new DataFrame(outCols);
    }

    /// <inheritdoc/>
    public void WriteTo(ModelWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStrings("input_names", _names);
        writer.WriteInts("has_time", _hasTime.Select(b => b ? 1 : 0).ToArray());
    }

    internal static DateTimeFeaturesModel ReadFrom(ModelReader reader)
    {
        var names = FrameInput.NonNull(reader.ReadStrings("input_names"), "input_names");
        var hasTime = reader.ReadInts("has_time", names.Length).Select(k => k != 0).ToArray();
        return new DateTimeFeaturesModel(names, hasTime);
    }
}
