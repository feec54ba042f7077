using Fathom.Core;
using Fathom.Numerics;
using Fathom.Persistence;
using Fathom.Trees;

namespace Fathom.Ensemble;

/// <summary>A fitted <see cref="BaggingRegressor"/>: its members (any regression models), the features each saw and
/// the out-of-bag R². Saved with the members nested. Immutable and thread-safe when the members are.</summary>
public sealed class BaggingRegressionModel : IRegressionModel
{
    private readonly IRegressionModel[] _members;
    private readonly int[][] _features;

    internal BaggingRegressionModel(BaggingRegressor parameters, IRegressionModel[] members, int[][] features, int featureCount, double? oobScore)
    {
        Parameters = parameters;
        _members = members;
        _features = features;
        FeatureCount = featureCount;
        OobScore = oobScore;
    }

    /// <summary>The hyperparameters the model was fitted with (after loading, <see cref="BaggingRegressor.Estimator"/>
    /// is not restored; the fitted members are).</summary>
    public BaggingRegressor Parameters { get; }

    /// <inheritdoc/>
    public int FeatureCount { get; }

    /// <inheritdoc/>
    public string ModelKind => "bagging-regressor";

    /// <summary>The fitted members.</summary>
    public IReadOnlyList<IRegressionModel> Estimators => _members;

    /// <summary>The input features (column indices) each member saw, in member order.</summary>
    public IReadOnlyList<IReadOnlyList<int>> EstimatorFeatures => _features;

    /// <summary>Out-of-bag R² (rows drawn by every member are left out), or null when not requested.</summary>
    public double? OobScore { get; }

    /// <summary>Mean of the members' predictions.</summary>
    /// <exception cref="InvalidInputException">Wrong feature count or values the members reject.</exception>
    public double[] Predict(Matrix x)
    {
        TreeInput.CheckPredict(x, FeatureCount, nameof(BaggingRegressionModel), Parameters.Tags.AllowsMissingValues);
        var sum = new double[x.Rows];
        for (int t = 0; t < _members.Length; t++)
        {
            var p = MemberPredict(t, x);
            for (int i = 0; i < sum.Length; i++) sum[i] += p[i];
        }
        for (int i = 0; i < sum.Length; i++) sum[i] /= _members.Length;
        return sum;
    }

    internal double[] MemberPredict(int t, Matrix x) => _members[t].Predict(BaggingCore.Columns(x, _features[t]));

    /// <inheritdoc/>
    public void WriteTo(ModelWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteHyperparameters(Parameters);
        writer.SetProperty("feature_count", FeatureCount);
        writer.SetProperty("oob_score", OobScore);
        BaggingCore.WriteMembers(writer, _members, _features);
    }

    internal static BaggingRegressionModel ReadFrom(ModelReader reader)
    {
        var parameters = reader.ReadHyperparameters<BaggingRegressor>();
        int featureCount = reader.GetInt("feature_count");
        if (featureCount < 1) throw new ModelFormatException("The model file is damaged: a bagging regressor needs at least one feature.");
        double? oob = reader.GetProperty("oob_score") is null ? null : reader.GetDouble("oob_score");
        var (members, features) = BaggingCore.ReadMembers<IRegressionModel>(reader, featureCount, "a bagging regressor");
        return new BaggingRegressionModel(parameters, members, features, featureCount, oob);
    }
}
