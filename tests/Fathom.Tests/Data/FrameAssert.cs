using Fathom.Data;

namespace Fathom.Tests.Data;

/// <summary>Asserts two frames hold the same names, kinds and values (doubles bit for bit).</summary>
internal static class FrameAssert
{
    public static void Equal(DataFrame expected, DataFrame actual)
    {
        Assert.Equal(expected.ColumnNames, actual.ColumnNames);
        Assert.Equal(expected.RowCount, actual.RowCount);
        for (int j = 0; j < expected.ColumnCount; j++)
        {
            var e = expected[j];
            var a = actual[j];
            Assert.Equal(e.Kind, a.Kind);
            switch (e)
            {
                case NumericColumn en:
                    {
                        var an = (NumericColumn)a;
                        for (int i = 0; i < en.Length; i++)
                            Assert.True(BitConverter.DoubleToInt64Bits(en[i]) == BitConverter.DoubleToInt64Bits(an[i]) || (double.IsNaN(en[i]) && double.IsNaN(an[i])),
                                $"column '{e.Name}' row {i}: {en[i]:R} vs {an[i]:R}");
                        break;
                    }
                case TextColumn et: Assert.Equal(et.Values.ToArray(), ((TextColumn)a).Values.ToArray()); break;
                case BoolColumn eb: Assert.Equal(eb.Values.ToArray(), ((BoolColumn)a).Values.ToArray()); break;
                case DateTimeColumn ed: Assert.Equal(ed.Values.ToArray(), ((DateTimeColumn)a).Values.ToArray()); break;
            }
        }
    }
}
