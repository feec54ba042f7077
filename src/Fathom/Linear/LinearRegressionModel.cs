using System.Collections.ObjectModel;
using Fathom.Core;
using Fathom.Numerics;
using Fathom.Persistence;

namespace Fathom.Linear;

/// <summary>A fitted <see cref="LinearRegression"/>: ŷ = x·β + β₀. Immutable and thread-safe.</summary>
public sealed class LinearRegressionModel : IRegressionModel
{
    private readonly double[] _coef;

    internal LinearRegressionModel(LinearRegression parameters, double[] coefficients, double intercept, int rank)
    {
        Parameters = parameters;
        _coef = coefficients;
        Intercept = intercept;
        Rank = rank;
    }

    /// <summary>The hyperparameters the model was fitted with.</summary>
    public LinearRegression Parameters { get; }

    /// <summary>One coefficient per feature (scikit-learn's <c>coef_</c>).</summary>
    public IReadOnlyList<double> Coefficients => new ReadOnlyCollection<double>(_coef);

    /// <summary>The intercept β₀ (0 when fitted without one).</summary>
    public double Intercept { get; }

    /// <summary>Numerical rank of the (centred, weighted) design (scikit-learn's <c>rank_</c>); below the
    /// feature count the coefficients are the minimum-norm solution.</summary>
    public int Rank { get; }

    /// <inheritdoc/>
    public int FeatureCount => _coef.Length;

    /// <inheritdoc/>
    public string ModelKind => "linear-regression";

    /// <summary>Predicted target of each row, x·β + β₀. O(n · p).</summary>
    /// <exception cref="InvalidInputException">Wrong feature count or non-finite values.</exception>
    public double[] Predict(Matrix x)
    {
        InputChecks.FeatureCount(x, FeatureCount, nameof(LinearRegressionModel));
        InputChecks.Finite(x, nameof(LinearRegressionModel));
        var z = new double[x.Rows];
        LinearKernels.Project(x, 0, x.Rows, _coef, [Intercept], 1, z);
        return z;
    }

    /// <inheritdoc/>
    public void WriteTo(ModelWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteHyperparameters(Parameters);
        writer.WriteDoubles("coefficients", _coef);
        writer.SetProperty("intercept", Intercept);
        writer.SetProperty("rank", Rank);
    }

    internal static LinearRegressionModel ReadFrom(ModelReader reader)
    {
        var parameters = reader.ReadHyperparameters<LinearRegression>();
        var coef = reader.ReadDoubles("coefficients");
        if (coef.Length < 1) throw new ModelFormatException("The model file is damaged: a linear-regression model has no coefficients.");
        return new LinearRegressionModel(parameters, coef, reader.GetDouble("intercept"), reader.GetInt("rank"));
    }
}
