using Fathom.Numerics;
using Fathom.Svm;
using Fathom.Tests.Linear;

namespace Fathom.Tests.Svm;

/// <summary>Sample weights multiply C per row: at the optimum, integer weights equal repeated rows.</summary>
public class SvmWeightTests
{
    private static (Matrix X, double[] W, Matrix Repeated, int[] Map) Data(Matrix x)
    {
        int n = x.Rows;
        var w = new double[n];
        var map = new List<int>();
        for (int i = 0; i < n; i++)
        {
            w[i] = i % 3; // 0, 1, 2: dropped, kept, doubled
            for (int r = 0; r < w[i]; r++) map.Add(i);
        }
        return (x, w, x.SelectRows(map.ToArray()), map.ToArray());
    }

    [Fact]
    public void ClassifierIntegerWeightsEqualRepeatedRows()
    {
        var (x0, y0) = LinearTestData.LoadSample("iris.csv");
        var (x, w, rep, map) = Data(LinearTestData.Standardize(x0));
        var yRep = map.Select(i => y0[i]).ToArray();
        foreach (var est in new Fathom.Core.IClassifier[] { new SVC { Gamma = "0.2", Tol = 1e-10 }, new NuSVC { Nu = 0.3, Gamma = "0.2", Tol = 1e-10 } })
        {
            var a = est.Fit(x, y0, w);
            var b = est.Fit(rep, yRep);
            var da = ((SVCModel)a).DecisionFunction(x).AsSpan().ToArray();
            SvmReferenceTests.Close(da, ((SVCModel)b).DecisionFunction(x).AsSpan(), 1e-6, est.GetType().Name);
        }
    }

    [Fact]
    public void RegressorIntegerWeightsEqualRepeatedRows()
    {
        var (x0, ys) = LinearTestData.LoadSample("diabetes.csv");
        var y0 = SvmReferenceTests.TargetValues(ys);
        var (x, w, rep, map) = Data(LinearTestData.Standardize(x0));
        var yRep = map.Select(i => y0[i]).ToArray();
        foreach (var est in new Fathom.Core.IRegressor[] { new SVR { C = 10, Epsilon = 5, Gamma = "0.1", Tol = 1e-8 }, new NuSVR { C = 10, Gamma = "0.1", Tol = 1e-8 } })
        {
            var a = est.Fit(x, y0, w).Predict(x);
            var b = est.Fit(rep, yRep).Predict(x);
            SvmReferenceTests.Close(a, b, 1e-6, est.GetType().Name);
        }
    }

    [Fact]
    public void ZeroWeightRowsAreDroppedAndSupportIndicesReferToTheGivenRows()
    {
        var (x, y) = LinearTestData.LoadSample("iris.csv");
        var w = Enumerable.Range(0, x.Rows).Select(i => i < 10 ? 0.0 : 1.0).ToArray();
        var m = new SVC().Fit(x, y, w);
        Assert.All(m.Support, i => Assert.True(i >= 10));
        var sv = m.SupportVectors;
        for (int t = 0; t < sv.Rows; t++) Assert.Equal(x.Row(m.Support[t]).ToArray(), sv.Row(t).ToArray());
    }

    [Fact]
    public void LinearModelsIntegerWeightsEqualRepeatedRows()
    {
        var (x0, y0) = LinearTestData.LoadSample("iris.csv");
        var (x, w, rep, map) = Data(LinearTestData.Standardize(x0));
        var svc = new LinearSVC { Tol = 1e-10, MaxIter = 100_000 };
        SvmReferenceTests.Close(svc.Fit(x, y0, w).DecisionFunction(x).AsSpan().ToArray(),
            svc.Fit(rep, map.Select(i => y0[i]).ToArray()).DecisionFunction(x).AsSpan(), 1e-6, "LinearSVC");

        var (d0, ds) = LinearTestData.LoadSample("diabetes.csv");
        var yd = SvmReferenceTests.TargetValues(ds);
        var (xd, wd, repd, mapd) = Data(LinearTestData.Standardize(d0));
        var svr = new LinearSVR { C = 10, Tol = 1e-10, MaxIter = 100_000 };
        SvmReferenceTests.Close(svr.Fit(xd, yd, wd).Predict(xd), svr.Fit(repd, mapd.Select(i => yd[i]).ToArray()).Predict(xd), 1e-6, "LinearSVR");
    }
}
