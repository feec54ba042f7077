using System.Collections.ObjectModel;
using System.Globalization;
using Fathom.Core;
using Fathom.Numerics;
using Fathom.Persistence;

namespace Fathom.Linear;

/// <summary>A fitted <see cref="SGDRegressor"/>: ŷ = x·w + b, plus the optimizer state for <see cref="PartialFit"/>.
/// Immutable and thread-safe.</summary>
public sealed class SGDRegressorModel : IRegressionModel
{
    private readonly SgdState _state;
    private readonly double[] _coef;

    internal SGDRegressorModel(SGDRegressor parameters, SgdState state, double t, int iterations)
    {
        Parameters = parameters;
        _state = state;
        SamplesSeen = t;
        Iterations = iterations;
        bool averaged = parameters.Average > 0 && parameters.Average <= t - 1;
        _coef = (double[])(averaged ? state.AverageW : state.W).Clone();
        Intercept = averaged ? state.AverageB : state.B;
    }

    /// <summary>The hyperparameters the model was fitted with.</summary>
    public SGDRegressor Parameters { get; }

    /// <summary>One coefficient per feature (averaged ones with ASGD).</summary>
    public IReadOnlyList<double> Coefficients => new ReadOnlyCollection<double>(_coef);

    /// <summary>The intercept.</summary>
    public double Intercept { get; }

    /// <summary>Epochs of the last fit (scikit-learn's <c>n_iter_</c>).</summary>
    public int Iterations { get; }

    /// <summary>Number of weight updates made so far plus one (scikit-learn's <c>t_</c>).</summary>
    public double SamplesSeen { get; }

    /// <inheritdoc/>
    public int FeatureCount => _coef.Length;

    /// <inheritdoc/>
    public string ModelKind => "sgd-regressor";

    /// <summary>Predicted target of each row, x·w + b. O(n·p).</summary>
    /// <exception cref="InvalidInputException">Wrong feature count or non-finite values.</exception>
    public double[] Predict(Matrix x) => LinearPrediction.Predict(x, _coef, Intercept, nameof(SGDRegressorModel));

    /// <summary>One more epoch on a new chunk, continuing from this model's state (scikit-learn's <c>partial_fit</c>);
    /// returns a new model.</summary>
    /// <exception cref="InvalidInputException">Wrong feature count or bad data.</exception>
    public SGDRegressorModel PartialFit(Matrix x, double[] y, double[]? sampleWeight = null, FitContext? context = null)
    {
        InputChecks.FeatureCount(x, FeatureCount, nameof(SGDRegressorModel));
        TargetChecks.Regression(x, y, sampleWeight, nameof(SGDRegressorModel));
        return Parameters.Train(x, y, sampleWeight, _state, SamplesSeen, 1, context ?? FitContext.Default);
    }

    /// <inheritdoc/>
    public void WriteTo(ModelWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteHyperparameters(Parameters);
        writer.SetProperty("iterations", Iterations);
        writer.SetProperty("t", SamplesSeen);
        SgdStateIO.Write(writer, [_state]);
    }

    internal static SGDRegressorModel ReadFrom(ModelReader reader)
    {
        var parameters = reader.ReadHyperparameters<SGDRegressor>();
        var states = SgdStateIO.Read(reader, 1, "sgd-regressor");
        double t = reader.GetDouble("t");
        if (!(t >= 1))
            throw new ModelFormatException(string.Create(CultureInfo.InvariantCulture, $"The model file is damaged: sgd-regressor step count {t} is below 1."));
        return new SGDRegressorModel(parameters, states[0], t, reader.GetInt("iterations"));
    }
}
