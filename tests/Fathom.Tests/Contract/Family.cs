using Fathom.Core;
using Fathom.Data;
using Fathom.Numerics;
using Fathom.Tests.TestData;

namespace Fathom.Tests.Contract;

/// <summary>Data for one check: features, class labels (0..k−1) and a numeric target, row-aligned.</summary>
public sealed record ContractData(Matrix X, int[] Classes, double[] Target)
{
    /// <summary>The given rows (repeats allowed), in order.</summary>
    public ContractData Take(int[] rows) =>
        new(X.SelectRows(rows), rows.Select(i => Classes[i]).ToArray(), rows.Select(i => Target[i]).ToArray());

    /// <summary>Deep copies of everything, to check that Fit changes nothing.</summary>
    public ContractData Copy() => new(X.Clone(), (int[])Classes.Clone(), (double[])Target.Clone());
}

/// <summary>
/// One estimator family (classifier, regressor, transformer, clusterer): how to make its data, fit an
/// estimator of it through the family's interface, and reduce a model's output on X to numbers that the
/// checks compare.
/// </summary>
public abstract class Family
{
    /// <summary>The five families.</summary>
    public static readonly IReadOnlyList<Family> All = [new ClassifierFamily(), new RegressorFamily(), new TransformerFamily(), new ClustererFamily(), new OutlierDetectorFamily()];

    /// <summary>A family by name.</summary>
    public static Family Get(string name) => All.Single(f => f.Name == name);

    /// <summary>Family name used in test case names.</summary>
    public abstract string Name { get; }

    /// <summary>True when <paramref name="type"/> belongs to the family.</summary>
    public abstract bool Matches(Type type);

    /// <summary>Whether models of this family predict on new rows (clusterers expose only training labels).</summary>
    public virtual bool HasPredict => true;

    /// <summary>Whether Fit takes sample weights in this family's interface.</summary>
    public virtual bool HasWeights => true;

    /// <summary>
    /// The data for checks of the estimator case <paramref name="caseName"/>: <see cref="Data(int, int, long)"/>, with
    /// every feature shifted to start at 0 when the estimator's tags say it needs non-negative features.
    /// </summary>
    public ContractData Data(string caseName, int rows = 60, int columns = 3, long seed = 1)
    {
        var data = Data(rows, columns, seed);
        if (!Tags(EstimatorCatalog.Create(caseName, this)).RequiresNonNegativeFeatures) return data;
        var x = data.X.Clone();
        for (int j = 0; j < x.Columns; j++)
        {
            double min = double.PositiveInfinity;
            for (int i = 0; i < x.Rows; i++) min = Math.Min(min, x[i, j]);
            for (int i = 0; i < x.Rows; i++) x[i, j] -= min;
        }
        return data with { X = x };
    }

    /// <summary>Small synthetic data: 3 Gaussian blobs (labels) with a noisy linear target.</summary>
    public virtual ContractData Data(int rows = 60, int columns = 3, long seed = 1)
    {
        var (x, y) = Synthetic.Blobs(rows, columns, 3, seed);
        var r = new RandomSource(seed + 100);
        var target = new double[rows];
        for (int i = 0; i < rows; i++)
        {
            double s = 3;
            for (int j = 0; j < columns; j++) s += (j + 1) * 0.5 * x[i, j];
            target[i] = s + 0.1 * r.NextGaussian();
        }
        return new ContractData(x, y, target);
    }

    /// <summary>Fits <paramref name="estimator"/> on <paramref name="data"/>.</summary>
    public abstract IModel Fit(object estimator, ContractData data, double[]? sampleWeight = null);

    /// <summary>The model's outputs on X as numbers (probabilities and classes, predictions, transformed
    /// values, or cluster labels).</summary>
    public abstract double[] Output(IModel model, Matrix x);

    /// <summary>Tags of the estimator.</summary>
    public static EstimatorTags Tags(object estimator) => ((IEstimator)estimator).Tags;
}

internal sealed class ClassifierFamily : Family
{
    public override string Name => "classifier";
    public override bool Matches(Type type) => typeof(IClassifier).IsAssignableFrom(type);

    public override IModel Fit(object estimator, ContractData data, double[]? sampleWeight = null) =>
        ((IClassifier)estimator).Fit(data.X, data.Classes, sampleWeight);

    public override double[] Output(IModel model, Matrix x)
    {
        var m = (IClassificationModel)model;
        return [.. m.PredictProba(x).AsSpan(), .. m.PredictIndex(x).Select(i => (double)i)];
    }
}

internal sealed class RegressorFamily : Family
{
    public override string Name => "regressor";
    public override bool Matches(Type type) => typeof(IRegressor).IsAssignableFrom(type);

    public override IModel Fit(object estimator, ContractData data, double[]? sampleWeight = null) =>
        ((IRegressor)estimator).Fit(data.X, data.Target, sampleWeight);

    public override double[] Output(IModel model, Matrix x) => ((IRegressionModel)model).Predict(x);
}

internal sealed class TransformerFamily : Family
{
    public override string Name => "transformer";
    public override bool Matches(Type type) => typeof(ITransformer).IsAssignableFrom(type);
    public override bool HasWeights => false;

    public override IModel Fit(object estimator, ContractData data, double[]? sampleWeight = null)
    {
        var model = ((ITransformer)estimator).Fit(Frame(estimator.GetType(), data.X));
        Inputs.AddOrUpdate(model, estimator.GetType());
        return model;
    }

    public override double[] Output(IModel model, Matrix x) =>
        Numbers(((ITransformerModel)model).Transform(Frame(Inputs.TryGetValue(model, out var t) ? t : model.GetType(), x)));

    /// <summary>Which estimator type fitted each model (so its input adapter is used again for transform).</summary>
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<IModel, Type> Inputs = new();

    /// <summary>The check matrix as a frame (x0, x1, …) in the form the transformer type takes.</summary>
    public static DataFrame Frame(Type estimatorType, Matrix x) =>
        EstimatorCatalog.AdaptInput(estimatorType.FullName!, DataFrame.FromMatrix(x));

    /// <summary>Records that <paramref name="copy"/> (e.g. a reloaded model) takes the same input as <paramref name="original"/>.</summary>
    public static void SameInputAs(IModel copy, IModel original) => Inputs.AddOrUpdate(copy, FittedBy(original));

    /// <summary>The type that fitted <paramref name="model"/> through this family.</summary>
    public static Type FittedBy(IModel model) => Inputs.TryGetValue(model, out var t) ? t : model.GetType();

    /// <summary>All cells of a frame, column by column: numbers as they are, other cells as a stable code
    /// of their text (enough for equality comparisons).</summary>
    public static double[] Numbers(DataFrame frame)
    {
        var result = new List<double>();
        foreach (var c in frame.Columns)
        {
            if (c is NumericColumn n) result.AddRange(n.Values.ToArray());
            else
                for (int i = 0; i < c.Length; i++)
                    result.Add(c.Format(i) is string s ? StableCode(s) : double.NaN);
        }
        return [.. result];
    }

    private static double StableCode(string s)
    {
        long h = 17;
        foreach (char ch in s) h = unchecked(h * 31 + ch);
        return h % 1_000_000_007;
    }
}

internal sealed class ClustererFamily : Family
{
    public override string Name => "clusterer";
    public override bool Matches(Type type) => typeof(IClusterer).IsAssignableFrom(type);
    public override bool HasPredict => false;

    public override IModel Fit(object estimator, ContractData data, double[]? sampleWeight = null) =>
        ((IClusterer)estimator).Fit(data.X, sampleWeight);

    /// <summary>Clusterers have no predict in the common interface: the training labels stand for the output.</summary>
    public override double[] Output(IModel model, Matrix x) => ((IClusteringModel)model).Labels.Select(l => (double)l).ToArray();
}

internal sealed class OutlierDetectorFamily : Family
{
    public override string Name => "outlier-detector";
    public override bool Matches(Type type) => typeof(IOutlierDetector).IsAssignableFrom(type);

    public override IModel Fit(object estimator, ContractData data, double[]? sampleWeight = null) =>
        ((IOutlierDetector)estimator).Fit(data.X, sampleWeight);

    /// <summary>Decision values and ±1 labels on X.</summary>
    public override double[] Output(IModel model, Matrix x)
    {
        var m = (IOutlierModel)model;
        return [.. m.DecisionFunction(x), .. m.Predict(x).Select(v => (double)v)];
    }
}
