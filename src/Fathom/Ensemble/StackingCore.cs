using Fathom.Core;
using Fathom.Numerics;

namespace Fathom.Ensemble;

/// <summary>Meta-features of the stacking ensembles: per member its probabilities (the second column only for two
/// classes), class index or prediction, concatenated in member order, then the original features when passed through.</summary>
internal static class StackingCore
{
    /// <summary>Columns one classification member contributes.</summary>
    internal static int Width(StackMethod method, int k) => method == StackMethod.Predict ? 1 : k == 2 ? 1 : k;

    /// <summary>A classification member's meta-features for the rows of x (classes mapped to the ensemble's order).</summary>
    internal static Matrix Features(IClassificationModel member, int[] map, Matrix x, StackMethod method, int k)
    {
        if (method == StackMethod.Predict)
        {
            var idx = member.PredictIndex(x);
            var r = new Matrix(x.Rows, 1);
            for (int i = 0; i < x.Rows; i++) r[i, 0] = map[idx[i]];
            return r;
        }
        var p = EnsembleMembers.Proba(member, map, x, k);
        if (k != 2) return p;
        var second = new Matrix(x.Rows, 1);
        for (int i = 0; i < x.Rows; i++) second[i, 0] = p[i, 1];
        return second;
    }

    /// <summary>Blocks side by side, then <paramref name="passthrough"/> (if any).</summary>
    internal static Matrix Concat(IReadOnlyList<Matrix> blocks, Matrix? passthrough)
    {
        var all = passthrough is null ? blocks : blocks.Append(passthrough).ToArray();
        int n = all[0].Rows, width = all.Sum(b => b.Columns);
        var r = new Matrix(n, width);
        for (int i = 0; i < n; i++)
        {
            var dst = r.Row(i);
            int offset = 0;
            foreach (var b in all)
            {
                b.Row(i).CopyTo(dst.Slice(offset));
                offset += b.Columns;
            }
        }
        return r;
    }

    /// <summary>Regression members' predictions as one column each.</summary>
    internal static Matrix Column(double[] values)
    {
        var r = new Matrix(values.Length, 1);
        for (int i = 0; i < values.Length; i++) r[i, 0] = values[i];
        return r;
    }
}
