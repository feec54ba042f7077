using System.Collections.ObjectModel;
using Fathom.Core;
using Fathom.Linear;
using Fathom.Numerics;
using Fathom.Persistence;

namespace Fathom.Svm;

/// <summary>A fitted <see cref="LinearSVR"/>: weights and intercept. Immutable and thread-safe.</summary>
public sealed class LinearSVRModel : IRegressionModel
{
    private readonly double[] _coef;

    internal LinearSVRModel(LinearSVR parameters, double[] coef, double intercept, int iterations)
    {
        Parameters = parameters;
        _coef = coef;
        Intercept = intercept;
        Iterations = iterations;
    }

    /// <summary>The hyperparameters the model was fitted with.</summary>
    public LinearSVR Parameters { get; }

    /// <inheritdoc/>
    public int FeatureCount => _coef.Length;

    /// <inheritdoc/>
    public string ModelKind => "linear-svr";

    /// <summary>Weights (<c>coef_</c>).</summary>
    public IReadOnlyList<double> Coefficients => new ReadOnlyCollection<double>(_coef);

    /// <summary>Intercept (<c>intercept_</c>).</summary>
    public double Intercept { get; }

    /// <summary>Passes of coordinate descent (<c>n_iter_</c>).</summary>
    public int Iterations { get; }

    /// <summary>x·w + b.</summary>
    /// <exception cref="InvalidInputException">Wrong feature count or non-finite values.</exception>
    public double[] Predict(Matrix x)
    {
        InputChecks.FeatureCount(x, FeatureCount, nameof(LinearSVRModel));
        InputChecks.Finite(x, nameof(LinearSVRModel));
        var y = MatrixOps.Multiply(x, _coef);
        for (int i = 0; i < y.Length; i++) y[i] += Intercept;
        return y;
    }

    /// <inheritdoc/>
    public void WriteTo(ModelWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteHyperparameters(Parameters);
        writer.WriteDoubles("coef", _coef);
        writer.SetProperty("intercept", Intercept);
        writer.SetProperty("iterations", Iterations);
    }

    internal static LinearSVRModel ReadFrom(ModelReader reader)
    {
        var parameters = reader.ReadHyperparameters<LinearSVR>();
        var coef = reader.ReadDoubles("coef");
        if (coef.Length < 1) throw new ModelFormatException("The model file is damaged: a linear-svr model has no coefficients.");
        return new LinearSVRModel(parameters, coef, reader.GetDouble("intercept"), reader.GetInt("iterations"));
    }
}
