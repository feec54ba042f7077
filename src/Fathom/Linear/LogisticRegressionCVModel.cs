using System.Collections.ObjectModel;
using Fathom.Core;
using Fathom.Numerics;
using Fathom.Persistence;

namespace Fathom.Linear;

/// <summary>A fitted <see cref="LogisticRegressionCV"/>: the chosen C (one per class with one-vs-rest), the mean fold
/// accuracies and the <see cref="LogisticRegressionModel"/> refitted on all rows, to which prediction is delegated.
/// Immutable and thread-safe.</summary>
public sealed class LogisticRegressionCVModel : IClassificationModel
{
    private readonly double[] _c;
    private readonly Matrix _scores;

    internal LogisticRegressionCVModel(LogisticRegressionCV parameters, LogisticRegressionModel model, double[] c, Matrix scores)
    {
        Parameters = parameters;
        Model = model;
        _c = c;
        _scores = scores;
    }

    /// <summary>The hyperparameters (with the C grid) the model was fitted with.</summary>
    public LogisticRegressionCV Parameters { get; }

    /// <summary>The logistic regression refitted on all rows with the chosen C.</summary>
    public LogisticRegressionModel Model { get; }

    /// <summary>The chosen C: one value, or one per class with one-vs-rest (scikit-learn's <c>C_</c>).</summary>
    public IReadOnlyList<double> C => new ReadOnlyCollection<double>(_c);

    /// <summary>Mean held-out accuracy, problems × grid (one row, or one per class with one-vs-rest), as a copy.</summary>
    public Matrix Scores => _scores.Clone();

    /// <inheritdoc/>
    public IReadOnlyList<string> Classes => Model.Classes;

    /// <inheritdoc/>
    public LabelKind LabelKind => Model.LabelKind;

    /// <inheritdoc/>
    public int FeatureCount => Model.FeatureCount;

    /// <inheritdoc/>
    public string ModelKind => "logistic-regression-cv";

    /// <summary>Coefficients of the refitted model (see <see cref="LogisticRegressionModel.Coefficients"/>).</summary>
    public Matrix Coefficients => Model.Coefficients;

    /// <summary>Intercepts of the refitted model.</summary>
    public IReadOnlyList<double> Intercept => Model.Intercept;

    /// <summary>Decision values of the refitted model.</summary>
    public Matrix DecisionFunction(Matrix x) => Model.DecisionFunction(x);

    /// <inheritdoc/>
    public int[] PredictIndex(Matrix x) => Model.PredictIndex(x);

    /// <inheritdoc/>
    public Matrix PredictProba(Matrix x) => Model.PredictProba(x);

    /// <summary>Predicted class name of each row.</summary>
    public string[] Predict(Matrix x) => Model.Predict(x);

    /// <inheritdoc/>
    public void WriteTo(ModelWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteHyperparameters(Parameters);
        writer.WriteDoubles("c_grid", Parameters.Grid());
        writer.WriteDoubles("c", _c);
        writer.WriteMatrix("scores", _scores);
        writer.WriteModel("model", Model);
    }

    internal static LogisticRegressionCVModel ReadFrom(ModelReader reader)
    {
        var grid = reader.ReadDoubles("c_grid");
        var parameters = reader.ReadHyperparameters<LogisticRegressionCV>() with { CGrid = grid };
        var scores = reader.ReadMatrix("scores");
        var c = reader.ReadDoubles("c", scores.Rows);
        if (scores.Columns != grid.Length)
            throw new ModelFormatException("The model file is damaged: a logistic-regression-cv model's scores do not match its C grid.");
        return new LogisticRegressionCVModel(parameters, c, scores, reader.ReadModel<LogisticRegressionModel>("model"));
    }

    private LogisticRegressionCVModel(LogisticRegressionCV parameters, double[] c, Matrix scores, LogisticRegressionModel model)
        : this(parameters, model, c, scores) { }
}
