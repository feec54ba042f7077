using Fathom.Svm;
using Fathom.Tests.Linear;

namespace Fathom.Tests.Svm;

/// <summary>
/// LinearSVC and LinearSVR against scikit-learn 1.2.1's liblinear (Reference/make_reference.py; tol = 1e-10 and a
/// large max_iter on both sides, so the unique optimum is compared, not the random coordinate order).
/// </summary>
public class LinearSvmReferenceTests
{
    [Theory]
    [MemberData(nameof(SvmReferenceTests.Cases), "LinearSVC", MemberType = typeof(SvmReferenceTests))]
    public void LinearSvcMatchesScikitLearn(string kind, string label)
    {
        var c = SvmReferenceTests.Case(kind, label);
        var p = c["params"]!;
        var (x, y) = SvmReferenceTests.Data(c);
        var m = new LinearSVC { C = p["C"]!.GetValue<double>(), Tol = 1e-10, MaxIter = 1_000_000 }.Fit(x, y);
        var coef = LinearTestData.Rows(c["coef"]);
        var mc = m.Coefficients;
        Assert.Equal(coef.Length, mc.Rows);
        for (int r = 0; r < coef.Length; r++) SvmReferenceTests.Close(coef[r], mc.Row(r), 1e-4, $"coef row {r}");
        SvmReferenceTests.Close(LinearTestData.Doubles(c["intercept"]), m.Intercept.ToArray(), 1e-4, "intercept");
        var dec = LinearTestData.Rows(c["decision"]);
        var d = m.DecisionFunction(x);
        for (int i = 0; i < dec.Length; i++) SvmReferenceTests.Close(dec[i], d.Row(i), 1e-4, $"decision row {i}");
        Assert.Equal(c["predict"]!.AsArray().Select(v => v!.GetValue<string>()), m.Predict(x));
    }

    [Theory]
    [MemberData(nameof(SvmReferenceTests.Cases), "LinearSVR", MemberType = typeof(SvmReferenceTests))]
    public void LinearSvrMatchesScikitLearn(string kind, string label)
    {
        var c = SvmReferenceTests.Case(kind, label);
        var p = c["params"]!;
        var (x, ys) = SvmReferenceTests.Data(c);
        var y = SvmReferenceTests.TargetValues(ys);
        var m = new LinearSVR { C = p["C"]!.GetValue<double>(), Epsilon = p["epsilon"]!.GetValue<double>(), Tol = 1e-10, MaxIter = 1_000_000 }.Fit(x, y);
        SvmReferenceTests.Close(LinearTestData.Rows(c["coef"])[0], m.Coefficients.ToArray(), 1e-4, "coef");
        SvmReferenceTests.Close(LinearTestData.Doubles(c["intercept"]), [m.Intercept], 1e-4, "intercept");
        SvmReferenceTests.Close(LinearTestData.Doubles(c["predict"]), m.Predict(x), 1e-4, "predict");
    }
}
