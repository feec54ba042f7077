using System.Text.Json.Nodes;
using Fathom.Numerics;
using Fathom.Tests.Linear;

namespace Fathom.Tests.Anomaly;

/// <summary>The anomaly reference file (Reference/make_anomaly_reference.py) and small helpers.</summary>
internal static class AnomalyTestData
{
    public static readonly JsonNode Ref = LinearTestData.Reference("Anomaly", "anomaly_reference.json");

    public static Matrix MatrixOf(JsonNode? node) => Matrix.FromRows(LinearTestData.Rows(node));

    public static double[] Doubles(JsonNode? node) => LinearTestData.Doubles(node);

    /// <summary>Spearman's rank correlation (average ranks for ties).</summary>
    public static double Spearman(double[] a, double[] b)
    {
        var ra = Ranks(a);
        var rb = Ranks(b);
        double ma = ra.Average(), mb = rb.Average(), sab = 0, saa = 0, sbb = 0;
        for (int i = 0; i < a.Length; i++)
        {
            sab += (ra[i] - ma) * (rb[i] - mb);
            saa += (ra[i] - ma) * (ra[i] - ma);
            sbb += (rb[i] - mb) * (rb[i] - mb);
        }
        return sab / Math.Sqrt(saa * sbb);
    }

    private static double[] Ranks(double[] v)
    {
        var order = Enumerable.Range(0, v.Length).OrderBy(i => v[i]).ToArray();
        var r = new double[v.Length];
        for (int i = 0; i < order.Length;)
        {
            int j = i;
            while (j + 1 < order.Length && v[order[j + 1]] == v[order[i]]) j++;
            for (int k = i; k <= j; k++) r[order[k]] = (i + j) / 2.0;
            i = j + 1;
        }
        return r;
    }
}
