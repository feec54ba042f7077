using Fathom.Compose;
using Fathom.Core;
using Fathom.Data;
using Fathom.Preprocessing;
using static Fathom.Tests.Preprocessing.PrepTestData;

namespace Fathom.Tests.Compose;

public class PipelineTests
{
    [Fact]
    public void TransformerPipelineEqualsChainingTheSteps()
    {
        var x = Sample("penguins.csv").Select("Beak Length (mm)", "Body Mass (g)");
        var pipe = new Pipeline(("impute", new SimpleImputer { Strategy = ImputeStrategy.Median }), ("scale", new StandardScaler()));
        var model = pipe.Fit(x);
        var imputer = new SimpleImputer { Strategy = ImputeStrategy.Median }.Fit(x);
        var manual = new StandardScaler().Fit(imputer.Transform(x)).Transform(imputer.Transform(x));
        AssertSameFrame(manual, model.Transform(x));
        Assert.Equal(PipelineTask.Transform, model.Task);
        Assert.Equal(["impute", "scale"], model.StepNames);
        Assert.IsType<StandardScalerModel>(model.Final);
        Assert.IsType<SimpleImputerModel>(model["impute"]);
        Assert.Equal(2, model.Transformers.Count);
        Assert.Equal(x.ColumnNames, model.FeatureNamesIn);
    }

    [Fact]
    public void ClassifierPipelineFeedsTheTransformedFeaturesToTheFinalModel()
    {
        var data = Sample("penguins.csv");
        var x = data.Drop("Species");
        ClassLabels y = ((TextColumn)data["Species"]).Values.ToArray()!;
        var pipe = new Pipeline(("prep", ColumnTransformerTests.CliPreprocessing()), ("clf", new CentroidClassifier()));
        Assert.Equal(PipelineTask.Classification, pipe.Task);
        var model = pipe.FitClassifier(x, y);

        var final = Assert.IsType<CentroidModel>(model.Final);
        AssertFrame(ComposeRef("cli_penguins"), DataFrame.FromMatrix(final.TrainedOn, model.FeatureNamesOut));
        var features = model.TransformFeatures(x);
        Assert.Equal(final.TrainedOn.AsSpan().ToArray(), features.AsSpan().ToArray());

        Assert.Equal(["Adelie", "Chinstrap", "Gentoo"], model.Classes);
        var proba = model.PredictProba(x);
        Assert.Equal(final.PredictProba(features).AsSpan().ToArray(), proba.AsSpan().ToArray());
        var classes = model.PredictClasses(x);
        Assert.Equal(((IClassificationModel)final).Predict(features), classes);
        Assert.Equal(final.PredictIndex(features), model.PredictIndex(x));
        double accuracy = classes.Zip(((TextColumn)data["Species"]).Values.ToArray()).Count(p => p.First == p.Second) / (double)classes.Length;
        Assert.True(accuracy > 0.9, $"accuracy {accuracy}");
        Assert.Throws<InvalidOperationException>(() => model.PredictValues(x));
    }

    [Fact]
    public void RegressorPipelinePredictsFromTheTransformedFeatures()
    {
        var data = Sample("cars.csv");
        var rows = Enumerable.Range(0, data.RowCount).Where(i => !data["Miles_per_Gallon"].IsMissing(i)).ToArray();
        data = data.Take(rows);
        var x = data.Drop("Miles_per_Gallon", "Name");
        var y = ((NumericColumn)data["Miles_per_Gallon"]).ToArray();
        var model = new Pipeline(("prep", ColumnTransformerTests.CliPreprocessing()), ("reg", new RowSumRegressor())).FitRegressor(x, y);
        Assert.Equal(PipelineTask.Regression, model.Task);
        var final = Assert.IsType<RowSumModel>(model.Final);
        var expected = Enumerable.Range(0, x.RowCount).Select(i => y.Average() + final.TrainedOn.Row(i).ToArray().Sum()).ToArray();
        AssertClose(expected, model.PredictValues(x), 1e-12);
        Assert.Empty(model.Classes);
        Assert.Throws<InvalidOperationException>(() => model.PredictClasses(x));
    }

    [Fact]
    public void SingleStepPredictorPipelineReadsColumnsByName()
    {
        var iris = Sample("iris.csv");
        var x = iris.Drop("target");
        ClassLabels y = ((TextColumn)iris["target"]).Values.ToArray()!;
        var model = new Pipeline(new CentroidClassifier()).FitClassifier(x, y);
        Assert.Equal(["centroidclassifier"], model.StepNames);
        var reversed = x.Select(x.ColumnNames.Reverse().ToArray());
        Assert.Equal(model.PredictProba(x).AsSpan().ToArray(), model.PredictProba(reversed).AsSpan().ToArray());
        Assert.Equal("petal width (cm)", Assert.Throws<InvalidInputException>(() => model.PredictClasses(x.Drop("petal width (cm)"))).Column);
    }

    [Fact]
    public void WrongStepTypesAreRejectedWithAClearMessage()
    {
        var x = Sample("iris.csv").Drop("target");
        var clf = new Pipeline(new StandardScaler(), new CentroidClassifier());
        var e = Assert.Throws<InvalidHyperparameterException>(() => clf.Fit(x));
        Assert.Equal("steps", e.Parameter);
        Assert.Contains("FitClassifier", e.Message, StringComparison.Ordinal);
        Assert.Throws<InvalidHyperparameterException>(() => clf.FitRegressor(x, new double[150]));
        var middle = new Pipeline(new CentroidClassifier(), new StandardScaler());
        Assert.Contains("not a transformer", Assert.Throws<InvalidHyperparameterException>(() => middle.Fit(x)).Message, StringComparison.Ordinal);
        Assert.Throws<InvalidHyperparameterException>(() => new Pipeline().Fit(x));
        Assert.Throws<InvalidHyperparameterException>(() => new Pipeline(("a", new StandardScaler()), ("a", new StandardScaler())).Fit(x));
        // A text column reaching the final model is named.
        var iris = Sample("iris.csv");
        var text = Assert.Throws<InvalidInputException>(() => new Pipeline(new SimpleImputer { Strategy = ImputeStrategy.MostFrequent }, new CentroidClassifier())
            .FitClassifier(iris, (string[])((TextColumn)iris["target"]).Values.ToArray()!));
        Assert.Equal("target", text.Column);
    }

    [Fact]
    public void CancellationStopsTheFit()
    {
        var x = Sample("iris.csv").Drop("target");
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() =>
            new Pipeline(new StandardScaler(), new StandardScaler()).Fit(x, new FitContext { CancellationToken = cts.Token }));
    }

    [Fact]
    public void AutomaticNamesFollowMakePipeline()
    {
        var p = new Pipeline(new SimpleImputer(), new StandardScaler(), new StandardScaler());
        Assert.Equal(["simpleimputer", "standardscaler-1", "standardscaler-2"], p.Steps.Select(s => s.Name));
    }

    [Fact]
    public void SaveAndLoadPredictingPipelines()
    {
        var data = Sample("penguins.csv");
        var x = data.Drop("Species");
        ClassLabels y = ((TextColumn)data["Species"]).Values.ToArray()!;
        var clf = new Pipeline(("prep", ColumnTransformerTests.CliPreprocessing()), ("model", new Fathom.Linear.LogisticRegression()))
            .FitClassifier(x, y);
        var loadedClf = RoundTrip(clf);
        Assert.Equal(PipelineTask.Classification, loadedClf.Task);
        Assert.Equal(clf.Classes, loadedClf.Classes);
        Assert.IsType<Fathom.Linear.LogisticRegressionModel>(loadedClf.Final);
        Assert.Equal(clf.PredictProba(x).AsSpan().ToArray(), loadedClf.PredictProba(x).AsSpan().ToArray());
        Assert.Equal(clf.PredictClasses(x), loadedClf.PredictClasses(x));

        var cars = Sample("cars.csv");
        var rows = Enumerable.Range(0, cars.RowCount).Where(i => !cars["Miles_per_Gallon"].IsMissing(i)).ToArray();
        cars = cars.Take(rows);
        var target = ((NumericColumn)cars["Miles_per_Gallon"]).ToArray();
        var carsX = cars.Drop("Miles_per_Gallon");
        var reg = new Pipeline(new Fathom.Dummy.DummyRegressor()).FitRegressor(carsX.Select("Weight_in_lbs"), target);
        var loadedReg = RoundTrip(reg);
        Assert.Equal(PipelineTask.Regression, loadedReg.Task);
        Assert.Equal(["Weight_in_lbs"], loadedReg.FeatureNamesIn);
        Assert.Equal(reg.PredictValues(carsX), loadedReg.PredictValues(carsX));
        Assert.Equal(target.Average(), loadedReg.PredictValues(carsX)[0], 10);
    }

    [Fact]
    public void SaveAndLoadTransformerPipelineAndConcurrentUse()
    {
        var x = ColumnTransformerTests.CarsX;
        var model = new Pipeline(("prep", ColumnTransformerTests.CliPreprocessing()), ("rescale", new StandardScaler { WithMean = false })).Fit(x);
        var loaded = RoundTrip(model);
        Assert.Equal(model.StepNames, loaded.StepNames);
        Assert.Equal(model.FeatureNamesOut, loaded.FeatureNamesOut);
        var expected = model.TransformFeatures(x).AsSpan().ToArray();
        Assert.Equal(expected, loaded.TransformFeatures(x).AsSpan().ToArray());
        var results = new double[8][];
        Parallel.For(0, 8, k => results[k] = loaded.TransformFeatures(x).AsSpan().ToArray());
        Assert.All(results, r => Assert.Equal(expected, r));
    }
}
