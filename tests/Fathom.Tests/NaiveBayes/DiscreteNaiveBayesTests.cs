using System.Globalization;
using System.Text.Json.Nodes;
using Fathom.Core;
using Fathom.NaiveBayes;
using Fathom.Numerics;
using Fathom.Persistence;
using Fathom.Tests.Linear;

namespace Fathom.Tests.NaiveBayes;

/// <summary>Multinomial, Bernoulli and complement naive Bayes against scikit-learn 1.2.1 on digits (Reference/make_discrete_nb_reference.py).</summary>
public class DiscreteNaiveBayesTests
{
    private static readonly JsonNode Ref = LinearTestData.Reference("NaiveBayes", "discrete_nb_reference.json");
    private static readonly Lazy<(Matrix X, int[] Y)> Digits = new(() =>
    {
        var (x, t) = LinearTestData.LoadSample("digits.csv");
        return (x, t.Select(v => (int)double.Parse(v, CultureInfo.InvariantCulture)).ToArray());
    });

    public static TheoryData<string> Cases => new(Ref["cases"]!.AsArray().Select(n => n!["name"]!.GetValue<string>()));

    private static double[] Weights(int n) => Enumerable.Range(0, n).Select(i => 1.0 + i % 3).ToArray();

    private static IClassifier Estimator(JsonNode c)
    {
        var p = c["params"]!;
        string name = c["name"]!.GetValue<string>();
        double alpha = p["alpha"]!.GetValue<double>();
        IReadOnlyList<double>? prior = p["class_prior"] is JsonArray a ? a.Select(v => v!.GetValue<double>()).ToArray() : null;
        bool fitPrior = p["fit_prior"]!.GetValue<bool>();
        if (name.StartsWith("multinomial", StringComparison.Ordinal))
            return new MultinomialNB { Alpha = alpha, FitPrior = fitPrior, ClassPrior = prior };
        if (name.StartsWith("bernoulli", StringComparison.Ordinal))
            return new BernoulliNB { Alpha = alpha, FitPrior = fitPrior, ClassPrior = prior, Binarize = p["binarize"]?.GetValue<double>() };
        return new ComplementNB { Alpha = alpha, FitPrior = fitPrior, ClassPrior = prior, Norm = p["norm"]!.GetValue<bool>() };
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void MatchesScikitLearn(string name)
    {
        var c = Ref["cases"]!.AsArray().First(n => n!["name"]!.GetValue<string>() == name)!;
        var (x, y) = Digits.Value;
        var w = c["weighted"]!.GetValue<bool>() ? Weights(y.Length) : null;
        var model = (DiscreteNaiveBayesModel)Estimator(c).Fit(x, y, w);

        Assert.Equal(LinearTestData.Doubles(c["class_count"]), model.ClassCount);
        var lp = LinearTestData.Doubles(c["class_log_prior"]);
        for (int k = 0; k < lp.Length; k++) Assert.Equal(lp[k], model.ClassLogPrior[k], 1e-12);
        var flp = LinearTestData.Rows(c["feature_log_prob"]);
        var mine = model.FeatureLogProb;
        for (int k = 0; k < flp.Length; k++)
            for (int j = 0; j < flp[k].Length; j++)
                Assert.True(Math.Abs(flp[k][j] - mine[k, j]) <= 1e-10 * Math.Max(1, Math.Abs(flp[k][j])), $"feature_log_prob[{k},{j}] {mine[k, j]} vs {flp[k][j]}");

        var predicted = model.Predict(x).Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal(c["predict"]!.AsArray().Select(v => v!.GetValue<int>()), predicted);
        var rows = c["probe_rows"]!.AsArray().Select(v => v!.GetValue<int>()).ToArray();
        var proba = model.PredictProba(x.SelectRows(rows));
        var logProba = model.PredictLogProba(x.SelectRows(rows));
        var refProba = LinearTestData.Rows(c["probe_proba"]);
        var refLog = LinearTestData.Rows(c["probe_log_proba"]);
        for (int i = 0; i < rows.Length; i++)
            for (int k = 0; k < refProba[i].Length; k++)
            {
                Assert.Equal(refProba[i][k], proba[i, k], 1e-10);
                Assert.True(Math.Abs(refLog[i][k] - logProba[i, k]) <= 1e-9 * Math.Max(1, Math.Abs(refLog[i][k])), $"log proba [{i},{k}] {logProba[i, k]} vs {refLog[i][k]}");
            }
    }

    public static TheoryData<string> Kinds => new("multinomial", "bernoulli", "complement");

    private static (IClassifier Est, Func<Matrix, int[], int[], double[]?, DiscreteNaiveBayesModel> Start,
        Func<DiscreteNaiveBayesModel, Matrix, int[], double[]?, DiscreteNaiveBayesModel> Next) Incremental(string kind) => kind switch
    {
        "multinomial" => (new MultinomialNB(), (x, y, all, w) => new MultinomialNB().PartialFit(x, y, all, w),
            (m, x, y, w) => ((MultinomialNBModel)m).PartialFit(x, y, w)),
        "bernoulli" => (new BernoulliNB { Binarize = 5 }, (x, y, all, w) => new BernoulliNB { Binarize = 5 }.PartialFit(x, y, all, w),
            (m, x, y, w) => ((BernoulliNBModel)m).PartialFit(x, y, w)),
        _ => (new ComplementNB(), (x, y, all, w) => new ComplementNB().PartialFit(x, y, all, w),
            (m, x, y, w) => ((ComplementNBModel)m).PartialFit(x, y, w)),
    };

    [Theory]
    [MemberData(nameof(Kinds))]
    public void PartialFitOverChunksEqualsOneFit(string kind)
    {
        var (x, y) = Digits.Value;
        var w = Weights(y.Length);
        var (est, start, next) = Incremental(kind);
        var full = (DiscreteNaiveBayesModel)est.Fit(x, y, w);
        int[] all = Enumerable.Range(0, 10).ToArray();
        int chunk = 500;
        DiscreteNaiveBayesModel? model = null;
        for (int s = 0; s < y.Length; s += chunk)
        {
            int len = Math.Min(chunk, y.Length - s);
            var rows = Enumerable.Range(s, len).ToArray();
            var xc = x.SelectRows(rows);
            var yc = y[s..(s + len)];
            var wc = w[s..(s + len)];
            model = model is null ? start(xc, yc, all, wc) : next(model, xc, yc, wc);
        }
        Assert.Equal(full.ClassCount, model!.ClassCount);
        Assert.Equal(full.FeatureCounts.AsSpan().ToArray(), model.FeatureCounts.AsSpan().ToArray());
        var a = full.PredictProba(x);
        var b = model.PredictProba(x);
        for (int i = 0; i < a.AsSpan().Length; i++) Assert.Equal(a.AsSpan()[i], b.AsSpan()[i], 1e-12);
    }

    [Fact]
    public void PartialFitRejectsAnUndeclaredClassAndKeepsTheModel()
    {
        var (x, y) = Digits.Value;
        var first = new MultinomialNB().PartialFit(x.RowRange(0, 100), y[..100], Enumerable.Range(0, 10).ToArray());
        var e = Assert.Throws<InvalidInputException>(() => first.PartialFit(x.RowRange(0, 2), new[] { 3, 11 }));
        Assert.Contains("'11'", e.Message, StringComparison.Ordinal);
        Assert.Equal(100, first.ClassCount.Sum());
    }

    [Fact]
    public void NegativeCountsNameTheRowAndColumn()
    {
        var x = Matrix.FromRows([[1.0, 2.0], [0.0, -3.0], [4.0, 1.0]]);
        var e = Assert.Throws<InvalidInputException>(() => new MultinomialNB().Fit(x, new[] { 0, 1, 0 }));
        Assert.Contains("row 1, column 1", e.Message, StringComparison.Ordinal);
        Assert.Throws<InvalidInputException>(() => new ComplementNB().Fit(x, new[] { 0, 1, 0 }));
        // Bernoulli binarizes, so negative values are fine there.
        var m = new BernoulliNB().Fit(x, new[] { 0, 1, 0 });
        Assert.Equal(2, m.Classes.Count);
    }

    [Fact]
    public void BadAlphaAndPriorsAreClearErrors()
    {
        var (x, y) = Digits.Value;
        var h = Assert.Throws<InvalidHyperparameterException>(() => new MultinomialNB { Alpha = -1 }.Fit(x, y));
        Assert.Contains("alpha", h.Message, StringComparison.Ordinal);
        var p = Assert.Throws<InvalidHyperparameterException>(() => new BernoulliNB { ClassPrior = [0.5, 0.5] }.Fit(x, y));
        Assert.Contains("2 priors", p.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void SaveAndLoadPredictTheSame(string kind)
    {
        var (x, y) = Digits.Value;
        var (est, _, _) = Incremental(kind);
        var model = (DiscreteNaiveBayesModel)est.Fit(x, y);
        var loaded = Assert.IsAssignableFrom<DiscreteNaiveBayesModel>(ModelFile.Deserialize(ModelFile.Serialize(model)).Model);
        Assert.Equal(model.GetType(), loaded.GetType());
        Assert.Equal(model.PredictProba(x).AsSpan().ToArray(), loaded.PredictProba(x).AsSpan().ToArray());
    }

    [Fact]
    public void FixedPriorSurvivesSaving()
    {
        var (x, y) = Digits.Value;
        var prior = LinearTestData.Doubles(Ref["prior"]);
        var model = new MultinomialNB { ClassPrior = prior }.Fit(x, y);
        var loaded = (MultinomialNBModel)ModelFile.Deserialize(ModelFile.Serialize(model)).Model;
        Assert.Equal(Math.Log(0.05), loaded.ClassLogPrior[0], 1e-15);
    }
}
