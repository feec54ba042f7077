using Fathom.Core;
using Fathom.Numerics;
using Fathom.Persistence;

namespace Fathom.Dummy;

/// <summary>
/// A fitted <see cref="DummyClassifier"/>: the training classes and their frequencies. Immutable and safe
/// to call from many threads; the random strategies draw from a fresh <see cref="RandomSource"/> seeded
/// with <see cref="DummyClassifier.Seed"/> on every call, so results never depend on call order.
/// </summary>
public sealed class DummyClassificationModel : IClassificationModel
{
    private readonly string[] _classes;
    private readonly double[] _prior;
    private readonly int _constantIndex;
    private readonly int _majority;

    internal DummyClassificationModel(DummyClassifier estimator, string[] classes, LabelKind labelKind, double[] prior, int constantIndex, int featureCount)
    {
        Estimator = estimator;
        _classes = classes;
        LabelKind = labelKind;
        _prior = prior;
        _constantIndex = constantIndex;
        FeatureCount = featureCount;
        _majority = 0;
        for (int k = 1; k < prior.Length; k++)
            if (prior[k] > prior[_majority]) _majority = k; // first maximum wins, as numpy's argmax
    }

    /// <summary>The hyperparameters the model was fitted with.</summary>
    public DummyClassifier Estimator { get; }

    /// <summary>The prediction rule (<see cref="DummyClassifier.Strategy"/>).</summary>
    public DummyClassifierStrategy Strategy => Estimator.Strategy;

    /// <inheritdoc/>
    public IReadOnlyList<string> Classes => _classes;

    /// <inheritdoc/>
    public LabelKind LabelKind { get; }

    /// <summary>Weighted frequency of each class in training (scikit-learn's <c>class_prior_</c>), summing to 1.</summary>
    public IReadOnlyList<double> ClassPrior => _prior;

    /// <inheritdoc/>
    public int FeatureCount { get; }

    /// <inheritdoc/>
    public string ModelKind => "dummy-classifier";

    /// <summary>Index of the class predicted by the prior, most_frequent and constant strategies
    /// (the first class of largest weight, or the constant).</summary>
    public int MajorityIndex => Strategy == DummyClassifierStrategy.Constant ? _constantIndex : _majority;

    /// <inheritdoc/>
    /// <exception cref="InvalidInputException">X has another number of columns than in training.</exception>
    public int[] PredictIndex(Matrix x)
    {
        DummyInput.CheckPredict(x, FeatureCount, nameof(DummyClassificationModel));
        int n = x.Rows;
        var result = new int[n];
        switch (Strategy)
        {
            case DummyClassifierStrategy.Stratified:
                {
                    var rng = new RandomSource(Estimator.Seed);
                    for (int i = 0; i < n; i++) result[i] = Draw(rng);
                    break;
                }
            case DummyClassifierStrategy.Uniform:
                {
                    var rng = new RandomSource(Estimator.Seed);
                    for (int i = 0; i < n; i++) result[i] = rng.NextInt(_classes.Length);
                    break;
                }
            default:
                Array.Fill(result, MajorityIndex);
                break;
        }
        return result;
    }

    /// <summary>Predicted class name of each row (see <see cref="PredictIndex"/>).</summary>
    /// <exception cref="InvalidInputException">X has another number of columns than in training.</exception>
    public string[] Predict(Matrix x) => Array.ConvertAll(PredictIndex(x), k => _classes[k]);

    /// <inheritdoc/>
    /// <remarks>prior: every row is <see cref="ClassPrior"/>; most_frequent and constant: one-hot of the
    /// predicted class; stratified: one-hot of the class drawn for that row (the same draws as
    /// <see cref="PredictIndex"/>); uniform: 1/k everywhere.</remarks>
    /// <exception cref="InvalidInputException">X has another number of columns than in training.</exception>
    public Matrix PredictProba(Matrix x)
    {
        DummyInput.CheckPredict(x, FeatureCount, nameof(DummyClassificationModel));
        int n = x.Rows, k = _classes.Length;
        var p = new Matrix(n, k);
        switch (Strategy)
        {
            case DummyClassifierStrategy.Prior:
                for (int i = 0; i < n; i++) _prior.CopyTo(p.Row(i));
                break;
            case DummyClassifierStrategy.Uniform:
                p.AsSpan().Fill(1.0 / k);
                break;
            default:
                {
                    var idx = PredictIndex(x);
                    for (int i = 0; i < n; i++) p[i, idx[i]] = 1.0;
                    break;
                }
        }
        return p;
    }

    /// <inheritdoc/>
    public void WriteTo(ModelWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteHyperparameters(Estimator);
        writer.SetProperty("feature_count", FeatureCount);
        writer.SetProperty("label_kind", Hyperparameters.ToSnakeCase(LabelKind.ToString()));
        writer.WriteStrings("classes", _classes);
        writer.WriteDoubles("class_prior", _prior);
    }

    /// <summary>Reads a model written by <see cref="WriteTo"/>.</summary>
    internal static DummyClassificationModel ReadFrom(ModelReader reader)
    {
        var estimator = reader.ReadHyperparameters<DummyClassifier>();
        int featureCount = reader.GetInt("feature_count");
        string kindText = reader.GetString("label_kind") ?? "";
        if (!Enum.TryParse<LabelKind>(kindText, ignoreCase: true, out var labelKind) || !Enum.IsDefined(labelKind))
            throw new ModelFormatException($"The model file is damaged: label kind '{kindText}' is not known.");
        var classes = reader.ReadStrings("classes");
        if (classes.Length == 0 || classes.Any(string.IsNullOrEmpty))
            throw new ModelFormatException("The model file is damaged: a dummy classifier needs a non-empty list of class names.");
        var prior = reader.ReadDoubles("class_prior", classes.Length);
        if (featureCount < 0 || prior.Any(v => !double.IsFinite(v) || v < 0))
            throw new ModelFormatException("The model file is damaged: the class frequencies of a dummy classifier are not valid.");
        int constantIndex = -1;
        if (estimator.Strategy == DummyClassifierStrategy.Constant)
        {
            try { constantIndex = estimator.FindConstant(classes!, labelKind); }
            catch (InvalidHyperparameterException e) { throw new ModelFormatException($"The model file is damaged: {e.Message}", e); }
        }
        return new DummyClassificationModel(estimator, classes!, labelKind, prior, constantIndex, featureCount);
    }

    private int Draw(RandomSource rng)
    {
        double u = rng.NextDouble(), cum = 0;
        int last = _majority;
        for (int k = 0; k < _prior.Length; k++)
        {
            if (_prior[k] <= 0) continue;
            cum += _prior[k];
            last = k;
            if (u < cum) return k;
        }
        return last; // u fell into the rounding gap above the last cumulative sum
    }
}
