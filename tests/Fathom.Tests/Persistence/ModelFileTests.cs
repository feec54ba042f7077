using System.Text.Json.Nodes;
using Fathom.Core;
using Fathom.Data;
using Fathom.Dummy;
using Fathom.Numerics;
using Fathom.Persistence;

namespace Fathom.Tests.Persistence;

public sealed class ModelFileTests : IDisposable
{
    private static readonly string[] Labels = ["b", "a", "c", "a", "a", "b", "c", "a", "b", "a"];
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "fathom-persist-" + Guid.NewGuid().ToString("N"));

    public ModelFileTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static DummyClassificationModel Classifier() =>
        new DummyClassifier { Strategy = DummyClassifierStrategy.Stratified, Seed = 3 }
            .Fit(new Matrix(10, 2), Labels, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);

    private static readonly ModelMetadata Metadata = new()
    {
        ModelName = "dummy",
        Target = "species",
        Task = "classification",
        InputSchema = [new ColumnSchema("petal", ColumnKind.Numeric), new ColumnSchema("colour", ColumnKind.Text, ["blue", "red"])],
        Metrics = new Dictionary<string, IReadOnlyDictionary<string, double>>
        {
            ["test"] = new Dictionary<string, double> { ["accuracy"] = 0.5, ["log_loss"] = 1.25 },
        },
    };

    private static byte[] ClassifierBytes() => ModelFile.Serialize(Classifier(), Metadata);

    [Fact]
    public void SaveThenLoadGivesIdenticalPredictionsAndMetadata()
    {
        var model = Classifier();
        string path = Path.Combine(_dir, "m.fathom");
        ModelFile.Save(model, path, Metadata);
        var loaded = ModelFile.Load(path);

        var back = Assert.IsType<DummyClassificationModel>(loaded.Model);
        var x = new Matrix(40, 2);
        Assert.Equal(model.PredictIndex(x), back.PredictIndex(x));
        Assert.Equal(model.PredictProba(x).AsSpan().ToArray(), back.PredictProba(x).AsSpan().ToArray());
        Assert.Equal(1, loaded.FormatVersion);
        Assert.Equal(ModelFile.LibraryVersion, loaded.LibraryVersion);
        Assert.NotNull(loaded.CreatedUtc);
        Assert.Equal("dummy", loaded.Metadata.ModelName);
        Assert.Equal("species", loaded.Metadata.Target);
        Assert.Equal("classification", loaded.Metadata.Task);
        Assert.Equal(2, loaded.Metadata.InputSchema!.Count);
        Assert.Equal(Metadata.InputSchema![0], loaded.Metadata.InputSchema[0]);
        Assert.Equal("colour", loaded.Metadata.InputSchema[1].Name);
        Assert.Equal(ColumnKind.Text, loaded.Metadata.InputSchema[1].Kind);
        Assert.Equal(["blue", "red"], loaded.Metadata.InputSchema[1].Categories!);
        Assert.Equal(1.25, loaded.Metadata.Metrics!["test"]["log_loss"]);
        Assert.Equal(0.5, loaded.Metadata.Metrics["test"]["accuracy"]);
        Assert.Equal(["m.fathom"], Directory.GetFiles(_dir).Select(Path.GetFileName));

        var manifest = ModelFile.ReadManifest(path);
        Assert.Equal("dummy-classifier", manifest["model"]!["kind"]!.GetValue<string>());
        Assert.Equal("stratified", manifest["model"]!["hyperparameters"]!["strategy"]!.GetValue<string>());
    }

    [Fact]
    public void EveryArrayTypeNestedModelsAndNonFiniteNumbersRoundTrip()
    {
        var probe = new ProbeModel
        {
            Special = double.NegativeInfinity,
            Matrix = new Matrix([1, 2, 3, 4, 5, 6, 7, 8, 9], 3, 3).Slice(1, 1, 2, 2), // a strided view
            FeatureCount = 2,
            Child = new ProbeModel { Special = double.NaN, Strings = [] },
        };
        var back = (ProbeModel)ModelFile.Deserialize(ModelFile.Serialize(probe), ProbeModel.Table()).Model;
        Assert.Equal(double.NegativeInfinity, back.Special);
        Assert.Equal(probe.Doubles, back.Doubles);
        Assert.True(double.IsNegative(back.Doubles[1]));
        Assert.Equal(probe.Ints, back.Ints);
        Assert.Equal(probe.Strings, back.Strings);
        Assert.Equal(2, back.Matrix.Rows);
        Assert.Equal([5.0, 6.0, 8.0, 9.0], back.Matrix.AsSpan().ToArray());
        Assert.NotNull(back.Child);
        Assert.True(double.IsNaN(back.Child!.Special));
        Assert.Empty(back.Child.Strings);
    }

    [Fact]
    public void TruncatedFilesAreRefused()
    {
        var bytes = ClassifierBytes();
        string path = Path.Combine(_dir, "t.fathom");
        foreach (int length in new[] { bytes.Length - 1, bytes.Length / 2, 30, 1 })
        {
            File.WriteAllBytes(path, bytes[..length]);
            var e = Assert.Throws<ModelFormatException>(() => ModelFile.Load(path));
            Assert.Contains(path, e.Message, StringComparison.Ordinal);
            Assert.Contains("damaged", e.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void EveryTruncationIsRefused()
    {
        var bytes = ModelFile.Serialize(new DummyRegressor().Fit(new Matrix(3, 1), [1.0, 2, 3]));
        for (int length = 0; length < bytes.Length; length++)
            Assert.Throws<ModelFormatException>(() => ModelFile.Deserialize(bytes[..length]));
    }

    [Fact]
    public void AFlippedByteInADataEntryIsCaughtByItsHash()
    {
        var damaged = ModelFileSurgery.WithEntry(ClassifierBytes(), "data/class_prior.bin", d => ModelFileSurgery.FlipByte(d, 3));
        var e = Assert.Throws<ModelFormatException>(() => ModelFile.Deserialize(damaged));
        Assert.Contains("entry 'data/class_prior.bin' does not match its SHA-256", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AFlippedByteInTheManifestIsCaughtByItsHash()
    {
        var damaged = ModelFileSurgery.WithEntry(ClassifierBytes(), "manifest.json", d => ModelFileSurgery.FlipByte(d, d.Length / 2));
        var e = Assert.Throws<ModelFormatException>(() => ModelFile.Deserialize(damaged));
        Assert.Contains("manifest.json does not match its SHA-256", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnEditedManifestWithTheOldHashIsRefused()
    {
        var edited = ModelFileSurgery.WithManifest(ClassifierBytes(),
            m => m["model"]!["hyperparameters"]!["strategy"] = "most_frequent", fixHash: false);
        var e = Assert.Throws<ModelFormatException>(() => ModelFile.Deserialize(edited));
        Assert.Contains("manifest.json does not match its SHA-256 (the file was edited or corrupted)", e.Message, StringComparison.Ordinal);
        // The same edit with a matching hash is a legitimately different file and loads.
        var consistent = ModelFileSurgery.WithManifest(ClassifierBytes(),
            m => m["model"]!["hyperparameters"]!["strategy"] = "most_frequent", fixHash: true);
        Assert.Equal(DummyClassifierStrategy.MostFrequent, ((DummyClassificationModel)ModelFile.Deserialize(consistent).Model).Strategy);
    }

    [Fact]
    public void AFlippedByteAnywhereInTheFileNeverLoadsWrongStateOrThrowsAnotherError()
    {
        var model = new DummyClassifier { Strategy = DummyClassifierStrategy.Prior }.Fit(new Matrix(4, 1), new[] { "x", "y", "y", "z" });
        var bytes = ModelFile.Serialize(model);
        var x = new Matrix(2, 1);
        var expected = model.PredictProba(x).AsSpan().ToArray();
        int refused = 0;
        for (int i = 0; i < bytes.Length; i++)
        {
            try
            {
                var back = (DummyClassificationModel)ModelFile.Deserialize(ModelFileSurgery.FlipByte(bytes, i)).Model;
                // Only bytes the zip reader ignores (timestamps, version fields, comments) may be flipped harmlessly.
                Assert.Equal(expected, back.PredictProba(x).AsSpan().ToArray());
            }
            catch (ModelFormatException) { refused++; }
        }
        Assert.True(refused > bytes.Length / 2, $"only {refused} of {bytes.Length} flips were refused");
    }

    [Fact]
    public void AnUnknownModelKindIsRefusedWithoutRunningAnyReaderOrCreatingTheNamedType()
    {
        var readersRun = new List<string>();
        var spies = ModelKinds.Known.ToDictionary(k => k, k => (Func<ModelReader, IModel>)(r =>
        {
            readersRun.Add(k);
            throw new InvalidOperationException("a reader ran");
        }), StringComparer.Ordinal);
        string evil = typeof(Tripwire).AssemblyQualifiedName!;
        foreach (string kind in new[] { evil, "Fathom.Dummy.DummyClassificationModel", "no-such-model" })
        {
            var crafted = ModelFileSurgery.WithManifest(ClassifierBytes(), m => m["model"]!["kind"] = kind, fixHash: true);
            var e = Assert.Throws<ModelFormatException>(() => ModelFile.Deserialize(crafted, spies));
            Assert.Contains($"model kind '{kind}', which this version of Fathom does not know", e.Message, StringComparison.Ordinal);
            Assert.Throws<ModelFormatException>(() => ModelFile.Deserialize(crafted)); // and through the real allow-list
        }
        Assert.Empty(readersRun);
        Assert.False(TripwireLog.Created);
        Assert.DoesNotContain(evil, ModelKinds.Known);
    }

    [Fact]
    public void ANewerFormatVersionNamesBothVersions()
    {
        var newer = ModelFileSurgery.WithManifest(ClassifierBytes(), m => m["format_version"] = 99, fixHash: true);
        string path = Path.Combine(_dir, "newer.fathom");
        File.WriteAllBytes(path, newer);
        var e = Assert.Throws<ModelFormatException>(() => ModelFile.Load(path));
        Assert.Contains("format version 99", e.Message, StringComparison.Ordinal);
        Assert.Contains($"reads format versions up to {ModelFile.FormatVersion}", e.Message, StringComparison.Ordinal);
        Assert.Contains("Upgrade Fathom", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not a zip at all, just some text")]
    [InlineData("")]
    public void NonZipAndEmptyFilesAreRefused(string content)
    {
        string path = Path.Combine(_dir, "x.fathom");
        File.WriteAllText(path, content);
        var e = Assert.Throws<ModelFormatException>(() => ModelFile.Load(path));
        Assert.Contains(content.Length == 0 ? "the file is empty" : "not a readable zip archive", e.Message, StringComparison.Ordinal);
        Assert.Throws<ModelFormatException>(() => ModelFile.Load(Path.Combine(_dir, "missing.fathom")));
    }

    [Fact]
    public void MalformedButConsistentManifestsGiveModelFormatException()
    {
        var bytes = ClassifierBytes();
        Action<JsonObject>[] edits =
        [
            m => m["format"] = 5,
            m => m["format_version"] = "one",
            m => m["format_version"] = 0,
            m => m["entries"] = new JsonArray(),
            m => m["entries"]!["data/classes.bin"] = 12,
            m => m["model"] = "x",
            m => m["model"]!["kind"] = 3,
            m => m["model"]!["hyperparameters"]!["strategy"] = "sideways",
            m => m["model"]!["hyperparameters"]!["colour"] = "red",
            m => m["model"]!["properties"]!["feature_count"] = "many",
            m => m["model"]!["arrays"]!["class_prior"]!["length"] = 2,
            m => m["model"]!["arrays"]!["class_prior"]!["type"] = "i32",
            m => m["model"]!["arrays"]!.AsObject().Remove("classes"),
            m => m["feature_count"] = 7,
            m => m["metadata"]!["input_schema"] = new JsonArray(new JsonObject { ["name"] = "a", ["kind"] = "teapot" }),
            m => m["metadata"]!["metrics"] = new JsonObject { ["test"] = new JsonObject { ["accuracy"] = "high" } },
        ];
        foreach (var edit in edits)
            Assert.Throws<ModelFormatException>(() => ModelFile.Deserialize(ModelFileSurgery.WithManifest(bytes, edit, fixHash: true)));
    }

    [Fact]
    public void ExtraOrMissingEntriesAreRefused()
    {
        var entries = ModelFileSurgery.Unzip(ClassifierBytes());
        var extra = new Dictionary<string, byte[]>(entries) { ["data/evil.bin"] = [1, 2, 3] };
        Assert.Contains("not listed", Assert.Throws<ModelFormatException>(() => ModelFile.Deserialize(ModelFileSurgery.Zip(extra))).Message, StringComparison.Ordinal);
        var missing = new Dictionary<string, byte[]>(entries);
        missing.Remove("data/classes.bin");
        Assert.Contains("is missing", Assert.Throws<ModelFormatException>(() => ModelFile.Deserialize(ModelFileSurgery.Zip(missing))).Message, StringComparison.Ordinal);
        var noHash = new Dictionary<string, byte[]>(entries);
        noHash.Remove("manifest.sha256");
        Assert.Contains("manifest.sha256 is missing", Assert.Throws<ModelFormatException>(() => ModelFile.Deserialize(ModelFileSurgery.Zip(noHash))).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AFailedSaveLeavesNoFileAndNoTempFile()
    {
        string path = Path.Combine(_dir, "f.fathom");
        var e = Assert.Throws<InvalidOperationException>(() => ModelFile.Save(new FailingModel(), path));
        Assert.Equal("disk full (simulated)", e.Message);
        Assert.Empty(Directory.GetFileSystemEntries(_dir));
    }

    [Fact]
    public void AFailedSaveLeavesAnExistingFileUntouched()
    {
        string path = Path.Combine(_dir, "keep.fathom");
        ModelFile.Save(Classifier(), path);
        var before = File.ReadAllBytes(path);
        Assert.Throws<InvalidOperationException>(() => ModelFile.Save(new FailingModel(), path));
        Assert.Equal(before, File.ReadAllBytes(path));
        Assert.Equal(["keep.fathom"], Directory.GetFileSystemEntries(_dir).Select(Path.GetFileName));
        // A successful save replaces it.
        ModelFile.Save(new DummyRegressor().Fit(new Matrix(2, 1), [1.0, 2]), path);
        Assert.IsType<DummyRegressionModel>(ModelFile.Load(path).Model);
        Assert.Single(Directory.GetFileSystemEntries(_dir));
    }

    [Fact]
    public void SavingIntoAMissingFolderOrOverAFolderFailsCleanly()
    {
        string missing = Path.Combine(_dir, "no", "such", "m.fathom");
        var e = Assert.Throws<FathomException>(() => ModelFile.Save(Classifier(), missing));
        Assert.Contains("does not exist", e.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(_dir));

        string folder = Path.Combine(_dir, "folder.fathom");
        Directory.CreateDirectory(folder);
        Assert.ThrowsAny<FathomException>(() => ModelFile.Save(Classifier(), folder));
        Assert.Equal(["folder.fathom"], Directory.GetFileSystemEntries(_dir).Select(Path.GetFileName));
        Assert.Empty(Directory.GetFileSystemEntries(folder));
    }

    [Fact]
    public void SerializeIsDeterministicApartFromTheTimestamp()
    {
        var a = ModelFileSurgery.Unzip(ClassifierBytes());
        var b = ModelFileSurgery.Unzip(ClassifierBytes());
        Assert.Equal(a.Keys.Order(), b.Keys.Order());
        foreach (var k in a.Keys.Where(k => k.StartsWith("data/", StringComparison.Ordinal))) Assert.Equal(a[k], b[k]);
    }
}
