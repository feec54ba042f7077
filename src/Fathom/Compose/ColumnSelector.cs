using Fathom.Core;
using Fathom.Data;
using Fathom.Preprocessing;

namespace Fathom.Compose;

/// <summary>
/// Which columns of a frame a <see cref="ColumnTransformer"/> branch takes: explicit names
/// (<see cref="Names"/>, each must exist) or every column of some kinds (<see cref="OfKind"/>,
/// <see cref="Numeric"/>, <see cref="Text"/>, …), optionally minus some names (<see cref="Except"/>).
/// Columns come out in the frame's order for kind selectors and in the given order for names.
/// Immutable.
/// </summary>
public sealed class ColumnSelector
{
    private readonly string[]? _names;
    private readonly ColumnKind[]? _kinds;
    private readonly string[] _except;

    private ColumnSelector(string[]? names, ColumnKind[]? kinds, string[] except)
    {
        _names = names;
        _kinds = kinds;
        _except = except;
    }

    /// <summary>The named columns, in this order; each must exist at fit.</summary>
    public static ColumnSelector Names(params string[] names)
    {
        ArgumentNullException.ThrowIfNull(names);
        foreach (var n in names) ArgumentNullException.ThrowIfNull(n, nameof(names));
        return new ColumnSelector((string[])names.Clone(), null, []);
    }

    /// <summary>Every column whose kind is one of <paramref name="kinds"/>, in frame order.</summary>
    public static ColumnSelector OfKind(params ColumnKind[] kinds)
    {
        ArgumentNullException.ThrowIfNull(kinds);
        return new ColumnSelector(null, (ColumnKind[])kinds.Clone(), []);
    }

    /// <summary>Every numeric column.</summary>
    public static ColumnSelector Numeric { get; } = OfKind(ColumnKind.Numeric);

    /// <summary>Every numeric or boolean column.</summary>
    public static ColumnSelector NumericOrBoolean { get; } = OfKind(ColumnKind.Numeric, ColumnKind.Boolean);

    /// <summary>Every text column.</summary>
    public static ColumnSelector Text { get; } = OfKind(ColumnKind.Text);

    /// <summary>Every boolean column.</summary>
    public static ColumnSelector Boolean { get; } = OfKind(ColumnKind.Boolean);

    /// <summary>Every date column.</summary>
    public static ColumnSelector DateTime { get; } = OfKind(ColumnKind.DateTime);

    /// <summary>This selection without the named columns (names that are not there are ignored).</summary>
    public ColumnSelector Except(params string[] names)
    {
        ArgumentNullException.ThrowIfNull(names);
        return new ColumnSelector(_names, _kinds, _except.Concat(names).ToArray());
    }

    /// <summary>Explicit names, as <see cref="Names"/>.</summary>
    public static implicit operator ColumnSelector(string[] names) => Names(names);

    /// <summary>Same as the implicit conversion from names.</summary>
    public static ColumnSelector FromStrings(string[] names) => Names(names);

    /// <summary>The names of the selected columns of <paramref name="x"/>, possibly none.</summary>
    /// <exception cref="InvalidInputException">An explicitly named column is not in the frame.</exception>
    public IReadOnlyList<string> Select(DataFrame x)
    {
        ArgumentNullException.ThrowIfNull(x);
        var except = new HashSet<string>(_except, StringComparer.Ordinal);
        if (_names is not null)
        {
            foreach (var n in _names)
                if (!x.Contains(n))
                    throw new InvalidInputException($"ColumnTransformer: column '{n}' was selected by name but the data has no such column.", column: n);
            return _names.Where(n => !except.Contains(n)).Distinct(StringComparer.Ordinal).ToArray();
        }
        return x.Columns.Where(c => _kinds!.Contains(c.Kind) && !except.Contains(c.Name)).Select(c => c.Name).ToArray();
    }

    /// <inheritdoc/>
    public override string ToString()
    {
        string core = _names is not null
            ? "names(" + string.Join(", ", _names) + ")"
            : "kind(" + string.Join(", ", _kinds!.Select(FrameInput.KindName)) + ")";
        return _except.Length == 0 ? core : core + " except(" + string.Join(", ", _except) + ")";
    }
}
