using System.Collections.ObjectModel;
using System.Globalization;
using Fathom.Core;
using Fathom.Numerics;
using Fathom.Persistence;

namespace Fathom.Linear;

/// <summary>A fitted <see cref="RidgeClassifier"/>: scores X·Wᵀ + b, one row of W for two classes, one per class
/// otherwise. Immutable and thread-safe.</summary>
public sealed class RidgeClassifierModel : IClassificationModel
{
    private readonly string[] _classes;
    private readonly Matrix _coef;
    private readonly double[] _intercept;

    internal RidgeClassifierModel(RidgeClassifier parameters, string[] classes, LabelKind labelKind, Matrix coefficients, double[] intercept)
    {
        Parameters = parameters;
        _classes = classes;
        LabelKind = labelKind;
        _coef = coefficients;
        _intercept = intercept;
    }

    /// <summary>The hyperparameters the model was fitted with.</summary>
    public RidgeClassifier Parameters { get; }

    /// <inheritdoc/>
    public IReadOnlyList<string> Classes => new ReadOnlyCollection<string>(_classes);

    /// <inheritdoc/>
    public LabelKind LabelKind { get; }

    /// <inheritdoc/>
    public int FeatureCount => _coef.Columns;

    /// <inheritdoc/>
    public string ModelKind => "ridge-classifier";

    /// <summary>Coefficients (1 × features for two classes, classes × features otherwise), as a copy.</summary>
    public Matrix Coefficients => _coef.Clone();

    /// <summary>Intercept per coefficient row.</summary>
    public IReadOnlyList<double> Intercept => new ReadOnlyCollection<double>(_intercept);

    /// <summary>Scores X·Wᵀ + b (n × 1 for two classes, n × classes otherwise). O(n·p·k).</summary>
    /// <exception cref="InvalidInputException">Wrong feature count or non-finite values.</exception>
    public Matrix DecisionFunction(Matrix x)
    {
        InputChecks.FeatureCount(x, FeatureCount, nameof(RidgeClassifierModel));
        InputChecks.Finite(x, nameof(RidgeClassifierModel));
        var z = new Matrix(x.Rows, _coef.Rows);
        LinearKernels.Project(x, 0, x.Rows, _coef.AsSpan(), _intercept, _coef.Rows, z.AsSpan());
        return z;
    }

    /// <summary>Index of the predicted class (two classes: score &gt; 0 gives class 1; else the largest score).</summary>
    public int[] PredictIndex(Matrix x)
    {
        var z = DecisionFunction(x);
        if (_coef.Rows > 1) return Reductions.RowArgMax(z);
        var result = new int[x.Rows];
        for (int i = 0; i < result.Length; i++) result[i] = z[i, 0] > 0 ? 1 : 0;
        return result;
    }

    /// <summary>Predicted class name of each row.</summary>
    public string[] Predict(Matrix x) => PredictIndex(x).Select(i => _classes[i]).ToArray();

    /// <summary>Ridge scores are not probabilities (scikit-learn has no predict_proba here): 1 for the predicted class, 0 elsewhere.</summary>
    public Matrix PredictProba(Matrix x)
    {
        var idx = PredictIndex(x);
        var proba = new Matrix(x.Rows, _classes.Length);
        for (int i = 0; i < idx.Length; i++) proba[i, idx[i]] = 1;
        return proba;
    }

    /// <inheritdoc/>
    public void WriteTo(ModelWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteHyperparameters(Parameters);
        writer.WriteStrings("classes", _classes);
        writer.SetProperty("label_kind", LabelKind.ToString());
        writer.WriteMatrix("coefficients", _coef);
        writer.WriteDoubles("intercept", _intercept);
    }

    internal static RidgeClassifierModel ReadFrom(ModelReader reader)
    {
        var parameters = reader.ReadHyperparameters<RidgeClassifier>();
        var classes = reader.ReadStrings("classes");
        if (classes.Length < 2 || classes.Any(c => c is null))
            throw new ModelFormatException("The model file is damaged: a ridge-classifier model needs at least two named classes.");
        if (!Enum.TryParse<LabelKind>(reader.GetString("label_kind"), out var kind))
            throw new ModelFormatException("The model file is damaged: the label kind of a ridge-classifier model is not valid.");
        var coef = reader.ReadMatrix("coefficients");
        int rows = classes.Length == 2 ? 1 : classes.Length;
        if (coef.Rows != rows || coef.Columns < 1)
            throw new ModelFormatException(string.Create(CultureInfo.InvariantCulture,
                $"The model file is damaged: a ridge-classifier model with {classes.Length} classes needs {rows} coefficient rows, found {coef.Rows}."));
        return new RidgeClassifierModel(parameters, classes!, kind, coef, reader.ReadDoubles("intercept", rows));
    }
}
