using System.Collections.ObjectModel;
using Fathom.Core;
using Fathom.Numerics;
using Fathom.Persistence;
using Fathom.Trees;

namespace Fathom.Ensemble;

/// <summary>A fitted <see cref="VotingRegressor"/>: the named fitted members and their weights. Saved with the members
/// nested. Immutable and thread-safe when the members are.</summary>
public sealed class VotingRegressionModel : IRegressionModel
{
    private readonly string[] _names;
    private readonly IRegressionModel[] _members;
    private readonly double[] _weights;

    internal VotingRegressionModel(VotingRegressor parameters, string[] names, IRegressionModel[] members, double[] weights, int featureCount)
    {
        Parameters = parameters;
        _names = names;
        _members = members;
        _weights = weights;
        FeatureCount = featureCount;
    }

    /// <summary>The hyperparameters the model was fitted with (after loading, the estimator list is not restored; the
    /// fitted members are).</summary>
    public VotingRegressor Parameters { get; }

    /// <inheritdoc/>
    public int FeatureCount { get; }

    /// <inheritdoc/>
    public string ModelKind => "voting-regressor";

    /// <summary>The members' names, in order.</summary>
    public IReadOnlyList<string> EstimatorNames => _names;

    /// <summary>The fitted members, in order.</summary>
    public IReadOnlyList<IRegressionModel> Estimators => _members;

    /// <summary>The members' weights.</summary>
    public IReadOnlyList<double> Weights => new ReadOnlyCollection<double>(_weights);

    /// <summary>Σ wᵢ ŷᵢ / Σ wᵢ.</summary>
    /// <exception cref="InvalidInputException">Wrong feature count or values a member rejects.</exception>
    public double[] Predict(Matrix x)
    {
        TreeInput.CheckPredict(x, FeatureCount, nameof(VotingRegressionModel), allowMissing: true);
        var sum = new double[x.Rows];
        double total = _weights.Sum();
        for (int t = 0; t < _members.Length; t++)
        {
            var p = _members[t].Predict(x);
            for (int i = 0; i < sum.Length; i++) sum[i] += _weights[t] * p[i];
        }
        for (int i = 0; i < sum.Length; i++) sum[i] /= total;
        return sum;
    }

    /// <inheritdoc/>
    public void WriteTo(ModelWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteHyperparameters(Parameters);
        writer.SetProperty("feature_count", FeatureCount);
        writer.WriteDoubles("weights", _weights);
        EnsembleMembers.Write(writer, _names, _members);
    }

    internal static VotingRegressionModel ReadFrom(ModelReader reader)
    {
        var parameters = reader.ReadHyperparameters<VotingRegressor>();
        int featureCount = reader.GetInt("feature_count");
        if (featureCount < 1) throw new ModelFormatException("The model file is damaged: a voting regressor needs at least one feature.");
        var (names, members) = EnsembleMembers.Read<IRegressionModel>(reader, featureCount, "a voting regressor");
        var weights = reader.ReadDoubles("weights", members.Length);
        return new VotingRegressionModel(parameters, names, members, weights, featureCount);
    }
}
