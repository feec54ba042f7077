using System.Collections.ObjectModel;
using Fathom.Core;
using Fathom.Numerics;
using Fathom.Persistence;
using Fathom.Statistics;

namespace Fathom.Linear;

/// <summary>A fitted <see cref="OrdinaryLeastSquares"/>: coefficients, intercept and the statistical summary. Immutable.</summary>
public sealed class OrdinaryLeastSquaresModel : IRegressionModel
{
    private readonly double[] _coef;

    internal OrdinaryLeastSquaresModel(OrdinaryLeastSquares parameters, double[] coef, double intercept, OlsSummary summary)
    {
        Parameters = parameters;
        _coef = coef;
        Intercept = intercept;
        Summary = summary;
    }

    /// <summary>The hyperparameters the model was fitted with.</summary>
    public OrdinaryLeastSquares Parameters { get; }

    /// <summary>Coefficient of each feature (the intercept excluded).</summary>
    public IReadOnlyList<double> Coefficients => new ReadOnlyCollection<double>(_coef);

    /// <summary>The intercept β₀ (0 without one).</summary>
    public double Intercept { get; }

    /// <summary>Standard errors, tests, intervals, fit statistics and residual diagnostics, as statsmodels' summary.</summary>
    public OlsSummary Summary { get; }

    /// <inheritdoc/>
    public int FeatureCount => _coef.Length;

    /// <inheritdoc/>
    public string ModelKind => "ols";

    /// <summary>Fitted values x·β + β₀ of each row. O(n · p).</summary>
    /// <exception cref="InvalidInputException">Wrong feature count or non-finite values.</exception>
    public double[] Predict(Matrix x)
    {
        InputChecks.FeatureCount(x, FeatureCount, nameof(OrdinaryLeastSquaresModel));
        InputChecks.Finite(x, nameof(OrdinaryLeastSquaresModel));
        var z = new double[x.Rows];
        LinearKernels.Project(x, 0, x.Rows, _coef, [Intercept], 1, z);
        return z;
    }

    /// <summary>Residuals yᵢ − ŷᵢ of the given rows (the training rows give the fit's residuals).</summary>
    /// <exception cref="InvalidInputException">Wrong feature count, non-finite values or a length mismatch.</exception>
    public double[] Residuals(Matrix x, double[] y)
    {
        ArgumentNullException.ThrowIfNull(y);
        var fitted = Predict(x);
        if (y.Length != fitted.Length)
            throw new InvalidInputException($"{nameof(OrdinaryLeastSquaresModel)}: {y.Length} targets were given for {x.Rows} rows; give one target per row.");
        var r = new double[y.Length];
        for (int i = 0; i < r.Length; i++) r[i] = y[i] - fitted[i];
        return r;
    }

    /// <inheritdoc/>
    public void WriteTo(ModelWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteHyperparameters(Parameters);
        writer.WriteDoubles("coefficients", _coef);
        writer.SetProperty("intercept", Intercept);
        var s = Summary;
        var table = s.Coefficients;
        writer.WriteStrings("term_names", table.Select(c => (string?)c.Name).ToArray());
        writer.WriteDoubles("term_estimates", table.Select(c => c.Estimate).ToArray());
        writer.WriteDoubles("term_std_errors", table.Select(c => c.StandardError).ToArray());
        writer.WriteDoubles("term_t", table.Select(c => c.TStatistic).ToArray());
        writer.WriteDoubles("term_p", table.Select(c => c.PValue).ToArray());
        writer.WriteDoubles("term_lower", table.Select(c => c.Lower).ToArray());
        writer.WriteDoubles("term_upper", table.Select(c => c.Upper).ToArray());
        writer.WriteDoubles("statistics",
        [
            s.Observations, s.DfModel, s.DfResidual, s.RSquared, s.AdjustedRSquared, s.FStatistic, s.FPValue, s.LogLikelihood,
            s.Aic, s.Bic, s.ResidualVariance, s.Omnibus.Statistic, s.Omnibus.PValue, s.JarqueBera.Statistic, s.JarqueBera.PValue,
            s.Skew, s.Kurtosis, s.DurbinWatson, s.ConditionNumber,
        ]);
    }

    internal static OrdinaryLeastSquaresModel ReadFrom(ModelReader reader)
    {
        var parameters = reader.ReadHyperparameters<OrdinaryLeastSquares>();
        var coef = reader.ReadDoubles("coefficients");
        int q = coef.Length + (parameters.FitIntercept ? 1 : 0);
        var names = reader.ReadStrings("term_names", q);
        var est = reader.ReadDoubles("term_estimates", q);
        var se = reader.ReadDoubles("term_std_errors", q);
        var t = reader.ReadDoubles("term_t", q);
        var p = reader.ReadDoubles("term_p", q);
        var lo = reader.ReadDoubles("term_lower", q);
        var hi = reader.ReadDoubles("term_upper", q);
        var table = new OlsCoefficient[q];
        for (int j = 0; j < q; j++)
            table[j] = new OlsCoefficient(names[j] ?? throw new ModelFormatException("The model file is damaged: an OLS term has no name."),
                est[j], se[j], t[j], p[j], lo[j], hi[j]);
        var v = reader.ReadDoubles("statistics", 19);
        var summary = new OlsSummary(table, (int)v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10],
            new TestResult(v[11], v[12]), new TestResult(v[13], v[14]), v[15], v[16], v[17], v[18],
            parameters.ConfidenceLevel, parameters.FitIntercept);
        return new OrdinaryLeastSquaresModel(parameters, coef, reader.GetDouble("intercept"), summary);
    }
}
