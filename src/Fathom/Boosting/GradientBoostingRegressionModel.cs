using System.Collections.ObjectModel;
using Fathom.Core;
using Fathom.Numerics;
using Fathom.Persistence;

namespace Fathom.Boosting;

/// <summary>A fitted <see cref="GradientBoostingRegressor"/>: baseline, trees and gain importances. Immutable and
/// thread-safe. Prediction cost O(iterations · depth) per row; rows in parallel.</summary>
public sealed class GradientBoostingRegressionModel : IRegressionModel, IFeatureImportanceModel
{
    private readonly BoostedEnsemble _ensemble;
    private readonly double[] _importances;

    internal GradientBoostingRegressionModel(GradientBoostingRegressor parameters, BoostedEnsemble ensemble)
    {
        Parameters = parameters;
        _ensemble = ensemble;
        _importances = ensemble.Importances();
    }

    /// <summary>The hyperparameters the model was fitted with.</summary>
    public GradientBoostingRegressor Parameters { get; }

    /// <inheritdoc/>
    public int FeatureCount => _ensemble.FeatureCount;

    /// <inheritdoc/>
    public string ModelKind => "gradient-boosting-regressor";

    /// <summary>Boosting iterations done (scikit-learn's <c>n_iter_</c>; fewer than max_iter after early stopping).</summary>
    public int Iterations => _ensemble.Iterations;

    /// <summary>Number of trees (one per iteration).</summary>
    public int TreeCount => _ensemble.Trees.Length;

    /// <summary>Raw prediction before any tree: the constant minimizing the loss (weighted mean target, its log for
    /// poisson and gamma, the weighted median or quantile for absolute_error and quantile).</summary>
    public double Baseline => _ensemble.Baseline[0];

    /// <summary>Total split gain of each feature over all trees, normalized to sum 1 (all zero if no tree split).</summary>
    public IReadOnlyList<double> FeatureImportances => new ReadOnlyCollection<double>(_importances);

    /// <summary>Validation scores (−loss) at the baseline and after each iteration; empty without early stopping.</summary>
    public IReadOnlyList<double> ValidationScores => _ensemble.ValidationScores ?? [];

    /// <summary>Number of leaves of each tree, in fitting order.</summary>
    public IReadOnlyList<int> LeafCounts => _ensemble.Trees.Select(t => t.LeafCount).ToArray();

    /// <summary>Predicted target of each row (baseline + Σ leaf values, through the inverse link).</summary>
    /// <exception cref="InvalidInputException">Wrong feature count.</exception>
    public double[] Predict(Matrix x)
    {
        BoostingInput.CheckPredict(x, FeatureCount, nameof(GradientBoostingRegressionModel));
        return Link(_ensemble.Raw(x, _ensemble.Iterations));
    }

    /// <summary>Predictions after each iteration 1, 2, … (scikit-learn's <c>staged_predict</c>).</summary>
    /// <exception cref="InvalidInputException">Wrong feature count.</exception>
    public IEnumerable<double[]> StagedPredict(Matrix x)
    {
        BoostingInput.CheckPredict(x, FeatureCount, nameof(GradientBoostingRegressionModel));
        return _ensemble.StagedRaw(x).Select(Link);
    }

    private double[] Link(Matrix raw)
    {
        var result = new double[raw.Rows];
        var loss = Parameters.CreateLoss();
        for (int i = 0; i < result.Length; i++) loss.InverseLink(raw.Row(i), result.AsSpan(i, 1));
        return result;
    }

    /// <inheritdoc/>
    public void WriteTo(ModelWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteHyperparameters(Parameters);
        writer.SetProperty("feature_count", FeatureCount);
        _ensemble.WriteTo(writer);
    }

    internal static GradientBoostingRegressionModel ReadFrom(ModelReader reader)
    {
        var parameters = reader.ReadHyperparameters<GradientBoostingRegressor>();
        int featureCount = reader.GetInt("feature_count");
        if (featureCount < 1)
            throw new ModelFormatException("The model file is damaged: a gradient boosting regressor needs at least one feature.");
        return new GradientBoostingRegressionModel(parameters, BoostedEnsemble.ReadFrom(reader, featureCount, 1));
    }
}
