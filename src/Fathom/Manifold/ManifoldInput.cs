using System.Globalization;
using Fathom.Core;
using Fathom.Data;
using Fathom.Numerics;
using Fathom.Preprocessing;

namespace Fathom.Manifold;

/// <summary>Frame-to-matrix conversion and output names shared by the manifold learners.</summary>
internal static class ManifoldInput
{
    internal static Matrix ToMatrix(DataFrame x, string who)
    {
        FrameInput.CheckFitFrame(x, who);
        var m = new Matrix(x.RowCount, x.ColumnCount);
        for (int j = 0; j < x.ColumnCount; j++)
        {
            var c = x[j];
            if (!FrameInput.IsNumberLike(c.Kind))
                throw new InvalidInputException(
                    $"{who}: column '{c.Name}' is {FrameInput.KindName(c.Kind)}; {who} takes numeric and boolean columns. Encode it or leave it out.", column: c.Name);
            var v = FrameInput.Numbers(c);
            for (int i = 0; i < v.Length; i++)
            {
                if (!double.IsFinite(v[i]))
                    throw new InvalidInputException(
                        $"{who}: column '{c.Name}' holds {v[i].ToString(CultureInfo.InvariantCulture)} at row {i}; impute or drop missing and infinite values first.", i, c.Name);
                m.Storage[i * m.Columns + j] = v[i];
            }
        }
        return m;
    }

    internal static string[] OutputNames(string prefix, int count) =>
        Enumerable.Range(0, count).Select(i => prefix + i.ToString(CultureInfo.InvariantCulture)).ToArray();
}
