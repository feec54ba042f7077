using System.Collections.ObjectModel;
using Fathom.Core;
using Fathom.Numerics;
using Fathom.Persistence;
using Fathom.Trees;

namespace Fathom.Ensemble;

/// <summary>A fitted <see cref="AdaBoostClassifier"/>: its trees, their weights and weighted training errors, the
/// classes and the weighted mean of the trees' importances. Immutable and thread-safe.</summary>
public sealed class AdaBoostClassificationModel : IClassificationModel, IFeatureImportanceModel
{
    private readonly string[] _classes;
    private readonly Tree[] _trees;
    private readonly double[] _weights;
    private readonly double[] _errors;
    private readonly double[] _importances;

    internal AdaBoostClassificationModel(AdaBoostClassifier parameters, string[] classes, LabelKind labelKind, Tree[] trees,
        double[] weights, double[] errors, int featureCount)
    {
        Parameters = parameters;
        _classes = classes;
        LabelKind = labelKind;
        _trees = trees;
        _weights = weights;
        _errors = errors;
        FeatureCount = featureCount;
        _importances = WeightedImportances(trees, weights, featureCount);
    }

    /// <summary>The hyperparameters the model was fitted with.</summary>
    public AdaBoostClassifier Parameters { get; }

    /// <inheritdoc/>
    public IReadOnlyList<string> Classes => new ReadOnlyCollection<string>(_classes);

    /// <inheritdoc/>
    public LabelKind LabelKind { get; }

    /// <inheritdoc/>
    public int FeatureCount { get; }

    /// <inheritdoc/>
    public string ModelKind => "adaboost-classifier";

    /// <summary>Number of trees kept (fewer than n_estimators when boosting stopped early).</summary>
    public int TreeCount => _trees.Length;

    /// <summary>Weight α_m of each tree (scikit-learn's <c>estimator_weights_</c>; all 1 for SAMME.R).</summary>
    public IReadOnlyList<double> EstimatorWeights => new ReadOnlyCollection<double>(_weights);

    /// <summary>Weighted training error of each tree under the row weights of its round (<c>estimator_errors_</c>).</summary>
    public IReadOnlyList<double> EstimatorErrors => new ReadOnlyCollection<double>(_errors);

    /// <summary>Σ α_m · importances_m / Σ α_m over the trees (scikit-learn's <c>feature_importances_</c>).</summary>
    public IReadOnlyList<double> FeatureImportances => new ReadOnlyCollection<double>(_importances);

    /// <summary>scikit-learn's <c>decision_function</c>: n × K scores, or for two classes an n × 1 column d = f₁ − f₀
    /// (positive = second class). See <see cref="AdaBoostClassifier"/> for the formula.</summary>
    /// <exception cref="InvalidInputException">Wrong feature count or infinite values (NaN is a missing value).</exception>
    public Matrix DecisionFunction(Matrix x)
    {
        TreeInput.CheckPredict(x, FeatureCount, nameof(AdaBoostClassificationModel), allowMissing: true);
        int n = x.Rows, k = _classes.Length;
        var pred = new Matrix(n, k);
        var proba = new double[k];
        bool real = Parameters.Algorithm == AdaBoostAlgorithm.SammeR;
        double norm = 0;
        foreach (double a in _weights) norm += a;
        for (int i = 0; i < n; i++)
        {
            var row = x.Row(i);
            var acc = pred.Row(i);
            for (int t = 0; t < _trees.Length; t++)
            {
                var tree = _trees[t];
                if (real)
                {
                    AdaBoostClassifier.LeafProba(tree, row, k, proba);
                    double mean = 0;
                    for (int c = 0; c < k; c++)
                    {
                        proba[c] = Math.Log(proba[c]);
                        mean += proba[c];
                    }
                    mean *= 1.0 / k;
                    for (int c = 0; c < k; c++) acc[c] += (k - 1) * (proba[c] - mean);
                }
                else
                {
                    int leaf = tree.Leaf(row);
                    acc[Reductions.ArgMax(tree.Value.AsSpan(leaf * k, k))] += _weights[t];
                }
            }
            for (int c = 0; c < k; c++) acc[c] /= norm;
        }
        if (k != 2) return pred;
        var d = new Matrix(n, 1);
        for (int i = 0; i < n; i++) d[i, 0] = -pred[i, 0] + pred[i, 1];
        return d;
    }

    /// <summary>softmax(decision / (K − 1)); for two classes softmax(−d/2, d/2).</summary>
    /// <exception cref="InvalidInputException">Wrong feature count or infinite values (NaN is a missing value).</exception>
    public Matrix PredictProba(Matrix x)
    {
        var dec = DecisionFunction(x);
        int k = _classes.Length;
        Matrix p;
        if (k == 2)
        {
            p = new Matrix(x.Rows, 2);
            for (int i = 0; i < x.Rows; i++)
            {
                p[i, 0] = -dec[i, 0] / 2;
                p[i, 1] = dec[i, 0] / 2;
            }
        }
        else
        {
            p = dec;
            for (int i = 0; i < x.Rows; i++)
            {
                var r = p.Row(i);
                for (int c = 0; c < k; c++) r[c] /= k - 1;
            }
        }
        Reductions.SoftmaxRows(p);
        return p;
    }

    /// <summary>Index of the class of largest decision (for two classes: the second when d &gt; 0).</summary>
    /// <exception cref="InvalidInputException">Wrong feature count or infinite values (NaN is a missing value).</exception>
    public int[] PredictIndex(Matrix x)
    {
        var dec = DecisionFunction(x);
        if (_classes.Length == 2)
        {
            var r = new int[x.Rows];
            for (int i = 0; i < r.Length; i++) r[i] = dec[i, 0] > 0 ? 1 : 0;
            return r;
        }
        return Reductions.RowArgMax(dec);
    }

    /// <summary>Predicted class name of each row.</summary>
    /// <exception cref="InvalidInputException">Wrong feature count or infinite values (NaN is a missing value).</exception>
    public string[] Predict(Matrix x) => Array.ConvertAll(PredictIndex(x), i => _classes[i]);

    /// <inheritdoc/>
    public void WriteTo(ModelWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteHyperparameters(Parameters);
        writer.SetProperty("feature_count", FeatureCount);
        writer.SetProperty("label_kind", LabelKind.ToString());
        writer.WriteStrings("classes", _classes);
        writer.WriteDoubles("estimator_weights", _weights);
        writer.WriteDoubles("estimator_errors", _errors);
        Tree.WriteMany(writer, "tree_", _trees);
    }

    internal static AdaBoostClassificationModel ReadFrom(ModelReader reader)
    {
        var parameters = reader.ReadHyperparameters<AdaBoostClassifier>();
        int featureCount = reader.GetInt("feature_count");
        if (!Enum.TryParse<LabelKind>(reader.GetString("label_kind"), out var kind))
            throw new ModelFormatException("The model file is damaged: the label kind of an AdaBoost model is not valid.");
        var classes = reader.ReadStrings("classes");
        if (featureCount < 1 || classes.Length < 2 || classes.Any(c => c is null))
            throw new ModelFormatException("The model file is damaged: an AdaBoost classifier needs features and at least two named classes.");
        var trees = Tree.ReadMany(reader, "tree_", featureCount, normalize: true, expectedWidth: classes.Length);
        var weights = reader.ReadDoubles("estimator_weights", trees.Length);
        var errors = reader.ReadDoubles("estimator_errors", trees.Length);
        return new AdaBoostClassificationModel(parameters, classes!, kind, trees, weights, errors, featureCount);
    }

    /// <summary>Σ α_m · importances_m / Σ α_m (each tree's importances normalized; a single-leaf tree contributes zeros).</summary>
    internal static double[] WeightedImportances(Tree[] trees, double[] weights, int featureCount)
    {
        var imp = new double[featureCount];
        double norm = 0;
        for (int t = 0; t < trees.Length; t++)
        {
            var ti = trees[t].Importances(featureCount);
            for (int j = 0; j < featureCount; j++) imp[j] += weights[t] * ti[j];
            norm += weights[t];
        }
        if (norm > 0) for (int j = 0; j < featureCount; j++) imp[j] /= norm;
        return imp;
    }
}
