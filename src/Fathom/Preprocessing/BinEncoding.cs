namespace Fathom.Preprocessing;

/// <summary>How <see cref="KBinsDiscretizer"/> writes the bin of each value.</summary>
public enum BinEncoding
{
    /// <summary>One 0/1 column per bin, named <c>column_bin</c>.</summary>
    OneHot,

    /// <summary>One column holding the bin index 0, 1, ….</summary>
    Ordinal,
}
