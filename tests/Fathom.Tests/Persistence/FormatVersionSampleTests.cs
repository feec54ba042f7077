using Fathom.Data;
using Fathom.Dummy;
using Fathom.Numerics;
using Fathom.Persistence;
using Fathom.Tests.TestData;

namespace Fathom.Tests.Persistence;

/// <summary>
/// Old format versions stay readable: model files written by earlier versions are committed under
/// Samples/ (named <c>KIND-vVERSION.fathom</c>) and must keep loading with the same predictions. Never
/// regenerate an existing sample; when the format version rises, add new samples beside the old ones
/// (set FATHOM_WRITE_SAMPLES=1 and run <see cref="WriteSamplesWhenAsked"/> to write the current version's).
/// </summary>
public class FormatVersionSampleTests
{
    private static string SamplePath(string name) => TestDatasets.TestFilePath("Persistence", "Samples", name);

    private static readonly string[] Labels = ["b", "a", "c", "a", "a", "b", "c", "a", "b", "a"];

    [Fact]
    public void DummyClassifierVersion1StillLoads()
    {
        var loaded = ModelFile.Load(SamplePath("dummy-classifier-v1.fathom"));
        Assert.Equal(1, loaded.FormatVersion);
        Assert.Equal("0.1.0", loaded.LibraryVersion);
        var m = Assert.IsType<DummyClassificationModel>(loaded.Model);
        Assert.Equal(DummyClassifierStrategy.Prior, m.Strategy);
        Assert.Equal(["a", "b", "c"], m.Classes);
        Assert.Equal(2, m.FeatureCount);
        // Weights 1..10 on the labels above: a = 2+4+5+8+10 = 29, b = 1+6+9 = 16, c = 3+7 = 10, of 55.
        var p = m.PredictProba(new Matrix(1, 2));
        Assert.Equal(29.0 / 55, p[0, 0], 15);
        Assert.Equal(16.0 / 55, p[0, 1], 15);
        Assert.Equal(10.0 / 55, p[0, 2], 15);
        Assert.Equal(["a", "a"], m.Predict(new Matrix(2, 2)));
        Assert.Equal("species", loaded.Metadata.Target);
        Assert.Equal("classification", loaded.Metadata.Task);
        Assert.Equal(["f1", "f2"], loaded.Metadata.InputSchema!.Select(c => c.Name));
    }

    [Fact]
    public void DummyRegressorVersion1StillLoads()
    {
        var loaded = ModelFile.Load(SamplePath("dummy-regressor-v1.fathom"));
        Assert.Equal(1, loaded.FormatVersion);
        var m = Assert.IsType<DummyRegressionModel>(loaded.Model);
        Assert.Equal(DummyRegressorStrategy.Quantile, m.Estimator.Strategy);
        Assert.Equal(0.25, m.Estimator.Quantile);
        // Sorted 1 2 3 4 10: the 0.25 quantile is at index 1 → 2.
        Assert.Equal([2.0, 2.0, 2.0], m.Predict(new Matrix(3, 3)));
        Assert.Equal(0.75, loaded.Metadata.Metrics!["test"]["r2"]);
    }

    [Fact]
    public void WriteSamplesWhenAsked()
    {
        if (Environment.GetEnvironmentVariable("FATHOM_WRITE_SAMPLES") != "1") return;
        var c = new DummyClassifier().Fit(new Matrix(10, 2), Labels, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
        ModelFile.Save(c, SamplePath($"dummy-classifier-v{ModelFile.FormatVersion}.fathom"), new ModelMetadata
        {
            Target = "species",
            Task = "classification",
            ModelName = "dummy",
            InputSchema = [new ColumnSchema("f1", ColumnKind.Numeric), new ColumnSchema("f2", ColumnKind.Numeric)],
        });
        var r = new DummyRegressor { Strategy = DummyRegressorStrategy.Quantile, Quantile = 0.25 }.Fit(new Matrix(5, 3), [4.0, 1, 3, 10, 2]);
        ModelFile.Save(r, SamplePath($"dummy-regressor-v{ModelFile.FormatVersion}.fathom"), new ModelMetadata
        {
            Task = "regression",
            Metrics = new Dictionary<string, IReadOnlyDictionary<string, double>> { ["test"] = new Dictionary<string, double> { ["r2"] = 0.75 } },
        });
    }
}
