using System.Globalization;

namespace Fathom.Cli.Tests;

/// <summary>
/// Issue 4's "done when" through the command line: a tree model trained by <c>fathom train</c> on penguins (missing
/// values in Sex, categorical Island and Sex) predicts, with <c>fathom predict</c>, rows with unseen categories and a
/// missing value in a column that had none at training. Expected answers follow the documented preprocessing: an
/// unseen category is ignored (all indicator columns 0, so any two unseen names predict alike), and a missing number
/// is replaced by the training median (recomputed here from the file).
/// </summary>
public class UnseenValuesPredictTests
{
    private const int FlipperColumn = 4; // Species,Island,Beak Length (mm),Beak Depth (mm),Flipper Length (mm),Body Mass (g),Sex

    [Theory]
    [InlineData("decision-tree")]
    [InlineData("random-forest")]
    [InlineData("extra-trees")]
    [InlineData("gradient-boosting")]
    [InlineData("adaboost-classifier")]
    public void PredictHandlesUnseenCategoriesAndNewMissingValues(string name)
    {
        using var dir = new TempDir();
        var lines = File.ReadAllLines(CliRunner.Sample("penguins.csv"));
        // Training rows: every penguin with a flipper length, so that column has no missing value at training.
        var train = lines.Skip(1).Where(l => l.Split(',')[FlipperColumn].Length > 0).ToArray();
        Assert.Equal(lines.Length - 3, train.Length);
        Assert.Contains(train, l => l.Split(',')[6].Length == 0); // Sex is missing in some training rows
        string trainCsv = dir.Write("train.csv", lines[0] + "\n" + string.Join('\n', train) + "\n");
        string model = dir.File("model.fathom");
        var t = CliRunner.Run("train", trainCsv, "--target", "Species", "--model", name, "--test-size", "0", "--seed", "0",
            "--out", model, "--json");
        Assert.True(t.ExitCode == 0, t.Error);

        var flippers = train.Select(l => double.Parse(l.Split(',')[FlipperColumn], CultureInfo.InvariantCulture)).Order().ToArray();
        double median = (flippers[(flippers.Length - 1) / 2] + flippers[flippers.Length / 2]) / 2;

        // For three penguins (one per species): as is, unseen island (two names), unseen sex, missing flipper,
        // flipper = median, and everything at once.
        var probe = new List<string> { lines[0] };
        foreach (int row in new[] { 1, 160, 300 })
        {
            var f = train[row].Split(',');
            string With(int column, string value)
            {
                var g = (string[])f.Clone();
                g[column] = value;
                return string.Join(',', g);
            }
            probe.Add(train[row]);
            probe.Add(With(1, "Atlantis"));
            probe.Add(With(1, "Narnia"));
            probe.Add(With(6, "UNKNOWN"));
            probe.Add(With(FlipperColumn, ""));
            probe.Add(With(FlipperColumn, median.ToString(CultureInfo.InvariantCulture)));
            var all = (string[])f.Clone();
            all[1] = "Atlantis";
            all[6] = "UNKNOWN";
            all[FlipperColumn] = "";
            probe.Add(string.Join(',', all));
        }
        string probeCsv = dir.Write("probe.csv", string.Join('\n', probe) + "\n");
        var p = CliRunner.Run("predict", model, probeCsv, "--proba");
        Assert.True(p.ExitCode == 0, p.Error);
        var rows = p.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Species,proba_Adelie,proba_Chinstrap,proba_Gentoo", rows[0]);
        Assert.Equal(3 * 7 + 1, rows.Length);
        for (int b = 0; b < 3; b++)
        {
            string Row(int k) => rows[1 + 7 * b + k];
            Assert.Equal(Row(1), Row(2));   // two unseen islands: both ignored alike
            Assert.Equal(Row(5), Row(4));   // missing flipper length = training median
            foreach (int k in Enumerable.Range(0, 7))
            {
                var proba = Row(k).Split(',').Skip(1).Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
                Assert.Equal(1.0, proba.Sum(), 9);
            }
        }
        // The unchanged rows are their species (trained on them; AdaBoost's stumps need not fit every training row).
        if (name != "adaboost-classifier")
            Assert.Equal(["Adelie", "Chinstrap", "Gentoo"], new[] { 1, 8, 15 }.Select(i => rows[i].Split(',')[0]));
    }
}
