using System.Collections.ObjectModel;
using Fathom.Core;
using Fathom.Numerics;
using Fathom.Persistence;
using Fathom.Trees;

namespace Fathom.Ensemble;

/// <summary>A fitted <see cref="AdaBoostRegressor"/>: its trees, their weights and weighted losses, and the weighted
/// mean of the trees' importances. Immutable and thread-safe.</summary>
public sealed class AdaBoostRegressionModel : IRegressionModel, IFeatureImportanceModel
{
    private readonly Tree[] _trees;
    private readonly double[] _weights;
    private readonly double[] _errors;
    private readonly double[] _importances;

    internal AdaBoostRegressionModel(AdaBoostRegressor parameters, Tree[] trees, double[] weights, double[] errors, int featureCount)
    {
        Parameters = parameters;
        _trees = trees;
        _weights = weights;
        _errors = errors;
        FeatureCount = featureCount;
        _importances = AdaBoostClassificationModel.WeightedImportances(trees, weights, featureCount);
    }

    /// <summary>The hyperparameters the model was fitted with.</summary>
    public AdaBoostRegressor Parameters { get; }

    /// <inheritdoc/>
    public int FeatureCount { get; }

    /// <inheritdoc/>
    public string ModelKind => "adaboost-regressor";

    /// <summary>Number of trees kept.</summary>
    public int TreeCount => _trees.Length;

    /// <summary>Weight lr·log(1/β_m) of each tree (scikit-learn's <c>estimator_weights_</c>).</summary>
    public IReadOnlyList<double> EstimatorWeights => new ReadOnlyCollection<double>(_weights);

    /// <summary>Weighted mean loss L̄_m of each tree in its round (<c>estimator_errors_</c>).</summary>
    public IReadOnlyList<double> EstimatorErrors => new ReadOnlyCollection<double>(_errors);

    /// <summary>Σ α_m · importances_m / Σ α_m over the trees.</summary>
    public IReadOnlyList<double> FeatureImportances => new ReadOnlyCollection<double>(_importances);

    /// <summary>Weighted median of the trees' predictions: sorted by prediction (ties by tree order), the first whose
    /// cumulative tree weight reaches half of the total.</summary>
    /// <exception cref="InvalidInputException">Wrong feature count or infinite values (NaN is a missing value).</exception>
    public double[] Predict(Matrix x)
    {
        TreeInput.CheckPredict(x, FeatureCount, nameof(AdaBoostRegressionModel), allowMissing: true);
        int t = _trees.Length;
        var result = new double[x.Rows];
        var preds = new double[t];
        var order = new int[t];
        for (int i = 0; i < x.Rows; i++)
        {
            var row = x.Row(i);
            for (int m = 0; m < t; m++)
            {
                preds[m] = _trees[m].Value[_trees[m].Leaf(row)];
                order[m] = m;
            }
            Array.Sort(order, (a, b) => preds[a] != preds[b] ? preds[a].CompareTo(preds[b]) : a.CompareTo(b));
            double total = 0;
            foreach (double a in _weights) total += a;
            double half = 0.5 * total, cum = 0;
            int pick = order[0];
            for (int m = 0; m < t; m++)
            {
                cum += _weights[order[m]];
                if (cum >= half)
                {
                    pick = order[m];
                    break;
                }
            }
            result[i] = preds[pick];
        }
        return result;
    }

    /// <inheritdoc/>
    public void WriteTo(ModelWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteHyperparameters(Parameters);
        writer.SetProperty("feature_count", FeatureCount);
        writer.WriteDoubles("estimator_weights", _weights);
        writer.WriteDoubles("estimator_errors", _errors);
        Tree.WriteMany(writer, "tree_", _trees);
    }

    internal static AdaBoostRegressionModel ReadFrom(ModelReader reader)
    {
        var parameters = reader.ReadHyperparameters<AdaBoostRegressor>();
        int featureCount = reader.GetInt("feature_count");
        if (featureCount < 1) throw new ModelFormatException("The model file is damaged: an AdaBoost regressor needs at least one feature.");
        var trees = Tree.ReadMany(reader, "tree_", featureCount, normalize: false, expectedWidth: 1);
        var weights = reader.ReadDoubles("estimator_weights", trees.Length);
        var errors = reader.ReadDoubles("estimator_errors", trees.Length);
        return new AdaBoostRegressionModel(parameters, trees, weights, errors, featureCount);
    }
}
