using System.Globalization;
using Fathom.Core;
using Fathom.Data;
using Fathom.Numerics;

namespace Fathom.Tests.Contract;

/// <summary>Checks that only make sense for one family: classifier labels and probabilities, transformer columns.</summary>
public class FamilyChecks
{
    public static TheoryData<string> Classifiers() => EstimatorCatalog.Of("classifier");

    public static TheoryData<string> Transformers() => EstimatorCatalog.Of("transformer");

    private static bool Exempt(string type, string check) =>
        type == EstimatorCatalog.None || ContractExemptions.Reason(type, check) is not null;

    [Theory]
    [MemberData(nameof(Classifiers))]
    public void ClassesAreSortedLabelsForStringAndIntLabels(string type)
    {
        if (Exempt(type, nameof(ClassesAreSortedLabelsForStringAndIntLabels))) return;
        var f = Family.Get("classifier");
        var data = f.Data(type);
        // Codes 0, 1, 2 become labels whose sorted order differs from the code order.
        string[] names = ["pear", "apple", "fig"];
        int[] ints = [10, -2, 7];
        var est = EstimatorCatalog.Create(type, f);
        var byName = ((IClassifier)est).Fit(data.X, data.Classes.Select(c => names[c]).ToArray());
        var byInt = ((IClassifier)est).Fit(data.X, data.Classes.Select(c => ints[c]).ToArray());
        Assert.Equal(["apple", "fig", "pear"], byName.Classes);
        Assert.Equal(LabelKind.Text, byName.LabelKind);
        Assert.Equal(["-2", "7", "10"], byInt.Classes);
        Assert.Equal(LabelKind.Integer, byInt.LabelKind);
        var predictedNames = byName.Predict(data.X);
        var predictedInts = byInt.Predict(data.X);
        Assert.All(predictedNames, p => Assert.Contains(p, names));
        Assert.All(predictedInts, p => Assert.Contains(int.Parse(p, CultureInfo.InvariantCulture), ints));
        // The same problem under another spelling of its labels gets the same answers.
        var nameToInt = new Dictionary<string, string> { ["pear"] = "10", ["apple"] = "-2", ["fig"] = "7" };
        Assert.Equal(predictedNames.Select(p => nameToInt[p]), predictedInts);
    }

    [Theory]
    [MemberData(nameof(Classifiers))]
    public void ProbabilitiesAreValid(string type)
    {
        if (Exempt(type, nameof(ProbabilitiesAreValid))) return;
        var f = Family.Get("classifier");
        var data = f.Data(type);
        var model = (IClassificationModel)f.Fit(EstimatorCatalog.Create(type, f), data);
        Assert.Equal(3, model.Classes.Count);
        var p = model.PredictProba(data.X);
        Assert.Equal(data.X.Rows, p.Rows);
        Assert.Equal(3, p.Columns);
        var idx = model.PredictIndex(data.X);
        for (int i = 0; i < p.Rows; i++)
        {
            var row = p.Row(i);
            double sum = 0;
            foreach (double v in row) { Assert.InRange(v, 0.0, 1.0); sum += v; }
            Assert.Equal(1.0, sum, 12);
            Assert.InRange(idx[i], 0, 2);
        }
    }

    [Theory]
    [MemberData(nameof(Classifiers))]
    public void TwoClassProblemBehaves(string type)
    {
        if (Exempt(type, nameof(TwoClassProblemBehaves))) return;
        var f = Family.Get("classifier");
        var all = f.Data(type);
        var rows = Enumerable.Range(0, all.X.Rows).Where(i => all.Classes[i] < 2).ToArray();
        var data = all.Take(rows);
        string[] labels = data.Classes.Select(c => c == 0 ? "yes" : "no").ToArray();
        var model = ((IClassifier)EstimatorCatalog.Create(type, f)).Fit(data.X, labels);
        Assert.Equal(["no", "yes"], model.Classes);
        var p = model.PredictProba(data.X);
        Assert.Equal(2, p.Columns);
        for (int i = 0; i < p.Rows; i++) Assert.Equal(1.0, p[i, 0] + p[i, 1], 12);
        var back = (IClassificationModel)Fathom.Persistence.ModelFile.Deserialize(Fathom.Persistence.ModelFile.Serialize(model)).Model;
        CommonChecks.AssertBits(p.AsSpan().ToArray(), back.PredictProba(data.X).AsSpan().ToArray(), "two classes, after save and load");
        Assert.Equal(model.Predict(data.X), back.Predict(data.X));
    }

    [Theory]
    [MemberData(nameof(Transformers))]
    public void TransformHasFeatureNamesOutColumns(string type)
    {
        if (Exempt(type, nameof(TransformHasFeatureNamesOutColumns))) return;
        var f = Family.Get("transformer");
        var data = f.Data(type);
        var model = (ITransformerModel)f.Fit(EstimatorCatalog.Create(type, f), data);
        Assert.Equal(["x0", "x1", "x2"], model.FeatureNamesIn);
        var output = model.Transform(TransformerFamily.Frame(EstimatorCatalog.TypeOf(type), data.X));
        Assert.Equal(model.FeatureNamesOut.Count, output.ColumnCount);
        Assert.Equal(model.FeatureNamesOut, output.ColumnNames);
        Assert.Equal(data.X.Rows, output.RowCount);
    }

    [Theory]
    [MemberData(nameof(Transformers))]
    public void ColumnOrderDoesNotMatter(string type)
    {
        if (Exempt(type, nameof(ColumnOrderDoesNotMatter))) return;
        var f = Family.Get("transformer");
        var data = f.Data(type);
        var model = (ITransformerModel)f.Fit(EstimatorCatalog.Create(type, f), data);
        var frame = TransformerFamily.Frame(EstimatorCatalog.TypeOf(type), data.X);
        var reordered = frame.Select("x2", "x0", "x1");
        var expected = model.Transform(frame);
        CommonChecks.AssertBits(TransformerFamily.Numbers(expected), TransformerFamily.Numbers(model.Transform(reordered)), "columns in another order");
        // Fitting on the reordered frame learns the same thing per column: each output column (found by
        // name, since the output order may follow the input order) holds the same values.
        var refit = ((ITransformer)EstimatorCatalog.Create(type, f)).Fit(reordered);
        var again = refit.Transform(frame);
        Assert.Equal(expected.ColumnNames.Order(StringComparer.Ordinal), again.ColumnNames.Order(StringComparer.Ordinal));
        foreach (string name in expected.ColumnNames)
            CommonChecks.AssertBits(
                TransformerFamily.Numbers(expected.Select(name)), TransformerFamily.Numbers(again.Select(name)),
                $"column {name} when fitted on columns in another order");
    }
}
