using System.Globalization;
using Fathom.Core;
using Fathom.Data;
using Fathom.Numerics;
using Fathom.Persistence;

namespace Fathom.Preprocessing;

/// <summary>
/// Shared plumbing of the DataFrame transformers: checking the data given to <c>Fit</c>, finding the fitted
/// columns BY NAME at transform time (extra columns and another order are fine), checking that a column kept
/// its kind, reading numbers from numeric and boolean columns, and persisting the input schema.
/// </summary>
internal static class FrameInput
{
    /// <summary>Lower-case name of a kind as used in messages and model files.</summary>
    internal static string KindName(ColumnKind kind) => kind switch
    {
        ColumnKind.Numeric => "numeric",
        ColumnKind.Text => "text",
        ColumnKind.Boolean => "boolean",
        ColumnKind.DateTime => "datetime",
        _ => kind.ToString().ToLowerInvariant(),
    };

    internal static ColumnKind ParseKind(string? name) => name switch
    {
        "numeric" => ColumnKind.Numeric,
        "text" => ColumnKind.Text,
        "boolean" => ColumnKind.Boolean,
        "datetime" => ColumnKind.DateTime,
        _ => throw new ModelFormatException($"The model file is damaged or was not written by Fathom: unknown column kind '{name}'."),
    };

    /// <summary>Rejects a null frame, a frame without rows and a frame without columns.</summary>
    internal static void CheckFitFrame(DataFrame x, string who)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (x.ColumnCount == 0)
            throw new InvalidInputException($"{who}: the data has no columns; give it at least one column to fit on.");
        if (x.RowCount == 0)
            throw new InvalidInputException($"{who}: the data has no rows; fitting needs at least one row.");
    }

    /// <summary>
    /// The fitted columns of <paramref name="x"/>, looked up by name, in fitted order. A column whose kind
    /// differs from the fitted one is an error, unless all its values are missing (then it is read as a
    /// missing column of the fitted kind: an empty CSV column has no type of its own).
    /// </summary>
    internal static DataColumn[] Resolve(DataFrame x, IReadOnlyList<string> names, IReadOnlyList<ColumnKind> kinds, string who)
    {
        ArgumentNullException.ThrowIfNull(x);
        var cols = new DataColumn[names.Count];
        for (int j = 0; j < cols.Length; j++)
        {
            string name = names[j];
            if (!x.Contains(name))
                throw new InvalidInputException(
                    $"{who} was fitted with a column named '{name}', which the data does not have (the model reads {names.Count} column(s), the data has {x.ColumnCount}); add that column (missing values are allowed in it).",
                    column: name);
            var c = x[name];
            if (c.Kind != kinds[j])
            {
                if (c.MissingCount() == c.Length) c = MissingColumn(name, kinds[j], c.Length);
                else
                    throw new InvalidInputException(
                        $"{who}: column '{name}' is {KindName(c.Kind)} but was {KindName(kinds[j])} when the model was fitted; give it values of the same type as in training.",
                        column: name);
            }
            cols[j] = c;
        }
        return cols;
    }

    /// <summary>A column of <paramref name="length"/> missing values of the given kind.</summary>
    internal static DataColumn MissingColumn(string name, ColumnKind kind, int length) => kind switch
    {
        ColumnKind.Numeric => new NumericColumn(name, Enumerable.Repeat(double.NaN, length).ToArray()),
        ColumnKind.Text => new TextColumn(name, new string?[length]),
        ColumnKind.Boolean => new BoolColumn(name, new bool?[length]),
        _ => new DateTimeColumn(name, new DateTime?[length]),
    };

    /// <summary>The values of a numeric (as they are) or boolean (0/1, NaN when missing) column.</summary>
    internal static ReadOnlySpan<double> Numbers(DataColumn c)
    {
        switch (c)
        {
            case NumericColumn nc:
                return nc.Values;
            case BoolColumn bc:
                {
                    var v = bc.Values;
                    var d = new double[v.Length];
                    for (int i = 0; i < d.Length; i++) d[i] = v[i] is bool b ? (b ? 1.0 : 0.0) : double.NaN;
                    return d;
                }
            default:
                throw new InvalidOperationException($"Column '{c.Name}' is not numeric.");
        }
    }

    /// <summary>True for numeric and boolean columns (the ones <see cref="Numbers"/> reads).</summary>
    /// <summary>
    /// The fitted columns of <paramref name="x"/> (found by name) as a finite matrix in fitted order, each value minus
    /// <paramref name="shift"/>[j] when given; a missing or infinite value names its column and row.
    /// </summary>
    internal static Matrix FiniteMatrix(DataFrame x, IReadOnlyList<string> names, IReadOnlyList<ColumnKind> kinds, string who,
        ReadOnlySpan<double> shift = default)
    {
        var cols = Resolve(x, names, kinds, who);
        var m = new Matrix(x.RowCount, names.Count);
        for (int j = 0; j < cols.Length; j++)
        {
            var v = Numbers(cols[j]);
            double s = shift.IsEmpty ? 0 : shift[j];
            for (int i = 0; i < v.Length; i++)
            {
                if (!double.IsFinite(v[i]))
                    throw new InvalidInputException(
                        $"{who}: column '{names[j]}' holds {v[i].ToString(CultureInfo.InvariantCulture)} at row {i}; impute or drop missing and infinite values first.", i, names[j]);
                m.Storage[i * m.Columns + j] = v[i] - s;
            }
        }
        return m;
    }

    internal static bool IsNumberLike(ColumnKind kind) => kind is ColumnKind.Numeric or ColumnKind.Boolean;

    /// <summary>Writes the fitted input schema (names and kinds).</summary>
    internal static void WriteSchema(ModelWriter writer, IReadOnlyList<string> names, IReadOnlyList<ColumnKind> kinds, string prefix = "input")
    {
        writer.WriteStrings(prefix + "_names", names);
        writer.WriteStrings(prefix + "_kinds", kinds.Select(KindName).ToArray());
    }

    /// <summary>Reads a schema written by <see cref="WriteSchema"/>.</summary>
    internal static (string[] Names, ColumnKind[] Kinds) ReadSchema(ModelReader reader, string prefix = "input")
    {
        var names = NonNull(reader.ReadStrings(prefix + "_names"), prefix + "_names");
        var kinds = reader.ReadStrings(prefix + "_kinds", names.Length).Select(ParseKind).ToArray();
        return (names, kinds);
    }

    /// <summary>Checks a string list read from a file holds no nulls.</summary>
    internal static string[] NonNull(string?[] values, string what)
    {
        foreach (var v in values)
            if (v is null) throw new ModelFormatException($"The model file is damaged or was not written by Fathom: '{what}' holds a missing name.");
        return values!;
    }
}
