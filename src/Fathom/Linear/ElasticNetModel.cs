using System.Collections.ObjectModel;
using Fathom.Core;
using Fathom.Numerics;
using Fathom.Persistence;

namespace Fathom.Linear;

/// <summary>A fitted <see cref="ElasticNet"/>: ŷ = x·β + β₀ with a sparse β. Immutable and thread-safe.</summary>
public sealed class ElasticNetModel : IRegressionModel
{
    private readonly double[] _coef;

    internal ElasticNetModel(ElasticNet parameters, double[] coefficients, double intercept, int iterations, double dualGap, bool converged)
    {
        Parameters = parameters;
        _coef = coefficients;
        Intercept = intercept;
        Iterations = iterations;
        DualGap = dualGap;
        Converged = converged;
    }

    /// <summary>The hyperparameters the model was fitted with.</summary>
    public ElasticNet Parameters { get; }

    /// <summary>One coefficient per feature (scikit-learn's <c>coef_</c>); exact zeros for dropped features.</summary>
    public IReadOnlyList<double> Coefficients => new ReadOnlyCollection<double>(_coef);

    /// <summary>The intercept β₀ (0 when fitted without one).</summary>
    public double Intercept { get; }

    /// <summary>Coordinate-descent sweeps run (scikit-learn's <c>n_iter_</c>).</summary>
    public int Iterations { get; }

    /// <summary>Final duality gap of the scaled objective (scikit-learn's <c>dual_gap_</c> times n).</summary>
    public double DualGap { get; }

    /// <summary>True when the duality gap met the tolerance before the iteration limit.</summary>
    public bool Converged { get; }

    /// <inheritdoc/>
    public int FeatureCount => _coef.Length;

    /// <inheritdoc/>
    public string ModelKind => "elastic-net";

    /// <summary>Predicted target of each row, x·β + β₀. O(n · p).</summary>
    /// <exception cref="InvalidInputException">Wrong feature count or non-finite values.</exception>
    public double[] Predict(Matrix x) => LinearPrediction.Predict(x, _coef, Intercept, nameof(ElasticNetModel));

    /// <inheritdoc/>
    public void WriteTo(ModelWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteHyperparameters(Parameters);
        writer.WriteDoubles("coefficients", _coef);
        writer.SetProperty("intercept", Intercept);
        writer.SetProperty("iterations", Iterations);
        writer.SetProperty("dual_gap", DualGap);
        writer.SetProperty("converged", Converged);
    }

    internal static ElasticNetModel ReadFrom(ModelReader reader)
    {
        var parameters = reader.ReadHyperparameters<ElasticNet>();
        var coef = LinearPrediction.ReadCoefficients(reader, "elastic-net");
        return new ElasticNetModel(parameters, coef, reader.GetDouble("intercept"), reader.GetInt("iterations"),
            reader.GetDouble("dual_gap"), reader.GetBool("converged"));
    }
}
