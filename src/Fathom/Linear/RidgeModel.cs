using System.Collections.ObjectModel;
using Fathom.Core;
using Fathom.Numerics;
using Fathom.Persistence;

namespace Fathom.Linear;

/// <summary>A fitted <see cref="Ridge"/>: ŷ = x·β + β₀. Immutable and thread-safe.</summary>
public sealed class RidgeModel : IRegressionModel
{
    private readonly double[] _coef;

    internal RidgeModel(Ridge parameters, double[] coefficients, double intercept)
    {
        Parameters = parameters;
        _coef = coefficients;
        Intercept = intercept;
    }

    /// <summary>The hyperparameters the model was fitted with.</summary>
    public Ridge Parameters { get; }

    /// <summary>One coefficient per feature (scikit-learn's <c>coef_</c>).</summary>
    public IReadOnlyList<double> Coefficients => new ReadOnlyCollection<double>(_coef);

    /// <summary>The intercept β₀ (0 when fitted without one).</summary>
    public double Intercept { get; }

    /// <inheritdoc/>
    public int FeatureCount => _coef.Length;

    /// <inheritdoc/>
    public string ModelKind => "ridge";

    /// <summary>Predicted target of each row, x·β + β₀. O(n · p).</summary>
    /// <exception cref="InvalidInputException">Wrong feature count or non-finite values.</exception>
    public double[] Predict(Matrix x) => LinearPrediction.Predict(x, _coef, Intercept, nameof(RidgeModel));

    /// <inheritdoc/>
    public void WriteTo(ModelWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteHyperparameters(Parameters);
        writer.WriteDoubles("coefficients", _coef);
        writer.SetProperty("intercept", Intercept);
    }

    internal static RidgeModel ReadFrom(ModelReader reader)
    {
        var parameters = reader.ReadHyperparameters<Ridge>();
        var coef = LinearPrediction.ReadCoefficients(reader, "ridge");
        return new RidgeModel(parameters, coef, reader.GetDouble("intercept"));
    }
}
