using Fathom.Core;
using Fathom.Numerics;
using Fathom.Persistence;

namespace Fathom.Dummy;

/// <summary>A fitted <see cref="DummyRegressor"/>: one constant predicted for every row. Immutable and thread-safe.</summary>
public sealed class DummyRegressionModel : IRegressionModel
{
    internal DummyRegressionModel(DummyRegressor estimator, double constant, int featureCount)
    {
        Estimator = estimator;
        Constant = constant;
        FeatureCount = featureCount;
    }

    /// <summary>The hyperparameters the model was fitted with.</summary>
    public DummyRegressor Estimator { get; }

    /// <summary>The predicted value (scikit-learn's <c>constant_</c>).</summary>
    public double Constant { get; }

    /// <inheritdoc/>
    public int FeatureCount { get; }

    /// <inheritdoc/>
    public string ModelKind => "dummy-regressor";

    /// <inheritdoc/>
    /// <exception cref="InvalidInputException">X has another number of columns than in training.</exception>
    public double[] Predict(Matrix x)
    {
        DummyInput.CheckPredict(x, FeatureCount, nameof(DummyRegressionModel));
        var result = new double[x.Rows];
        Array.Fill(result, Constant);
        return result;
    }

    /// <inheritdoc/>
    public void WriteTo(ModelWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteHyperparameters(Estimator);
        writer.SetProperty("feature_count", FeatureCount);
        writer.WriteDoubles("constant", [Constant]);
    }

    /// <summary>Reads a model written by <see cref="WriteTo"/>.</summary>
    internal static DummyRegressionModel ReadFrom(ModelReader reader)
    {
        var estimator = reader.ReadHyperparameters<DummyRegressor>();
        int featureCount = reader.GetInt("feature_count");
        double constant = reader.ReadDoubles("constant", 1)[0];
        if (featureCount < 0 || !double.IsFinite(constant))
            throw new ModelFormatException("The model file is damaged: the state of a dummy regressor is not valid.");
        return new DummyRegressionModel(estimator, constant, featureCount);
    }
}
