using Fathom.Core;
using Fathom.Data;

namespace Fathom.Tests.Data;

public class DataSplitTests
{
    [Theory]
    [InlineData(150, 0.2, 30)]
    [InlineData(10, 0.25, 3)]      // ceil(2.5) as sklearn
    [InlineData(7, 0.1, 1)]
    [InlineData(100, 0.333, 34)]
    public void TestSizeIsRoundedUpAndSetsPartitionTheRows(int rows, double testSize, int expectedTest)
    {
        var (train, test) = DataSplit.TrainTestIndices(rows, testSize, seed: 3);
        Assert.Equal(expectedTest, test.Length);
        Assert.Equal(rows - expectedTest, train.Length);
        Assert.Equal(Enumerable.Range(0, rows), train.Concat(test).Order());
    }

    [Fact]
    public void DeterministicPerSeed()
    {
        var a = DataSplit.TrainTestIndices(500, 0.3, 42);
        var b = DataSplit.TrainTestIndices(500, 0.3, 42);
        var c = DataSplit.TrainTestIndices(500, 0.3, 43);
        Assert.Equal(a.Test, b.Test);
        Assert.Equal(a.Train, b.Train);
        Assert.NotEqual(a.Test, c.Test);
    }

    [Fact]
    public void ExactCount()
    {
        var (train, test) = DataSplit.TrainTestIndices(20, 5, seed: 0);
        Assert.Equal(5, test.Length);
        Assert.Equal(15, train.Length);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(-0.1)]
    [InlineData(double.NaN)]
    public void InvalidFractionNamesTheParameter(double testSize)
    {
        var e = Assert.Throws<InvalidHyperparameterException>(() => DataSplit.TrainTestIndices(10, testSize, 0));
        Assert.Equal("testSize", e.Parameter);
        Assert.Contains("between 0 and 1", e.Message);
    }

    [Fact]
    public void InvalidCountsAndRows()
    {
        Assert.Throws<InvalidHyperparameterException>(() => DataSplit.TrainTestIndices(10, 10, 0));
        Assert.Throws<InvalidHyperparameterException>(() => DataSplit.TrainTestIndices(10, 0, 0));
        Assert.Throws<InvalidHyperparameterException>(() => DataSplit.TrainTestIndices(3, 0.99, 0));   // ceil → 3 test rows, 0 train
        Assert.Throws<InvalidInputException>(() => DataSplit.TrainTestIndices(1, 0.5, 0));
        Assert.Throws<InvalidInputException>(() => DataSplit.TrainTestIndices(4, 0.5, 0, new[] { "a", "b", "c" }));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void StratifiedKeepsProportions(int seed)
    {
        var rng = new RandomSource(100 + seed);
        int classes = 2 + rng.NextInt(6);
        int rows = 30 + rng.NextInt(300);
        var labels = new int[rows];
        for (int i = 0; i < rows; i++) labels[i] = (int)Math.Min(classes - 1, Math.Floor(classes * Math.Pow(rng.NextDouble(), 2)));
        for (int k = 0; k < classes; k++) labels[k] = k;          // every class at least ...
        for (int k = 0; k < classes; k++) labels[classes + k] = k; // ... twice
        double testSize = 0.1 + 0.5 * rng.NextDouble();
        ClassLabels y = labels;
        var (train, test) = DataSplit.TrainTestIndices(rows, testSize, seed, y);
        Assert.Equal((int)Math.Ceiling(testSize * rows), test.Length);
        Assert.Equal(Enumerable.Range(0, rows), train.Concat(test).Order());
        var counts = y.ClassCounts();
        for (int k = 0; k < classes; k++)
        {
            int inTest = test.Count(i => y.Codes[i] == k);
            int inTrain = train.Count(i => y.Codes[i] == k);
            double share = (double)test.Length * counts[k] / rows;
            Assert.True(Math.Abs(inTest - share) <= 1.0, $"class {k}: {inTest} test rows, exact share {share}");
            Assert.True(inTest >= 1 && inTrain >= 1, $"class {k} ({counts[k]} rows) missing from a set");
        }
    }

    [Fact]
    public void StratifiedRareClassAppearsInBothSets()
    {
        // 98 'a' and 2 'b' with test size 0.1: b's share is 0.2 but it must still appear in the test set.
        var labels = Enumerable.Repeat("a", 98).Concat(["b", "b"]).ToArray();
        var (train, test) = DataSplit.TrainTestIndices(100, 0.1, 1, labels);
        Assert.Equal(10, test.Length);
        Assert.Equal(1, test.Count(i => labels[i] == "b"));
        Assert.Equal(1, train.Count(i => labels[i] == "b"));
    }

    [Fact]
    public void StratifiedNeedsRoomForEveryClass()
    {
        var labels = new[] { "a", "a", "b", "b", "c", "c", "d", "d" };
        var e = Assert.Throws<InvalidInputException>(() => DataSplit.TrainTestIndices(8, 0.2, 0, labels));
        Assert.Contains("4 classes", e.Message);
    }

    [Fact]
    public void FrameSplitStratifiedByColumn()
    {
        var df = CsvReader.Read(Samples.Path("iris.csv"));
        var (train, test) = DataSplit.TrainTest(df, 0.2, 7, "target");
        Assert.Equal(120, train.RowCount);
        Assert.Equal(30, test.RowCount);
        var t = (TextColumn)test["target"];
        Assert.All(new[] { "setosa", "versicolor", "virginica" }, c => Assert.Equal(10, t.Values.ToArray().Count(v => v == c)));
        var penguins = CsvReader.Read(Samples.Path("penguins.csv"));
        Assert.Throws<InvalidInputException>(() => DataSplit.TrainTest(penguins, 0.2, 0, "Sex"));
    }
}
