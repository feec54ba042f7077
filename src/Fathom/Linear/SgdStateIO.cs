using System.Globalization;
using Fathom.Core;
using Fathom.Numerics;
using Fathom.Persistence;

namespace Fathom.Linear;

/// <summary>Saves and loads the SGD optimizer state (plain and averaged weights per problem).</summary>
internal static class SgdStateIO
{
    public static void Write(ModelWriter writer, SgdState[] states)
    {
        int p = states[0].W.Length;
        var w = new Matrix(states.Length, p);
        var aw = new Matrix(states.Length, p);
        var b = new double[states.Length];
        var ab = new double[states.Length];
        for (int r = 0; r < states.Length; r++)
        {
            states[r].W.CopyTo(w.Row(r));
            states[r].AverageW.CopyTo(aw.Row(r));
            b[r] = states[r].B;
            ab[r] = states[r].AverageB;
        }
        writer.WriteMatrix("weights", w);
        writer.WriteDoubles("intercepts", b);
        writer.WriteMatrix("average_weights", aw);
        writer.WriteDoubles("average_intercepts", ab);
    }

    public static SgdState[] Read(ModelReader reader, int rows, string kind)
    {
        var w = reader.ReadMatrix("weights");
        var aw = reader.ReadMatrix("average_weights");
        if (w.Rows != rows || aw.Rows != rows || w.Columns < 1 || aw.Columns != w.Columns)
            throw new ModelFormatException(string.Create(CultureInfo.InvariantCulture,
                $"The model file is damaged: a {kind} model needs {rows} weight rows, found {w.Rows}."));
        var b = reader.ReadDoubles("intercepts", rows);
        var ab = reader.ReadDoubles("average_intercepts", rows);
        var states = new SgdState[rows];
        for (int r = 0; r < rows; r++)
        {
            states[r] = new SgdState(w.Columns) { B = b[r], AverageB = ab[r] };
            w.Row(r).CopyTo(states[r].W);
            aw.Row(r).CopyTo(states[r].AverageW);
        }
        return states;
    }
}
