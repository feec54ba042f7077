using System.Collections.ObjectModel;
using System.Globalization;
using System.Text.Json.Nodes;
using Fathom.Core;
using Fathom.Numerics;
using Fathom.Persistence;

namespace Fathom.Linear;

/// <summary>
/// A fitted <see cref="LogisticRegression"/>. Binary models have one coefficient row (the log-odds of
/// <c>Classes[1]</c>, like scikit-learn's <c>coef_</c>); multinomial models one row per class.
/// Immutable and thread-safe.
/// </summary>
public sealed class LogisticRegressionModel : IClassificationModel
{
    private readonly Matrix _coef;
    private readonly double[] _intercept;
    private readonly string[] _classes;

    internal LogisticRegressionModel(LogisticRegression parameters, string[] classes, LabelKind labelKind, LogisticMultiClass scheme,
        Matrix coefficients, double[] intercept, int iterations, bool converged)
    {
        Parameters = parameters;
        Scheme = scheme;
        _classes = classes;
        LabelKind = labelKind;
        _coef = coefficients;
        _intercept = intercept;
        Iterations = iterations;
        Converged = converged;
    }

    /// <summary>The hyperparameters the model was fitted with.</summary>
    public LogisticRegression Parameters { get; }

    /// <summary>The scheme used: <c>Ovr</c> for one-vs-rest and for plain binary models, <c>Multinomial</c> for softmax
    /// models (never <c>Auto</c>).</summary>
    public LogisticMultiClass Scheme { get; }

    /// <inheritdoc/>
    public IReadOnlyList<string> Classes => new ReadOnlyCollection<string>(_classes);

    /// <inheritdoc/>
    public LabelKind LabelKind { get; }

    /// <inheritdoc/>
    public int FeatureCount => _coef.Columns;

    /// <inheritdoc/>
    public string ModelKind => "logistic-regression";

    /// <summary>Coefficients, classes × features (1 × features for a binary model), as a copy.</summary>
    public Matrix Coefficients => _coef.Clone();

    /// <summary>Intercept per coefficient row (zeros when fitted without an intercept).</summary>
    public IReadOnlyList<double> Intercept => new ReadOnlyCollection<double>(_intercept);

    /// <summary>Number of L-BFGS iterations the fit took (scikit-learn's <c>n_iter_</c>).</summary>
    public int Iterations { get; }

    /// <summary>True when the optimizer met its tolerance before <see cref="LogisticRegression.MaxIter"/>.</summary>
    public bool Converged { get; }

    /// <summary>
    /// Decision values X·Wᵀ + b: n × 1 for a binary model (positive favours <c>Classes[1]</c>), n × classes
    /// for a multinomial one. O(n · p · k).
    /// </summary>
    /// <exception cref="InvalidInputException">Wrong feature count or non-finite values.</exception>
    public Matrix DecisionFunction(Matrix x)
    {
        Check(x);
        int k = _coef.Rows;
        var z = new Matrix(x.Rows, k);
        LinearKernels.Project(x, 0, x.Rows, _coef.AsSpan(), _intercept, k, z.AsSpan());
        return z;
    }

    /// <summary>Class probabilities (n × classes): σ(z) for binary, softmax(z) for multinomial (σ(2z) for a two-class
    /// multinomial model), σ(z_c) / Σ σ(z_j) for one-vs-rest.</summary>
    /// <exception cref="InvalidInputException">Wrong feature count or non-finite values.</exception>
    public Matrix PredictProba(Matrix x)
    {
        var z = DecisionFunction(x);
        int n = x.Rows, k = _classes.Length;
        var proba = new Matrix(n, k);
        if (_coef.Rows == 1)
        {
            double scale = Scheme == LogisticMultiClass.Multinomial ? 2.0 : 1.0;
            for (int i = 0; i < n; i++)
            {
                double zi = scale * z[i, 0];
                double e = Math.Exp(-Math.Abs(zi));
                double p1 = zi >= 0 ? 1 / (1 + e) : e / (1 + e);
                var row = proba.Row(i);
                row[0] = 1 - p1;
                row[1] = p1;
            }
            return proba;
        }
        if (Scheme == LogisticMultiClass.Ovr)
        {
            for (int i = 0; i < n; i++)
            {
                var zi = z.Row(i);
                var row = proba.Row(i);
                double sum = 0;
                for (int c = 0; c < k; c++)
                {
                    double e = Math.Exp(-Math.Abs(zi[c]));
                    row[c] = zi[c] >= 0 ? 1 / (1 + e) : e / (1 + e);
                    sum += row[c];
                }
                for (int c = 0; c < k; c++) row[c] /= sum;
            }
            return proba;
        }
        for (int i = 0; i < n; i++)
        {
            var zi = z.Row(i);
            var row = proba.Row(i);
            double mx = double.NegativeInfinity;
            for (int c = 0; c < k; c++) mx = Math.Max(mx, zi[c]);
            double sum = 0;
            for (int c = 0; c < k; c++) { row[c] = Math.Exp(zi[c] - mx); sum += row[c]; }
            for (int c = 0; c < k; c++) row[c] /= sum;
        }
        return proba;
    }

    /// <summary>Index into <see cref="Classes"/> of the class with the largest decision value (binary: z &gt; 0
    /// gives class 1); ties go to the lower index, as numpy's argmax.</summary>
    public int[] PredictIndex(Matrix x)
    {
        var z = DecisionFunction(x);
        var result = new int[x.Rows];
        if (_coef.Rows == 1)
        {
            for (int i = 0; i < result.Length; i++) result[i] = z[i, 0] > 0 ? 1 : 0;
            return result;
        }
        return Reductions.RowArgMax(z);
    }

    /// <summary>Predicted class name of each row.</summary>
    public string[] Predict(Matrix x)
    {
        var idx = PredictIndex(x);
        var names = new string[idx.Length];
        for (int i = 0; i < idx.Length; i++) names[i] = _classes[idx[i]];
        return names;
    }

    /// <inheritdoc/>
    public void WriteTo(ModelWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteHyperparameters(Parameters);
        writer.WriteStrings("classes", _classes);
        writer.SetProperty("label_kind", LabelKind.ToString());
        writer.SetProperty("multi_class", Scheme.ToString());
        writer.SetProperty("iterations", Iterations);
        writer.SetProperty("converged", Converged);
        writer.WriteMatrix("coefficients", _coef);
        writer.WriteDoubles("intercept", _intercept);
    }

    internal static LogisticRegressionModel ReadFrom(ModelReader reader)
    {
        var parameters = reader.ReadHyperparameters<LogisticRegression>();
        var classes = reader.ReadStrings("classes");
        if (classes.Length < 2 || classes.Any(c => c is null))
            throw new ModelFormatException("The model file is damaged: a logistic-regression model needs at least two named classes.");
        if (!Enum.TryParse<LabelKind>(reader.GetString("label_kind"), out var kind))
            throw new ModelFormatException("The model file is damaged: the label kind of a logistic-regression model is not valid.");
        var coef = reader.ReadMatrix("coefficients");
        int rows = classes.Length == 2 ? 1 : classes.Length;
        if (coef.Rows != rows || coef.Columns < 1)
            throw new ModelFormatException(string.Create(CultureInfo.InvariantCulture,
                $"The model file is damaged: a logistic-regression model with {classes.Length} classes needs {rows} coefficient rows, found {coef.Rows}."));
        var intercept = reader.ReadDoubles("intercept", rows);
        // Files written before one-vs-rest existed hold binary or multinomial models.
        var scheme = classes.Length == 2 ? LogisticMultiClass.Ovr : LogisticMultiClass.Multinomial;
        string? stored = null;
        try { stored = reader.GetString("multi_class"); }
        catch (ModelFormatException) { } // an older file: no property, the default above applies
        if (stored is not null && (!Enum.TryParse(stored, out scheme) || scheme == LogisticMultiClass.Auto))
            throw new ModelFormatException("The model file is damaged: the multi-class scheme of a logistic-regression model is not valid.");
        return new LogisticRegressionModel(parameters, classes!, kind, scheme, coef, intercept, reader.GetInt("iterations"), reader.GetBool("converged"));
    }

    private void Check(Matrix x)
    {
        InputChecks.FeatureCount(x, FeatureCount, nameof(LogisticRegressionModel));
        InputChecks.Finite(x, nameof(LogisticRegressionModel));
    }
}
