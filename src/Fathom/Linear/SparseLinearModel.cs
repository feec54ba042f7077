using System.Collections.ObjectModel;
using Fathom.Core;
using Fathom.Numerics;
using Fathom.Persistence;

namespace Fathom.Linear;

/// <summary>
/// What a coordinate-descent fit (<see cref="Lasso"/>, <see cref="ElasticNet"/>) learns: ŷ = x·β + β₀ with a
/// sparse β, plus the solver's iteration count and duality gap. Immutable and thread-safe.
/// </summary>
public abstract class SparseLinearModel : IRegressionModel
{
    private readonly double[] _coef;
    private readonly object _parameters;

    private protected SparseLinearModel(object parameters, double[] coefficients, double intercept, int iterations, double dualGap, bool converged)
    {
        _parameters = parameters;
        _coef = coefficients;
        Intercept = intercept;
        Iterations = iterations;
        DualGap = dualGap;
        Converged = converged;
    }

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
    public abstract string ModelKind { get; }

    /// <summary>Predicted target of each row, x·β + β₀. O(n · p).</summary>
    /// <exception cref="InvalidInputException">Wrong feature count or non-finite values.</exception>
    public double[] Predict(Matrix x) => LinearPrediction.Predict(x, _coef, Intercept, GetType().Name);

    /// <inheritdoc/>
    public void WriteTo(ModelWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteHyperparameters(_parameters);
        writer.WriteDoubles("coefficients", _coef);
        writer.SetProperty("intercept", Intercept);
        writer.SetProperty("iterations", Iterations);
        writer.SetProperty("dual_gap", DualGap);
        writer.SetProperty("converged", Converged);
    }

    /// <summary>Reads the state <see cref="WriteTo"/> wrote (after the hyperparameters).</summary>
    private protected static (double[] Coefficients, double Intercept, int Iterations, double DualGap, bool Converged) ReadState(ModelReader reader, string kind) =>
        (LinearPrediction.ReadCoefficients(reader, kind), reader.GetDouble("intercept"), reader.GetInt("iterations"),
            reader.GetDouble("dual_gap"), reader.GetBool("converged"));
}
