using System.Collections.ObjectModel;
using Fathom.Core;
using Fathom.Numerics;
using Fathom.Persistence;

namespace Fathom.Linear;

/// <summary>A fitted <see cref="RidgeCV"/>: the chosen <see cref="Alpha"/>, its cross-validation scores and the ridge
/// fitted on all rows with it. Immutable and thread-safe.</summary>
public sealed class RidgeCVModel : IRegressionModel
{
    private readonly double[] _coef;
    private readonly double[] _scores;

    internal RidgeCVModel(RidgeCV parameters, double alpha, double[] scores, double[] coefficients, double intercept)
    {
        Parameters = parameters;
        Alpha = alpha;
        _scores = scores;
        _coef = coefficients;
        Intercept = intercept;
    }

    /// <summary>The hyperparameters (with the alpha grid) the model was fitted with.</summary>
    public RidgeCV Parameters { get; }

    /// <summary>The chosen penalty (scikit-learn's <c>alpha_</c>).</summary>
    public double Alpha { get; }

    /// <summary>Score of each alpha of <see cref="RidgeCV.Alphas"/>: −(mean squared leave-one-out error), or the mean R²
    /// over the folds with K-fold; the best is <see cref="BestScore"/>.</summary>
    public IReadOnlyList<double> Scores => new ReadOnlyCollection<double>(_scores);

    /// <summary>Score of the chosen alpha (scikit-learn's <c>best_score_</c>).</summary>
    public double BestScore => _scores.Max();

    /// <summary>One coefficient per feature.</summary>
    public IReadOnlyList<double> Coefficients => new ReadOnlyCollection<double>(_coef);

    /// <summary>The intercept.</summary>
    public double Intercept { get; }

    /// <inheritdoc/>
    public int FeatureCount => _coef.Length;

    /// <inheritdoc/>
    public string ModelKind => "ridge-cv";

    /// <summary>Predicted target of each row, x·β + β₀. O(n·p).</summary>
    /// <exception cref="InvalidInputException">Wrong feature count or non-finite values.</exception>
    public double[] Predict(Matrix x) => LinearPrediction.Predict(x, _coef, Intercept, nameof(RidgeCVModel));

    /// <inheritdoc/>
    public void WriteTo(ModelWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteHyperparameters(Parameters);
        writer.WriteDoubles("alphas", Parameters.Alphas.ToArray());
        writer.WriteDoubles("scores", _scores);
        writer.SetProperty("alpha", Alpha);
        writer.WriteDoubles("coefficients", _coef);
        writer.SetProperty("intercept", Intercept);
    }

    internal static RidgeCVModel ReadFrom(ModelReader reader)
    {
        var alphas = reader.ReadDoubles("alphas");
        if (alphas.Length < 1) throw new ModelFormatException("The model file is damaged: a ridge-cv model has no alphas.");
        var parameters = reader.ReadHyperparameters<RidgeCV>() with { Alphas = alphas };
        return new RidgeCVModel(parameters, reader.GetDouble("alpha"), reader.ReadDoubles("scores", alphas.Length),
            LinearPrediction.ReadCoefficients(reader, "ridge-cv"), reader.GetDouble("intercept"));
    }
}
