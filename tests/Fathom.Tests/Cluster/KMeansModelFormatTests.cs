using System.Text.Json;
using System.Text.Json.Nodes;
using Fathom.Cluster;
using Fathom.Core;
using Fathom.Numerics;
using Fathom.Persistence;
using Fathom.Tests.Persistence;
using Fathom.Tests.TestData;

namespace Fathom.Tests.Cluster;

/// <summary>
/// The saved form of <see cref="KMeansModel"/> and <see cref="MiniBatchKMeansModel"/> stays put: model files
/// committed under Reference/ (kmeans-iris.fathom, minibatch-kmeans-iris.fathom) must load and give, bit for bit,
/// the outputs stored beside them (kmeans-iris-outputs.json), and saving the loaded model again must write the
/// same model node and entries. The files and outputs were written once by <see cref="WriteSamplesWhenAsked"/>
/// (FATHOM_WRITE_SAMPLES=1) before the two models were folded onto one shared helper; never regenerate them.
/// </summary>
public class KMeansModelFormatTests
{
    private static string ReferencePath(string name) => TestDatasets.TestFilePath("Cluster", "Reference", name);

    private static readonly Lazy<JsonNode> Outputs = new(() =>
        JsonNode.Parse(File.ReadAllText(ReferencePath("kmeans-iris-outputs.json")))!);

    private static double[] Doubles(JsonNode node) => node.AsArray().Select(v => v!.GetValue<double>()).ToArray();

    [Fact]
    public void KMeansFileSavedBeforeTheFoldGivesTheSameOutputs()
    {
        var x = TestDatasets.Iris().X;
        var expected = Outputs.Value["kmeans"]!;
        var m = Assert.IsType<KMeansModel>(ModelFile.Load(ReferencePath("kmeans-iris.fathom")).Model);
        Assert.Equal(3, m.ClusterCount);
        Assert.Equal(4, m.FeatureCount);
        Assert.Equal("kmeans", m.ModelKind);
        Assert.Equal(3, m.Options.Clusters);
        Assert.Equal(7, m.Options.Seed);
        Assert.Equal(Doubles(expected["centers"]!), m.ClusterCenters.AsSpan().ToArray());
        Assert.Equal(ClusterReference.Ints(expected["labels"]!), m.Labels);
        Assert.Equal(expected["inertia"]!.GetValue<double>(), m.Inertia);
        Assert.Equal(expected["iterations"]!.GetValue<int>(), m.Iterations);
        Assert.Equal(ClusterReference.Ints(expected["predict"]!), m.Predict(x));
        var t = m.Transform(x);
        Assert.Equal(Doubles(expected["transform"]!), t.AsSpan().ToArray());
        Assert.Equal(expected["score"]!.GetValue<double>(), m.Score(x));

        // Independent answer: the distances are ‖xᵢ − cⱼ‖ and the prediction is the nearest centre.
        var c = m.ClusterCenters;
        var predicted = m.Predict(x);
        for (int i = 0; i < x.Rows; i++)
        {
            int best = 0;
            for (int j = 0; j < c.Rows; j++)
            {
                double s = 0;
                for (int f = 0; f < x.Columns; f++) s += (x[i, f] - c[j, f]) * (x[i, f] - c[j, f]);
                Assert.Equal(Math.Sqrt(s), t[i, j], 1e-9);
                if (t[i, j] < t[i, best]) best = j;
            }
            Assert.Equal(best, predicted[i]);
        }
    }

    [Fact]
    public void MiniBatchKMeansFileSavedBeforeTheFoldGivesTheSameOutputs()
    {
        var x = TestDatasets.Iris().X;
        var expected = Outputs.Value["minibatch_kmeans"]!;
        var m = Assert.IsType<MiniBatchKMeansModel>(ModelFile.Load(ReferencePath("minibatch-kmeans-iris.fathom")).Model);
        Assert.Equal(3, m.ClusterCount);
        Assert.Equal(4, m.FeatureCount);
        Assert.Equal("minibatch-kmeans", m.ModelKind);
        Assert.Equal(50, m.Options.BatchSize);
        Assert.Equal(Doubles(expected["centers"]!), m.ClusterCenters.AsSpan().ToArray());
        Assert.Equal(ClusterReference.Ints(expected["labels"]!), m.Labels);
        Assert.Equal(expected["inertia"]!.GetValue<double>(), m.Inertia);
        Assert.Equal(expected["steps"]!.GetValue<int>(), m.Steps);
        Assert.Equal(ClusterReference.Ints(expected["predict"]!), m.Predict(x));
    }

    [Theory]
    [InlineData("kmeans-iris.fathom")]
    [InlineData("minibatch-kmeans-iris.fathom")]
    public void SavingTheLoadedModelWritesTheSameModelNodeAndEntries(string file)
    {
        byte[] before = File.ReadAllBytes(ReferencePath(file));
        byte[] after = ModelFile.Serialize(ModelFile.Deserialize(before).Model);
        var a = ModelFileSurgery.Manifest(before);
        var b = ModelFileSurgery.Manifest(after);
        Assert.Equal(a["model"]!.ToJsonString(), b["model"]!.ToJsonString());
        Assert.Equal(a["entries"]!.ToJsonString(), b["entries"]!.ToJsonString());
        var ea = ModelFileSurgery.Unzip(before);
        var eb = ModelFileSurgery.Unzip(after);
        Assert.Equal(ea.Keys.Order(StringComparer.Ordinal), eb.Keys.Order(StringComparer.Ordinal));
        foreach (var (name, data) in ea)
            if (!name.StartsWith("manifest.", StringComparison.Ordinal)) Assert.Equal(data, eb[name]);
    }

    [Fact]
    public void DamagedLabelsKeepTheirMessages()
    {
        foreach (var (file, what) in new[] { ("kmeans-iris.fathom", "a k-means label"), ("minibatch-kmeans-iris.fathom", "a mini-batch k-means label") })
        {
            byte[] bytes = File.ReadAllBytes(ReferencePath(file));
            // Replace the labels entry by one whose first label is 3 (k = 3), keeping the hashes consistent.
            var entries = ModelFileSurgery.Unzip(bytes);
            string labelsEntry = entries.Keys.Single(k => k.Contains("labels", StringComparison.Ordinal));
            byte[] labels = (byte[])entries[labelsEntry].Clone();
            System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(labels, 3);
            byte[] edited = ModelFileSurgery.WithEntry(bytes, labelsEntry, _ => labels);
            edited = ModelFileSurgery.WithManifest(edited, mf =>
                mf["entries"]![labelsEntry] = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(labels)), fixHash: true);
            var e = Assert.Throws<ModelFormatException>(() => ModelFile.Deserialize(edited));
            Assert.Equal($"The model file is damaged: {what} 3 is outside 0..2.", e.Message);
        }
    }

    [Fact]
    public void WriteSamplesWhenAsked()
    {
        if (Environment.GetEnvironmentVariable("FATHOM_WRITE_SAMPLES") != "1") return;
        var x = TestDatasets.Iris().X;
        var k = new KMeans { Clusters = 3, Seed = 7 }.Fit(x);
        var mb = new MiniBatchKMeans { Clusters = 3, BatchSize = 50, Seed = 7 }.Fit(x);
        ModelFile.Save(k, ReferencePath("kmeans-iris.fathom"));
        ModelFile.Save(mb, ReferencePath("minibatch-kmeans-iris.fathom"));
        var root = new JsonObject
        {
            ["note"] = "Outputs of the models in kmeans-iris.fathom and minibatch-kmeans-iris.fathom on samples/iris.csv, written by KMeansModelFormatTests.WriteSamplesWhenAsked before the fold.",
            ["kmeans"] = new JsonObject
            {
                ["centers"] = Array(k.ClusterCenters.AsSpan().ToArray()),
                ["labels"] = Array(k.Labels),
                ["inertia"] = k.Inertia,
                ["iterations"] = k.Iterations,
                ["predict"] = Array(k.Predict(x)),
                ["transform"] = Array(k.Transform(x).AsSpan().ToArray()),
                ["score"] = k.Score(x),
            },
            ["minibatch_kmeans"] = new JsonObject
            {
                ["centers"] = Array(mb.ClusterCenters.AsSpan().ToArray()),
                ["labels"] = Array(mb.Labels),
                ["inertia"] = mb.Inertia,
                ["steps"] = mb.Steps,
                ["predict"] = Array(mb.Predict(x)),
            },
        };
        File.WriteAllText(ReferencePath("kmeans-iris-outputs.json"), root.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
    }

    private static JsonArray Array(IEnumerable<double> values) => new(values.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray());

    private static JsonArray Array(IEnumerable<int> values) => new(values.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray());
}
