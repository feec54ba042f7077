using System.Text.Json.Nodes;
using Fathom.Core;
using Fathom.Discriminant;
using Fathom.Ensemble;
using Fathom.Linear;
using Fathom.NaiveBayes;
using Fathom.Neighbors;
using Fathom.Numerics;
using Fathom.Persistence;
using Fathom.Tests.TestData;
using Fathom.Trees;

namespace Fathom.Tests.Ensemble;

/// <summary>Voting and stacking against scikit-learn 1.2.1 (Reference/make_voting_stacking_reference.py) with
/// deterministic members: predictions equal, probabilities and meta-features to 1e-8.</summary>
public class VotingStackingTests
{
    private static readonly Lazy<JsonNode> Ref = new(() =>
        JsonNode.Parse(File.ReadAllText(TestDatasets.TestFilePath("Ensemble", "Reference", "voting_stacking_reference.json")))!);

    private static double[] D(JsonNode? n) => n!.AsArray().Select(v => v!.GetValue<double>()).ToArray();

    private static string[] S(JsonNode? n) => n!.AsArray().Select(v => v!.GetValue<string>()).ToArray();

    // breast_cancer's depth-3 tree ties exactly between splits (scikit-learn picks by random_state), so QDA replaces it there.
    private static (string, IClassifier)[] ClassMembers(string name) =>
        [("nb", new GaussianNB()), ("lda", new LinearDiscriminantAnalysis()),
         name == "iris" ? ("tree", new DecisionTreeClassifier { MaxDepth = 3 }) : ("qda", new QuadraticDiscriminantAnalysis { RegParam = 0.1 })];

    // Stacking fits members on folds, where trees meet exact feature ties that scikit-learn breaks at random: tie-free members.
    private static (string, IClassifier)[] StackMembers() =>
        [("nb", new GaussianNB()), ("lda", new LinearDiscriminantAnalysis()), ("qda", new QuadraticDiscriminantAnalysis { RegParam = 0.1 })];

    private static (string, IRegressor)[] RegMembers() =>
        [("ols", new LinearRegression()), ("tree", new DecisionTreeRegressor { MaxDepth = 3, MinSamplesLeaf = 5 }), ("knn", new KNeighborsRegressor())];

    private static void Close(double[] expected, double[] actual, double tol) =>
        Fathom.Tests.Trees.TreeReferenceTests.AssertClose(expected, actual, tol, "values");

    [Theory]
    [InlineData("iris")]
    [InlineData("breast_cancer")]
    public void ClassifiersMatchScikitLearn(string name)
    {
        var ds = name == "iris" ? TestDatasets.Iris() : TestDatasets.LoadCsv("breast_cancer.csv", "target");
        var r = Ref.Value[name]!;
        var x = ds.X;
        ClassLabels y = ds.Target;

        var hard = new VotingClassifier { Estimators = ClassMembers(name), Weights = [2, 1, 1] }.Fit(x, y);
        Assert.Equal(S(r["hard_predict"]), hard.Predict(x));

        var soft = new VotingClassifier { Estimators = ClassMembers(name), Weights = [1, 2, 0.5], Voting = VotingMode.Soft }.Fit(x, y);
        Assert.Equal(S(r["soft_predict"]), soft.Predict(x));
        Close(D(r["soft_proba"]), soft.PredictProba(x).AsSpan().ToArray(), 1e-8);

        var stack = new StackingClassifier { Estimators = StackMembers(), FinalEstimator = new GaussianNB() }.Fit(x, y);
        Close(D(r["stack_transform"]), stack.Transform(x).AsSpan().ToArray(), 1e-8);
        Assert.Equal(S(r["stack_predict"]), stack.Predict(x));
        Close(D(r["stack_proba"]), stack.PredictProba(x).AsSpan().ToArray(), 1e-8);

        var pt = new StackingClassifier { Estimators = StackMembers(), FinalEstimator = new GaussianNB(), Passthrough = true }.Fit(x, y);
        Close(D(r["stack_pt_proba"]), pt.PredictProba(x).AsSpan().ToArray(), 1e-8);

        // Default final estimator (logistic regression): both sides run lbfgs to tol 1e-10, so agree to ~1e-5.
        var lr = new StackingClassifier { Estimators = StackMembers(), FinalEstimator = new LogisticRegression { Tol = 1e-10, MaxIter = 10000 } }.Fit(x, y);
        var got = lr.PredictProba(x).AsSpan().ToArray();
        var want = D(r["stack_lr_proba"]);
        Assert.True(want.Zip(got).All(z => Math.Abs(z.First - z.Second) < 1e-4), "stacking with logistic regression differs from scikit-learn by more than 1e-4");
    }

    [Fact]
    public void RegressorsMatchScikitLearn()
    {
        var ds = TestDatasets.Diabetes();
        var y = ds.TargetAsDoubles();
        var r = Ref.Value["diabetes"]!;
        var vr = new VotingRegressor { Estimators = RegMembers(), Weights = [1, 2, 3] }.Fit(ds.X, y);
        Close(D(r["voting_predict"]), vr.Predict(ds.X), 1e-8);
        var sr = new StackingRegressor { Estimators = RegMembers(), FinalEstimator = new Ridge { Alpha = 1.0 } }.Fit(ds.X, y);
        Close(D(r["stack_transform"]), sr.Transform(ds.X).AsSpan().ToArray(), 1e-8);
        Close(D(r["stack_predict"]), sr.Predict(ds.X), 1e-8);
        var pt = new StackingRegressor { Estimators = RegMembers(), FinalEstimator = new Ridge { Alpha = 0.5 }, Passthrough = true }.Fit(ds.X, y);
        Close(D(r["stack_pt_predict"]), pt.Predict(ds.X), 1e-8);
    }

    [Fact]
    public void NestedModelsSurviveSaveAndLoad()
    {
        var ds = TestDatasets.Iris();
        IClassificationModel[] models =
        [
            new VotingClassifier { Estimators = ClassMembers("iris"), Voting = VotingMode.Soft }.Fit(ds.X, ds.Target),
            new StackingClassifier { Estimators = StackMembers(), Passthrough = true }.Fit(ds.X, ds.Target),
        ];
        foreach (var m in models)
        {
            var back = (IClassificationModel)ModelFile.Deserialize(ModelFile.Serialize(m)).Model;
            Assert.Equal(m.GetType(), back.GetType());
            Assert.Equal(m.PredictProba(ds.X).AsSpan().ToArray(), back.PredictProba(ds.X).AsSpan().ToArray());
        }
        var d = TestDatasets.Diabetes();
        var sr = new StackingRegressor().Fit(d.X, d.TargetAsDoubles());
        var sb = (StackingRegressionModel)ModelFile.Deserialize(ModelFile.Serialize(sr)).Model;
        Assert.Equal(sr.Predict(d.X), sb.Predict(d.X));
        Assert.Equal(["ridge", "decision_tree", "random_forest"], sb.EstimatorNames);
    }

    [Fact]
    public void BadMemberListsGiveClearErrors()
    {
        var ds = TestDatasets.Iris();
        Assert.Equal("weights", Assert.Throws<InvalidHyperparameterException>(() =>
            new VotingClassifier { Estimators = ClassMembers("iris"), Weights = [1, 2] }.Fit(ds.X, ds.Target)).Parameter);
        Assert.Equal("estimators", Assert.Throws<InvalidHyperparameterException>(() =>
            new VotingClassifier { Estimators = [("a", new GaussianNB()), ("a", new GaussianNB())] }.Fit(ds.X, ds.Target)).Parameter);
        Assert.Throws<InvalidInputException>(() => new VotingRegressor { Estimators = [("knn", new KNeighborsRegressor())] }
            .Fit(ds.X, ds.X.Column(0), Enumerable.Repeat(1.0, 150).ToArray())); // knn takes no weights
    }
}
