using System.IO.Compression;
using System.Text.Json.Nodes;
using Fathom.Data;
using Fathom.Decomposition;
using Fathom.Numerics;
using Fathom.Persistence;
using Fathom.Tests.TestData;

namespace Fathom.Tests.Decomposition;

/// <summary>
/// PCA and IncrementalPCA models saved by an earlier build (Reference/pca-v1.fathom, incremental-pca-v1.fathom, with the
/// outputs that build gave in Reference/pca_saved_models_expected.json) must keep loading, give the same outputs to the
/// bit, and save again in the same format (same manifest model node, same array entries). Never regenerate these files;
/// they were written by <see cref="WriteSamplesWhenAsked"/> (FATHOM_WRITE_PCA_SAMPLES=1) before PCAModel and
/// IncrementalPCAModel were folded onto one shared projection helper.
/// </summary>
public class PcaSavedModelTests
{
    private const int Rows = 20;

    private static string Ref(string name) => TestDatasets.TestFilePath("Decomposition", "Reference", name);

    private static readonly Lazy<JsonNode> Expected = new(() => JsonNode.Parse(File.ReadAllText(Ref("pca_saved_models_expected.json")))!);

    private static DataFrame Frame() => DataFrame.FromMatrix(TestDatasets.Iris().X);

    private static Matrix Head() => TestDatasets.Iris().X.RowRange(0, Rows).Clone();

    private static double[] D(JsonNode n) => n.AsArray().Select(v => v!.GetValue<double>()).ToArray();

    private static PCA PcaOptions => new() { NComponents = 3, Whiten = true };

    private static IncrementalPCA IncrementalOptions => new() { NComponents = 3, Whiten = true, BatchSize = 40 };

    [Fact]
    public void PcaSavedEarlierLoadsAndGivesTheSameOutputs()
    {
        var model = Assert.IsType<PCAModel>(ModelFile.Load(Ref("pca-v1.fathom")).Model);
        var e = Expected.Value["pca"]!;
        var head = Head();
        var z = model.Transform(head);
        Assert.Equal(D(e["transform"]!), z.AsSpan().ToArray());
        Assert.Equal(D(e["transform"]!), model.Transform(DataFrame.FromMatrix(head)).ToMatrix().AsSpan().ToArray());
        Assert.Equal(D(e["inverse"]!), model.InverseTransform(z).AsSpan().ToArray());
        var back = model.InverseTransform(DataFrame.FromMatrix(z, model.FeatureNamesOut.ToArray()));
        Assert.Equal(model.FeatureNamesIn, back.ColumnNames);
        Assert.Equal(D(e["inverse"]!), back.ToMatrix().AsSpan().ToArray());
        Assert.Equal(new[] { "pca0", "pca1", "pca2" }, model.FeatureNamesOut);
        Assert.Equal(D(e["explained_variance"]!), model.ExplainedVariance);
        Assert.Equal(D(e["mean"]!), model.Mean);
        Assert.Equal(150, model.RowCount);
        Assert.True(model.Options.Whiten);
    }

    [Fact]
    public void IncrementalPcaSavedEarlierLoadsAndGivesTheSameOutputs()
    {
        var model = Assert.IsType<IncrementalPCAModel>(ModelFile.Load(Ref("incremental-pca-v1.fathom")).Model);
        var e = Expected.Value["incremental_pca"]!;
        var head = Head();
        Assert.Equal(D(e["transform"]!), model.Transform(head).AsSpan().ToArray());
        Assert.Equal(D(e["transform"]!), model.Transform(DataFrame.FromMatrix(head)).ToMatrix().AsSpan().ToArray());
        Assert.Equal(D(e["partial_fit_transform"]!), model.PartialFit(head).Transform(head).AsSpan().ToArray());
        Assert.Equal(new[] { "incrementalpca0", "incrementalpca1", "incrementalpca2" }, model.FeatureNamesOut);
        Assert.Equal(D(e["variance"]!), model.Variance);
        Assert.Equal(150L, model.SamplesSeen);
    }

    [Theory]
    [InlineData("pca-v1.fathom")]
    [InlineData("incremental-pca-v1.fathom")]
    public void ResavingWritesTheSameModelNodeAndEntries(string file)
    {
        var old = File.ReadAllBytes(Ref(file));
        var again = ModelFile.Serialize(ModelFile.Deserialize(old).Model);
        var a = Manifest(old);
        var b = Manifest(again);
        Assert.Equal(a["model"]!.ToJsonString(), b["model"]!.ToJsonString());
        Assert.Equal(a["entries"]!.ToJsonString(), b["entries"]!.ToJsonString());
        Assert.Equal(a["feature_count"]!.GetValue<int>(), b["feature_count"]!.GetValue<int>());
    }

    [Fact]
    public void FreshFitsSaveTheSameAsTheSamples()
    {
        var frame = Frame();
        Assert.Equal(Manifest(File.ReadAllBytes(Ref("pca-v1.fathom")))["entries"]!.ToJsonString(),
            Manifest(ModelFile.Serialize(PcaOptions.Fit(frame)))["entries"]!.ToJsonString());
        Assert.Equal(Manifest(File.ReadAllBytes(Ref("incremental-pca-v1.fathom")))["entries"]!.ToJsonString(),
            Manifest(ModelFile.Serialize(IncrementalOptions.Fit(frame)))["entries"]!.ToJsonString());
    }

    [Fact]
    public void ErrorMessagesNameTheRightModel()
    {
        var pca = Assert.IsType<PCAModel>(ModelFile.Load(Ref("pca-v1.fathom")).Model);
        var ipca = Assert.IsType<IncrementalPCAModel>(ModelFile.Load(Ref("incremental-pca-v1.fathom")).Model);
        var narrow = DataFrame.FromMatrix(new Matrix(2, 3));
        Assert.Equal("PCAModel was fitted on 4 features but the data has 3; pass the same columns, in the same order, as at fit time.",
            Assert.Throws<Fathom.Core.InvalidInputException>(() => pca.Transform(new Matrix(2, 3))).Message);
        Assert.Equal("IncrementalPCAModel was fitted on 4 features but the data has 3; pass the same columns, in the same order, as at fit time.",
            Assert.Throws<Fathom.Core.InvalidInputException>(() => ipca.Transform(new Matrix(2, 3))).Message);
        Assert.Equal("IncrementalPCAModel was fitted on 4 features but the data has 3; pass the same columns, in the same order, as at fit time.",
            Assert.Throws<Fathom.Core.InvalidInputException>(() => ipca.PartialFit(new Matrix(5, 3))).Message);
        Assert.Equal("PCA was fitted with a column named 'x3', which the data does not have (the model reads 4 column(s), the data has 3); add that column (missing values are allowed in it).",
            Assert.Throws<Fathom.Core.InvalidInputException>(() => pca.Transform(narrow)).Message);
        Assert.Equal("IncrementalPCA was fitted with a column named 'x3', which the data does not have (the model reads 4 column(s), the data has 3); add that column (missing values are allowed in it).",
            Assert.Throws<Fathom.Core.InvalidInputException>(() => ipca.Transform(narrow)).Message);
        Assert.Equal("PCAModel.InverseTransform: the model has 3 components but the data has 2 columns.",
            Assert.Throws<Fathom.Core.InvalidInputException>(() => pca.InverseTransform(new Matrix(1, 2))).Message);
        Assert.StartsWith("PCA.InverseTransform was fitted with a column named 'pca2'",
            Assert.Throws<Fathom.Core.InvalidInputException>(() => pca.InverseTransform(DataFrame.FromMatrix(new Matrix(1, 2), ["pca0", "pca1"]))).Message);
        Assert.Equal("batch", Assert.Throws<ArgumentNullException>(() => ipca.PartialFit(null!)).ParamName);
    }

    private static JsonObject Manifest(byte[] bytes)
    {
        using var zip = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read);
        using var s = zip.GetEntry("manifest.json")!.Open();
        return JsonNode.Parse(s)!.AsObject();
    }

    [Fact]
    public void WriteSamplesWhenAsked()
    {
        if (Environment.GetEnvironmentVariable("FATHOM_WRITE_PCA_SAMPLES") != "1") return;
        var frame = Frame();
        var head = Head();
        var pca = PcaOptions.Fit(frame);
        var ipca = IncrementalOptions.Fit(frame);
        ModelFile.Save(pca, Ref("pca-v1.fathom"));
        ModelFile.Save(ipca, Ref("incremental-pca-v1.fathom"));
        var z = pca.Transform(head);
        var json = new JsonObject
        {
            ["note"] = "Written by PcaSavedModelTests.WriteSamplesWhenAsked (before the PCA model fold) from the first 20 iris rows; row-major.",
            ["pca"] = new JsonObject
            {
                ["transform"] = Arr(z.AsSpan().ToArray()),
                ["inverse"] = Arr(pca.InverseTransform(z).AsSpan().ToArray()),
                ["explained_variance"] = Arr(pca.ExplainedVariance.ToArray()),
                ["mean"] = Arr(pca.Mean.ToArray()),
            },
            ["incremental_pca"] = new JsonObject
            {
                ["transform"] = Arr(ipca.Transform(head).AsSpan().ToArray()),
                ["partial_fit_transform"] = Arr(ipca.PartialFit(head).Transform(head).AsSpan().ToArray()),
                ["variance"] = Arr(ipca.Variance.ToArray()),
            },
        };
        File.WriteAllText(Ref("pca_saved_models_expected.json"), json.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }));
    }

    private static JsonArray Arr(double[] v) => new(v.Select(x => (JsonNode?)JsonValue.Create(x)).ToArray());
}
