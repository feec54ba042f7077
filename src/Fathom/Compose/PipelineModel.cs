using System.Text.Json.Nodes;
using Fathom.Core;
using Fathom.Data;
using Fathom.Numerics;
using Fathom.Persistence;
using Fathom.Preprocessing;

namespace Fathom.Compose;

/// <summary>
/// A fitted <see cref="Pipeline"/>: the fitted model of every step. Takes a <see cref="DataFrame"/> and runs
/// it through the transformer steps (<see cref="Transform"/>, <see cref="TransformFeatures"/>), then — when
/// the pipeline ends with a classifier or regressor — through the final model (<see cref="PredictProba"/>,
/// <see cref="PredictClasses"/>, <see cref="PredictValues"/>). Saved as one model with the steps nested.
/// Immutable and thread-safe when its steps are.
/// </summary>
public sealed class PipelineModel : ITransformerModel
{
    private readonly string[] _stepNames;
    private readonly IModel[] _steps;
    private readonly ITransformerModel[] _transformers;
    private readonly string[] _directNames;
    private readonly ColumnKind[] _directKinds;

    internal PipelineModel(string[] stepNames, IReadOnlyList<IModel> steps, PipelineTask task, DataFrame? fitFrame)
        : this(stepNames, steps, task,
            fitFrame?.ColumnNames.ToArray() ?? [], fitFrame?.Columns.Select(c => c.Kind).ToArray() ?? [])
    {
    }

    private PipelineModel(string[] stepNames, IReadOnlyList<IModel> steps, PipelineTask task, string[] directNames, ColumnKind[] directKinds)
    {
        _stepNames = stepNames;
        _steps = steps.ToArray();
        Task = task;
        int nt = task == PipelineTask.Transform ? _steps.Length : _steps.Length - 1;
        _transformers = _steps.Take(nt).Cast<ITransformerModel>().ToArray();
        // Without transformer steps the final model reads the input frame directly: remember its columns.
        _directNames = _transformers.Length == 0 ? directNames : [];
        _directKinds = _transformers.Length == 0 ? directKinds : [];
    }

    /// <summary>What the pipeline ends with.</summary>
    public PipelineTask Task { get; }

    /// <summary>The step names, in order.</summary>
    public IReadOnlyList<string> StepNames => _stepNames;

    /// <summary>The fitted model of every step, in order (the last is <see cref="Final"/>).</summary>
    public IReadOnlyList<IModel> Steps => _steps;

    /// <summary>The fitted last step: an <see cref="IClassificationModel"/>, <see cref="IRegressionModel"/> or
    /// <see cref="ITransformerModel"/>.</summary>
    public IModel Final => _steps[^1];

    /// <summary>The transformer steps <see cref="Transform"/> applies: all steps of a transformer pipeline, all
    /// but the last of a predicting one.</summary>
    public IReadOnlyList<ITransformerModel> Transformers => _transformers;

    /// <summary>The class names in <see cref="PredictProba"/>'s column order (empty unless classification).</summary>
    public IReadOnlyList<string> Classes => Final is IClassificationModel c && Task == PipelineTask.Classification ? c.Classes : [];

    /// <summary>The fitted model of the step named <paramref name="name"/>.</summary>
    /// <exception cref="KeyNotFoundException">No step has that name.</exception>
    public IModel this[string name]
    {
        get
        {
            int k = Array.IndexOf(_stepNames, name);
            return k >= 0 ? _steps[k] : throw new KeyNotFoundException($"The pipeline has no step named '{name}'; steps are: {string.Join(", ", _stepNames)}.");
        }
    }

    /// <summary>The input columns the pipeline reads (those of its first step).</summary>
    public IReadOnlyList<string> FeatureNamesIn => _transformers.Length > 0 ? _transformers[0].FeatureNamesIn : _directNames;

    /// <summary>Names of the columns <see cref="Transform"/> returns: the output of the last transformer step,
    /// which for a predicting pipeline are the features the final model sees.</summary>
    public IReadOnlyList<string> FeatureNamesOut => _transformers.Length > 0 ? _transformers[^1].FeatureNamesOut : _directNames;

    /// <inheritdoc/>
    public int FeatureCount => FeatureNamesIn.Count;

    /// <inheritdoc/>
    public string ModelKind => "pipeline";

    /// <summary>Applies the transformer steps in order (for a predicting pipeline: all but the final model).</summary>
    /// <exception cref="InvalidInputException">A step rejects the data (missing column, changed kind, …).</exception>
    public DataFrame Transform(DataFrame x)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (_transformers.Length == 0) return new DataFrame(FrameInput.Resolve(x, _directNames, _directKinds, "Pipeline"));
        var current = x;
        foreach (var t in _transformers) current = t.Transform(current);
        return current;
    }

    /// <summary>The features the final model sees: <see cref="Transform"/> then <see cref="DataFrame.ToMatrix"/>.</summary>
    public Matrix TransformFeatures(DataFrame x) => Transform(x).ToMatrix();

    /// <summary>Class probabilities, one column per class in <see cref="Classes"/> order.</summary>
    /// <exception cref="InvalidOperationException">The pipeline does not end with a classifier.</exception>
    public Matrix PredictProba(DataFrame x) => Classifier().PredictProba(TransformFeatures(x));

    /// <summary>Index into <see cref="Classes"/> of each row's predicted class.</summary>
    /// <exception cref="InvalidOperationException">The pipeline does not end with a classifier.</exception>
    public int[] PredictIndex(DataFrame x) => Classifier().PredictIndex(TransformFeatures(x));

    /// <summary>Predicted class name of each row.</summary>
    /// <exception cref="InvalidOperationException">The pipeline does not end with a classifier.</exception>
    public string[] PredictClasses(DataFrame x) => Classifier().Predict(TransformFeatures(x));

    /// <summary>Predicted number of each row.</summary>
    /// <exception cref="InvalidOperationException">The pipeline does not end with a regressor.</exception>
    public double[] PredictValues(DataFrame x)
    {
        if (Task != PipelineTask.Regression || Final is not IRegressionModel r)
            throw new InvalidOperationException($"This pipeline ends with a {Final.GetType().Name}, not a regressor; it cannot predict values.");
        return r.Predict(TransformFeatures(x));
    }

    private IClassificationModel Classifier() =>
        Task == PipelineTask.Classification && Final is IClassificationModel c
            ? c
            : throw new InvalidOperationException($"This pipeline ends with a {Final.GetType().Name}, not a classifier; it cannot predict classes.");

    /// <inheritdoc/>
    public void WriteTo(ModelWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.SetProperty("task", JsonValue.Create(Hyperparameters.ToSnakeCase(Task.ToString())));
        writer.SetProperty("step_count", JsonValue.Create(_steps.Length));
        writer.WriteStrings("step_names", _stepNames);
        if (_transformers.Length == 0) FrameInput.WriteSchema(writer, _directNames, _directKinds);
        for (int k = 0; k < _steps.Length; k++) writer.WriteModel("step" + k, _steps[k]);
    }

    internal static PipelineModel ReadFrom(ModelReader reader)
    {
        var task = reader.GetString("task") switch
        {
            "transform" => PipelineTask.Transform,
            "classification" => PipelineTask.Classification,
            "regression" => PipelineTask.Regression,
            var t => throw Damaged($"unknown pipeline task '{t}'"),
        };
        int count = reader.GetInt("step_count");
        if (count < 1) throw Damaged("a pipeline without steps");
        var names = FrameInput.NonNull(reader.ReadStrings("step_names", count), "step_names");
        var steps = new IModel[count];
        for (int k = 0; k < count; k++)
        {
            steps[k] = reader.ReadModel("step" + k);
            bool ok = k < count - 1 || task == PipelineTask.Transform
                ? steps[k] is ITransformerModel
                : task == PipelineTask.Classification ? steps[k] is IClassificationModel : steps[k] is IRegressionModel;
            if (!ok) throw Damaged($"step '{names[k]}' is a {steps[k].ModelKind}, which cannot stand at that place of a {reader.GetString("task")} pipeline");
        }
        bool direct = task != PipelineTask.Transform && count == 1;
        var (directNames, directKinds) = direct ? FrameInput.ReadSchema(reader) : ([], []);
        return new PipelineModel(names, steps, task, directNames, directKinds);
    }

    private static ModelFormatException Damaged(string what) =>
        new($"The model file is damaged or was not written by Fathom: {what}.");
}
