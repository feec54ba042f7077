using Fathom.Anomaly;
using Fathom.Core;
using Fathom.Data;
using Fathom.Numerics;
using Fathom.Persistence;

namespace Fathom.Tests.Anomaly;

public class OutlierRuleTests
{
    // Column a: 1…10 and 30; column b: constant 5 except one 6.
    private static readonly Matrix X = Matrix.FromRows(Enumerable.Range(1, 10).Select(i => new[] { (double)i, 5.0 })
        .Append([30.0, 5.0]).Append([5.0, 6.0]).ToArray());

    [Fact]
    public void IqrUsesTukeyFencesWithLinearQuartiles()
    {
        // a = 1..10, 30, 5 (12 values): sorted 1,2,3,4,5,5,6,7,8,9,10,30; numpy linear Q1 at 2.75 → 3.75, Q3 at 8.25 → 8.25.
        var model = new OutlierRule().Fit(X);
        Assert.Equal(3.75, model.LowerFence[0] + 1.5 * 4.5, 12);
        Assert.Equal(4.5, model.Scale[0], 12);
        Assert.Equal(3.75 - 6.75, model.LowerFence[0], 12);
        Assert.Equal(8.25 + 6.75, model.UpperFence[0], 12);
        // b: Q1 = Q3 = 5 ⇒ IQR 0: only the 6 is flagged.
        var flags = model.Flags(X);
        Assert.Equal(Enumerable.Range(0, 12).Select(i => i == 10 ? 1.0 : 0.0), flags.Column(0));
        Assert.Equal(Enumerable.Range(0, 12).Select(i => i == 11 ? 1.0 : 0.0), flags.Column(1));
        Assert.Equal(Enumerable.Range(0, 12).Select(i => i >= 10 ? -1 : 1), model.Predict(X));
        // Exceedance of 30: (30 − 8.25)/4.5.
        Assert.Equal(-(30 - 8.25) / 4.5, model.ScoreSamples(X)[10], 12);
        Assert.Equal(-(30 - 8.25) / 4.5 + 1.5, model.DecisionFunction(X)[10], 12);
    }

    [Fact]
    public void ZScoreAndMadMatchTheirFormulas()
    {
        var a = X.Column(0);
        double mean = a.Average(), std = Math.Sqrt(a.Sum(v => (v - mean) * (v - mean)) / a.Length);
        var z = new OutlierRule { Rule = OutlierRuleKind.ZScore }.Fit(X);
        Assert.Equal(mean, z.Centre[0], 12);
        Assert.Equal(std, z.Scale[0], 12);
        Assert.Equal(Math.Abs(30 - mean) / std, z.Exceedances(X)[10, 0], 12);
        Assert.Equal((30 - mean) / std > 3 ? 1.0 : 0.0, z.Flags(X)[10, 0]);

        // median of a = 5.5; |a − 5.5| sorted: 0.5,0.5,0.5,1.5,1.5,2.5,2.5,3.5,3.5,4.5,4.5,24.5 → MAD = 2.5.
        var mad = new OutlierRule { Rule = OutlierRuleKind.Mad }.Fit(X);
        Assert.Equal(5.5, mad.Centre[0], 12);
        Assert.Equal(2.5 / 0.6745, mad.Scale[0], 12);
        Assert.Equal(0.6745 * 24.5 / 2.5, mad.Exceedances(X)[10, 0], 10);
        Assert.Equal(0.0, mad.Flags(X)[0, 0]); // 0.6745·4.5/2.5 = 1.21 ≤ 3.5
        Assert.Equal(1.0, mad.Flags(X)[10, 0]);
        Assert.Equal(3.5, mad.Threshold);
        Assert.Equal(2.0, new OutlierRule { Rule = OutlierRuleKind.Mad, Threshold = 2.0 }.Fit(X).Threshold);
    }

    [Fact]
    public void TransformerEmitsFlagColumnsByName()
    {
        var frame = DataFrame.FromMatrix(X, ["a", "b"]);
        var model = new OutlierRule().Fit(frame);
        Assert.Equal(["a_outlier", "b_outlier"], model.FeatureNamesOut);
        var reordered = new DataFrame([frame["b"], frame["a"]]);
        var flags = model.Transform(reordered);
        Assert.Equal(model.Flags(X).Column(0), ((NumericColumn)flags["a_outlier"]).ToArray());
        Assert.Throws<InvalidInputException>(() => model.Transform(new DataFrame([frame["a"]])));
        var back = (OutlierRuleModel)ModelFile.Deserialize(ModelFile.Serialize(model)).Model;
        Assert.Equal(model.DecisionFunction(X), back.DecisionFunction(X));
    }
}
