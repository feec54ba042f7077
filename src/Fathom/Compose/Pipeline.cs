using Fathom.Core;
using Fathom.Data;

namespace Fathom.Compose;

/// <summary>
/// A sequence of named steps fitted one after another, like scikit-learn's <c>Pipeline</c>: every step but the
/// last is an <see cref="ITransformer"/> fitted on the previous step's output; the last is a transformer, an
/// <see cref="IClassifier"/> or an <see cref="IRegressor"/>, which gets the transformed frame as a matrix
/// (<see cref="DataFrame.ToMatrix"/>, so text must be encoded by then).
/// <list type="bullet">
/// <item>All transformers: <see cref="Fit"/>; the pipeline is itself an <see cref="ITransformer"/> and can be a
/// <see cref="ColumnTransformer"/> branch.</item>
/// <item>Ends with a classifier: <see cref="FitClassifier"/>. Ends with a regressor: <see cref="FitRegressor"/>.</item>
/// </list>
/// Sample weights go to the final estimator only (the transformers are unweighted). Build it with
/// <c>new Pipeline(("impute", new SimpleImputer()), ("scale", new StandardScaler()))</c> or, with automatic
/// lower-case type names as scikit-learn's <c>make_pipeline</c>, <c>new Pipeline(new SimpleImputer(), new StandardScaler())</c>.
/// </summary>
public sealed record Pipeline : ITransformer
{
    /// <summary>An empty pipeline (fitting it is an error; set <see cref="Steps"/>).</summary>
    public Pipeline() { }

    /// <summary>A pipeline of named steps.</summary>
    public Pipeline(params PipelineStep[] steps)
    {
        ArgumentNullException.ThrowIfNull(steps);
        Steps = steps;
    }

    /// <summary>A pipeline of (name, estimator) steps.</summary>
    public Pipeline(params (string Name, IEstimator Estimator)[] steps)
    {
        ArgumentNullException.ThrowIfNull(steps);
        Steps = steps.Select(s => new PipelineStep(s.Name, s.Estimator)).ToArray();
    }

    /// <summary>A pipeline whose steps are named after their types in lower case (<c>standardscaler</c>),
    /// repeated names numbered <c>-1</c>, <c>-2</c>, … as scikit-learn's <c>make_pipeline</c>.</summary>
    public Pipeline(params IEstimator[] estimators)
    {
        ArgumentNullException.ThrowIfNull(estimators);
        var names = estimators.Select(e => (e?.GetType().Name ?? "null").ToLowerInvariant()).ToArray();
        var repeated = names.GroupBy(n => n).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet();
        var counter = new Dictionary<string, int>();
        var steps = new PipelineStep[estimators.Length];
        for (int i = 0; i < steps.Length; i++)
        {
            string name = names[i];
            if (repeated.Contains(name))
            {
                counter[name] = counter.GetValueOrDefault(name) + 1;
                name += "-" + counter[name];
            }
            steps[i] = new PipelineStep(name, estimators[i]);
        }
        Steps = steps;
    }

    /// <summary>The steps, in order.</summary>
    public IReadOnlyList<PipelineStep> Steps { get; init; } = [];

    /// <summary>What the last step is (a transformer unless it is a classifier or regressor).</summary>
    public PipelineTask Task => Steps.Count == 0 ? PipelineTask.Transform : Steps[^1].Estimator switch
    {
        IClassifier => PipelineTask.Classification,
        IRegressor => PipelineTask.Regression,
        _ => PipelineTask.Transform,
    };

    /// <summary>Missing values are accepted when the first step accepts them; weights when the last step takes
    /// them; stochastic when any step is.</summary>
    public EstimatorTags Tags => Steps.Count == 0 ? EstimatorTags.Default : new EstimatorTags
    {
        AllowsMissingValues = Steps[0].Estimator?.Tags.AllowsMissingValues ?? false,
        SupportsSampleWeight = Task != PipelineTask.Transform && (Steps[^1].Estimator?.Tags.SupportsSampleWeight ?? false),
        IsStochastic = Steps.Any(s => s.Estimator?.Tags.IsStochastic ?? false),
    };

    /// <summary>Fits a pipeline of transformers: each step on the previous step's output.</summary>
    /// <exception cref="InvalidHyperparameterException">No steps, bad names, a step of the wrong type, or a last
    /// step that is a classifier/regressor (use <see cref="FitClassifier"/>/<see cref="FitRegressor"/>).</exception>
    /// <exception cref="InvalidInputException">A step rejects its data.</exception>
    public PipelineModel Fit(DataFrame x, FitContext? context = null)
    {
        ValidateSteps(PipelineTask.Transform);
        ArgumentNullException.ThrowIfNull(x);
        var (models, _) = FitTransformers(x, Steps.Count, context);
        return new PipelineModel(StepNames(), models, PipelineTask.Transform, x);
    }

    ITransformerModel ITransformer.Fit(DataFrame x, FitContext? context) => Fit(x, context);

    /// <summary>Fits the transformers, then the final classifier on the transformed features.</summary>
    /// <param name="x">The input frame.</param>
    /// <param name="y">One class label per row.</param>
    /// <param name="sampleWeight">Optional weights, given to the final classifier only.</param>
    /// <param name="context">Cancellation, progress, log and threads for every step.</param>
    /// <exception cref="InvalidHyperparameterException">The last step is not an <see cref="IClassifier"/>, or other step problems.</exception>
    /// <exception cref="InvalidInputException">A step rejects its data (e.g. a text column left unencoded).</exception>
    public PipelineModel FitClassifier(DataFrame x, ClassLabels y, double[]? sampleWeight = null, FitContext? context = null)
    {
        ValidateSteps(PipelineTask.Classification);
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        var (models, features) = FitTransformers(x, Steps.Count - 1, context);
        context?.ThrowIfCancellationRequested();
        models.Add(((IClassifier)Steps[^1].Estimator).Fit(features.ToMatrix(), y, sampleWeight, context));
        return new PipelineModel(StepNames(), models, PipelineTask.Classification, x);
    }

    /// <summary>Fits the transformers, then the final regressor on the transformed features.</summary>
    /// <param name="x">The input frame.</param>
    /// <param name="y">One finite target per row.</param>
    /// <param name="sampleWeight">Optional weights, given to the final regressor only.</param>
    /// <param name="context">Cancellation, progress, log and threads for every step.</param>
    /// <exception cref="InvalidHyperparameterException">The last step is not an <see cref="IRegressor"/>, or other step problems.</exception>
    /// <exception cref="InvalidInputException">A step rejects its data (e.g. a text column left unencoded).</exception>
    public PipelineModel FitRegressor(DataFrame x, double[] y, double[]? sampleWeight = null, FitContext? context = null)
    {
        ValidateSteps(PipelineTask.Regression);
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        var (models, features) = FitTransformers(x, Steps.Count - 1, context);
        context?.ThrowIfCancellationRequested();
        models.Add(((IRegressor)Steps[^1].Estimator).Fit(features.ToMatrix(), y, sampleWeight, context));
        return new PipelineModel(StepNames(), models, PipelineTask.Regression, x);
    }

    private string[] StepNames() => Steps.Select(s => s.Name).ToArray();

    private (List<IModel> Models, DataFrame Output) FitTransformers(DataFrame x, int count, FitContext? context)
    {
        var models = new List<IModel>(Steps.Count);
        var current = x;
        for (int k = 0; k < count; k++)
        {
            context?.ThrowIfCancellationRequested();
            context?.Report("pipeline", k, Steps.Count, Steps[k].Name);
            var model = ((ITransformer)Steps[k].Estimator).Fit(current, context);
            models.Add(model);
            current = model.Transform(current);
        }
        return (models, current);
    }

    private void ValidateSteps(PipelineTask wanted)
    {
        if (Steps is null || Steps.Count == 0)
            throw new InvalidHyperparameterException("steps", "Pipeline: there are no steps; give at least one.");
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (int k = 0; k < Steps.Count; k++)
        {
            var s = Steps[k] ?? throw new InvalidHyperparameterException("steps", $"Pipeline: step {k} is null.");
            if (string.IsNullOrEmpty(s.Name) || s.Name.Contains("__", StringComparison.Ordinal))
                throw new InvalidHyperparameterException("steps", $"Pipeline: step {k} has name '{s.Name}'; names must be non-empty and must not contain '__'.");
            if (!names.Add(s.Name))
                throw new InvalidHyperparameterException("steps", $"Pipeline: step name '{s.Name}' is used twice; names must be unique.");
            if (s.Estimator is null)
                throw new InvalidHyperparameterException("steps", $"Pipeline: step '{s.Name}' has no estimator.");
            if (k < Steps.Count - 1 && s.Estimator is not ITransformer)
                throw new InvalidHyperparameterException("steps",
                    $"Pipeline: step '{s.Name}' is a {s.Estimator.GetType().Name}, which is not a transformer; only the last step may be a classifier or regressor.");
        }
        var last = Steps[^1];
        bool ok = wanted switch
        {
            PipelineTask.Classification => last.Estimator is IClassifier,
            PipelineTask.Regression => last.Estimator is IRegressor,
            _ => last.Estimator is ITransformer,
        };
        if (!ok)
        {
            string how = Task switch
            {
                PipelineTask.Classification => "it ends with a classifier: use FitClassifier",
                PipelineTask.Regression => "it ends with a regressor: use FitRegressor",
                _ => "it ends with a transformer: use Fit",
            };
            string what = wanted switch
            {
                PipelineTask.Classification => "a classifier",
                PipelineTask.Regression => "a regressor",
                _ => "a transformer",
            };
            throw new InvalidHyperparameterException("steps",
                $"Pipeline: the last step '{last.Name}' ({last.Estimator.GetType().Name}) is not {what}; {how}.");
        }
    }
}
