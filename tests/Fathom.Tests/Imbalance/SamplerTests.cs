using System.Globalization;
using System.Text.Json.Nodes;
using Fathom.Core;
using Fathom.Imbalance;
using Fathom.Linear;
using Fathom.Metrics;
using Fathom.ModelSelection;
using Fathom.Neighbors;
using Fathom.Numerics;
using Fathom.Tests.Linear;

namespace Fathom.Tests.Imbalance;

/// <summary>Samplers against imbalanced-learn 0.10.0's class counts (Reference/make_sampler_reference.py) and geometric invariants.</summary>
public class SamplerTests
{
    private static readonly JsonNode Ref = LinearTestData.Reference("Imbalance", "sampler_reference.json");

    private static (Matrix X, ClassLabels Y) Data(string name)
    {
        if (name == "bc")
        {
            var (x, t) = LinearTestData.LoadSample("breast_cancer.csv");
            var keep = Ref["rows_kept"]!.AsArray().Select(v => v!.GetValue<int>()).ToArray();
            var z = LinearTestData.Standardize(x).SelectRows(keep);
            return (z, keep.Select(i => t[i]).ToArray());
        }
        var (ix, it) = LinearTestData.LoadSample("iris.csv");
        var rows = Ref["iris_rows"]!.AsArray().Select(v => v!.GetValue<int>()).ToArray();
        return (ix.SelectRows(rows), rows.Select(i => it[i]).ToArray());
    }

    private static ISampler Sampler(string name) => name switch
    {
        "smote" => new Smote(),
        "adasyn" => new Adasyn(),
        "borderline1" => new BorderlineSmote(),
        "borderline2" => new BorderlineSmote { Kind = 2 },
        "over" => new RandomOverSampler(),
        "under" => new RandomUnderSampler(),
        "smote_ratio" => new Smote { Ratio = 0.8 },
        "under_ratio" => new RandomUnderSampler { Ratio = 0.5 },
        "smote_iris" => new Smote { KNeighbors = 3 },
        "adasyn_iris" => new Adasyn { KNeighbors = 3 },
        "smote_iris_not_majority" => new Smote { KNeighbors = 3, SamplingStrategy = SamplingStrategy.NotMajority },
        "under_iris_not_minority" => new RandomUnderSampler { SamplingStrategy = SamplingStrategy.NotMinority },
        _ => throw new ArgumentException(name),
    };

    public static TheoryData<string> Cases => new(Ref["cases"]!.AsObject().Select(kv => kv.Key));

    private static Dictionary<string, int> Counts(ClassLabels y)
    {
        var c = y.ClassCounts();
        return Enumerable.Range(0, c.Length).Where(k => c[k] > 0).ToDictionary(k => y.Classes[k], k => c[k]);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void ClassCountsMatchImbalancedLearn(string name)
    {
        var c = Ref["cases"]![name]!;
        var (x, y) = Data(c["data"]!.GetValue<string>());
        Assert.Equal(c["before"]!.AsObject().ToDictionary(kv => kv.Key, kv => kv.Value!.GetValue<int>()), Counts(y));
        if (c["error"] is not null)
        {
            var e = Assert.Throws<InvalidInputException>(() => Sampler(name).Resample(x, y));
            Assert.Contains("SMOTE", e.Message, StringComparison.Ordinal);
            return;
        }
        var result = Sampler(name).Resample(x, y);
        var expected = c["after"]!.AsObject().ToDictionary(kv => kv.Key, kv => kv.Value!.GetValue<int>());
        var actual = Counts(result.Y);
        if (name == "borderline2")
        {
            // The split between the two kinds of neighbours is a random Beta(10, 10) draw; its rounding can cost one row.
            foreach (var (k, v) in expected) Assert.InRange(actual[k], v - 1, v + 1);
            return;
        }
        Assert.Equal(expected, actual);
    }

    [Theory]
    [InlineData("smote")]
    [InlineData("borderline1")]
    [InlineData("adasyn")]
    [InlineData("smote_iris")]
    public void SyntheticRowsLieOnSegmentsToSameClassNeighbours(string name)
    {
        var c = Ref["cases"]![name]!;
        var (x, y) = Data(c["data"]!.GetValue<string>());
        int k = name.EndsWith("iris", StringComparison.Ordinal) ? 3 : 5;
        var result = Sampler(name).Resample(x, y);
        // Brute-force k nearest same-class rows of every row (independent of the sampler's index).
        var byClass = Enumerable.Range(0, y.ClassCount).Select(cl => Enumerable.Range(0, y.Count).Where(i => y.Codes[i] == cl).ToArray()).ToArray();
        int[][] Knn(int i)
        {
            var same = byClass[y.Codes[i]];
            return [same.Where(j => j != i).OrderBy(j => Distances.SquaredEuclidean(x.Row(i), x.Row(j))).ThenBy(j => j).Take(k).ToArray()];
        }
        var neighbours = Enumerable.Range(0, y.Count).Select(i => Knn(i)[0]).ToArray();
        int synthetic = 0;
        for (int r = 0; r < result.X.Rows; r++)
        {
            if (result.SourceRows[r] >= 0) continue;
            synthetic++;
            var s = result.X.Row(r);
            int cls = result.Y.Codes[r];
            bool found = false;
            foreach (int i in byClass[cls])
            {
                foreach (int j in neighbours[i])
                {
                    var a = x.Row(i);
                    var b = x.Row(j);
                    double dot = 0, len = 0;
                    for (int f = 0; f < a.Length; f++) { dot += (s[f] - a[f]) * (b[f] - a[f]); len += (b[f] - a[f]) * (b[f] - a[f]); }
                    double u = len > 0 ? dot / len : 0;
                    if (u < -1e-12 || u > 1 + 1e-12) continue;
                    double resid = 0;
                    for (int f = 0; f < a.Length; f++) resid += Math.Pow(s[f] - a[f] - u * (b[f] - a[f]), 2);
                    if (resid < 1e-18 * Math.Max(1, len)) { found = true; break; }
                }
                if (found) break;
            }
            Assert.True(found, $"synthetic row {r} of class {result.Y.Classes[cls]} lies on no segment from a class row to one of its {k} nearest class rows");
        }
        Assert.True(synthetic > 0);
        // The original rows come first, unchanged.
        for (int i = 0; i < x.Rows; i++) Assert.Equal(i, result.SourceRows[i]);
    }

    [Fact]
    public void RandomSamplersCopyOrKeepRowsOfTheSameClass()
    {
        var (x, y) = Data("bc");
        var over = new RandomOverSampler { Seed = 3 }.Resample(x, y);
        for (int r = 0; r < over.X.Rows; r++)
        {
            int src = over.SourceRows[r];
            Assert.True(src >= 0);
            Assert.Equal(x.Row(src).ToArray(), over.X.Row(r).ToArray());
            Assert.Equal(y.Codes[src], over.Y.Codes[r]);
        }
        var under = new RandomUnderSampler { Seed = 3 }.Resample(x, y);
        Assert.Equal(under.SourceRows.Order(), under.SourceRows);
        Assert.Equal(under.SourceRows.Count, under.SourceRows.Distinct().Count());
    }

    [Fact]
    public void SameSeedSameRowsOtherSeedOtherRows()
    {
        var (x, y) = Data("bc");
        var a = new Smote { Seed = 5 }.Resample(x, y).X.AsSpan().ToArray();
        var b = new Smote { Seed = 5 }.Resample(x, y).X.AsSpan().ToArray();
        var c = new Smote { Seed = 6 }.Resample(x, y).X.AsSpan().ToArray();
        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
    }

    [Fact]
    public void ResampledClassifierRaisesMinorityRecall()
    {
        var (x, y) = Data("bc");
        var plain = new LogisticRegression { C = 0.01 }.Fit(x, y);
        var balanced = new ResampledClassifier { Sampler = new Smote(), Classifier = new LogisticRegression { C = 0.01 } }.Fit(x, y);
        var truth = Enumerable.Range(0, y.Count).Select(i => y.Classes[y.Codes[i]]).ToArray();
        double recallPlain = LabelMetrics.Recall(truth, plain.Predict(x), Averaging.Binary, "0");
        double recallBalanced = LabelMetrics.Recall(truth, balanced.Predict(x), Averaging.Binary, "0");
        Assert.True(recallBalanced > recallPlain + 0.05, $"minority recall {recallBalanced} with SMOTE vs {recallPlain} without");
    }

    [Fact]
    public void OversamplingBeforeTheSplitLeaksAndInsideTheFoldsDoesNot()
    {
        // 1-nearest-neighbour on noisy labels: duplicated rows in a validation fold find their own copy in training.
        var rng = new RandomSource(11);
        int n = 300;
        var x = new Matrix(n, 2);
        var labels = new int[n];
        for (int i = 0; i < n; i++)
        {
            x[i, 0] = rng.NextGaussian();
            x[i, 1] = rng.NextGaussian();
            labels[i] = rng.NextDouble() < 0.15 ? 1 : 0; // labels independent of x: nothing to learn
        }
        ClassLabels y = labels;
        var knn = new KNeighborsClassifier { NNeighbors = 1 };
        var folds = new StratifiedKFold { NSplits = 5, Shuffle = true, Seed = 0 };
        var leaked = new RandomOverSampler { Seed = 1 }.Resample(x, y);
        double before = CrossValidation.Run(knn, leaked.X, leaked.Y, folds, ["balanced_accuracy"])["balanced_accuracy"].TestMean;
        var inside = new ResampledClassifier { Sampler = new RandomOverSampler(), Classifier = knn, Seed = 1 };
        double honest = CrossValidation.Run(inside, x, y, folds, ["balanced_accuracy"])["balanced_accuracy"].TestMean;
        Assert.True(before > honest + 0.15, $"oversampled before the split {before:F3} vs inside the folds {honest:F3}");
        Assert.InRange(honest, 0.35, 0.65);
    }

    [Fact]
    public void BadSettingsAndDataAreClearErrors()
    {
        var (x, y) = Data("iris");
        var e = Assert.Throws<InvalidHyperparameterException>(() => new Smote { KNeighbors = 10 }.Resample(x, y));
        Assert.Contains("k_neighbors", e.Message, StringComparison.Ordinal);
        Assert.Contains("8 rows", e.Message, StringComparison.Ordinal);
        var bad = x.Clone();
        bad[4, 2] = double.NaN;
        var n = Assert.Throws<InvalidInputException>(() => new Smote { KNeighbors = 3 }.Resample(bad, y));
        Assert.Contains("row 4, column 2", n.Message, StringComparison.Ordinal);
        Assert.Throws<InvalidHyperparameterException>(() => new RandomOverSampler { Ratio = 0.5 }.Resample(x, y));
        var one = Assert.Throws<InvalidInputException>(() => new Smote().Resample(x.RowRange(0, 10), Enumerable.Repeat("a", 10).ToArray()));
        Assert.Contains("single class", one.Message, StringComparison.Ordinal);
        Assert.Throws<InvalidInputException>(() => new ResampledClassifier().Fit(x, y, Enumerable.Repeat(1.0, x.Rows).ToArray()));
    }
}
