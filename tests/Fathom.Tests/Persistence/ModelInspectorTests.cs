using System.Text.Json.Nodes;
using Fathom.Core;
using Fathom.Dummy;
using Fathom.Numerics;
using Fathom.Persistence;

namespace Fathom.Tests.Persistence;

public sealed class ModelInspectorTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "fathom-inspect-" + Guid.NewGuid().ToString("N"));

    public ModelInspectorTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static byte[] File1() =>
        ModelFile.Serialize(new DummyClassifier().Fit(new Matrix(4, 2), new[] { "x", "y", "y", "z" }));

    [Fact]
    public void DescribeInlinesSmallArraysFromTheVerifiedFile()
    {
        string path = Path.Combine(_dir, "m.fathom");
        File.WriteAllBytes(path, File1());
        var d = ModelInspector.Describe(path);
        Assert.Null(d["entries"]);
        var arrays = d["model"]!["arrays"]!;
        Assert.Equal([0.25, 0.5, 0.25], arrays["class_prior"]!["values"]!.AsArray().Select(v => v!.GetValue<double>()));
        Assert.Equal(["x", "y", "z"], arrays["classes"]!["values"]!.AsArray().Select(v => v!.GetValue<string>()));
        Assert.Null(arrays["classes"]!["entry"]);
        Assert.Null(ModelInspector.Describe(path, maxValues: 2)["model"]!["arrays"]!["classes"]!["values"]);
    }

    [Fact]
    public void DescribeRefusesDamagedFilesAndSkipsArraysThatDoNotFit()
    {
        string path = Path.Combine(_dir, "bad.fathom");
        File.WriteAllBytes(path, File1()[..100]);
        Assert.Throws<ModelFormatException>(() => ModelInspector.Describe(path));

        // A consistent file with an extra array descriptor the model never reads, whose length is wrong.
        var crafted = ModelFileSurgery.WithManifest(File1(), m =>
            m["model"]!["arrays"]!["ghost"] = new JsonObject { ["entry"] = "data/classes.bin", ["type"] = "f64", ["length"] = 3 }, fixHash: true);
        File.WriteAllBytes(path, crafted);
        var d = ModelInspector.Describe(path);
        Assert.Null(d["model"]!["arrays"]!["ghost"]!["values"]);
        Assert.NotNull(d["model"]!["arrays"]!["class_prior"]!["values"]);
    }
}
