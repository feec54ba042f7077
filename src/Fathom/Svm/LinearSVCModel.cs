using System.Collections.ObjectModel;
using System.Globalization;
using Fathom.Core;
using Fathom.Linear;
using Fathom.Numerics;
using Fathom.Persistence;

namespace Fathom.Svm;

/// <summary>A fitted <see cref="LinearSVC"/>: one weight row and intercept per one-vs-rest model (one model for two
/// classes). Immutable and thread-safe.</summary>
public sealed class LinearSVCModel : IClassificationModel
{
    private readonly string[] _classes;
    private readonly Matrix _coef;
    private readonly double[] _intercept;
    private readonly int[] _iterations;

    internal LinearSVCModel(LinearSVC parameters, string[] classes, LabelKind kind, Matrix coef, double[] intercept, int[] iterations)
    {
        Parameters = parameters;
        _classes = classes;
        LabelKind = kind;
        _coef = coef;
        _intercept = intercept;
        _iterations = iterations;
    }

    /// <summary>The hyperparameters the model was fitted with.</summary>
    public LinearSVC Parameters { get; }

    /// <inheritdoc/>
    public IReadOnlyList<string> Classes => new ReadOnlyCollection<string>(_classes);

    /// <inheritdoc/>
    public LabelKind LabelKind { get; }

    /// <inheritdoc/>
    public int FeatureCount => _coef.Columns;

    /// <inheritdoc/>
    public string ModelKind => "linear-svc";

    /// <summary>Weights (1 × p for two classes, classes × p otherwise; <c>coef_</c>), as a copy.</summary>
    public Matrix Coefficients => _coef.Clone();

    /// <summary>Intercepts (<c>intercept_</c>).</summary>
    public IReadOnlyList<double> Intercept => new ReadOnlyCollection<double>(_intercept);

    /// <summary>Passes of coordinate descent per model (<c>n_iter_</c> is their maximum).</summary>
    public IReadOnlyList<int> Iterations => new ReadOnlyCollection<int>(_iterations);

    /// <summary>x·coefᵀ + intercept: one column for two classes (positive = second class), else one per class.</summary>
    /// <exception cref="InvalidInputException">Wrong feature count or non-finite values.</exception>
    public Matrix DecisionFunction(Matrix x)
    {
        InputChecks.FeatureCount(x, FeatureCount, nameof(LinearSVCModel));
        InputChecks.Finite(x, nameof(LinearSVCModel));
        var d = MatrixOps.MultiplyTransposed(x, _coef);
        for (int i = 0; i < d.Rows; i++)
        {
            var row = d.Row(i);
            for (int m = 0; m < row.Length; m++) row[m] += _intercept[m];
        }
        return d;
    }

    /// <summary>Class of largest decision value (two classes: the second when the decision is &gt; 0).</summary>
    public int[] PredictIndex(Matrix x)
    {
        var d = DecisionFunction(x);
        if (_classes.Length == 2) return Enumerable.Range(0, d.Rows).Select(i => d[i, 0] > 0 ? 1 : 0).ToArray();
        return Reductions.RowArgMax(d);
    }

    /// <summary>Predicted class name of each row.</summary>
    public string[] Predict(Matrix x) => PredictIndex(x).Select(i => _classes[i]).ToArray();

    /// <summary>
    /// Uncalibrated scores (scikit-learn's LinearSVC has none): the logistic of the decision value for two classes,
    /// the softmax of the decision values otherwise. Their argmax is <see cref="Predict"/>; use them for ranking.
    /// </summary>
    public Matrix PredictProba(Matrix x)
    {
        var d = DecisionFunction(x);
        if (_classes.Length == 2)
        {
            var p = new Matrix(d.Rows, 2);
            for (int i = 0; i < d.Rows; i++)
            {
                double v = d[i, 0];
                double p1 = v >= 0 ? 1 / (1 + Math.Exp(-v)) : Math.Exp(v) / (1 + Math.Exp(v));
                p[i, 1] = p1;
                p[i, 0] = 1 - p1;
            }
            return p;
        }
        Reductions.SoftmaxRows(d);
        return d;
    }

    /// <inheritdoc/>
    public void WriteTo(ModelWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteHyperparameters(Parameters);
        writer.WriteStrings("classes", _classes);
        writer.SetProperty("label_kind", LabelKind.ToString());
        writer.WriteMatrix("coef", _coef);
        writer.WriteDoubles("intercept", _intercept);
        writer.WriteInts("iterations", _iterations);
    }

    internal static LinearSVCModel ReadFrom(ModelReader reader)
    {
        var parameters = reader.ReadHyperparameters<LinearSVC>();
        var classes = reader.ReadStrings("classes");
        if (classes.Length < 2 || classes.Any(c => c is null))
            throw new ModelFormatException("The model file is damaged: a linear-svc model needs at least two named classes.");
        if (!Enum.TryParse<LabelKind>(reader.GetString("label_kind"), out var kind))
            throw new ModelFormatException("The model file is damaged: the label kind of a linear-svc model is not valid.");
        var coef = reader.ReadMatrix("coef");
        int models = classes.Length == 2 ? 1 : classes.Length;
        if (coef.Rows != models || coef.Columns < 1)
            throw new ModelFormatException(string.Create(CultureInfo.InvariantCulture,
                $"The model file is damaged: a linear-svc model with {classes.Length} classes has coefficients {coef.Rows} x {coef.Columns}."));
        return new LinearSVCModel(parameters, classes!, kind, coef, reader.ReadDoubles("intercept", models), reader.ReadInts("iterations", models));
    }
}
