using System.Collections.ObjectModel;
using System.Globalization;
using Fathom.Core;
using Fathom.Numerics;
using Fathom.Persistence;

namespace Fathom.Linear;

/// <summary>
/// A fitted <see cref="SGDClassifier"/> (or <see cref="Perceptron"/>): one coefficient row for two classes (the
/// score of <c>Classes[1]</c>), one per class otherwise. Keeps the optimizer state so that
/// <see cref="PartialFit"/> can continue on more data. Immutable and thread-safe.
/// </summary>
public sealed class SGDClassifierModel : IClassificationModel
{
    private readonly SgdState[] _states;
    private readonly string[] _classes;
    private readonly Matrix _coef;
    private readonly double[] _intercept;

    internal SGDClassifierModel(SGDClassifier parameters, string[] classes, LabelKind labelKind, SgdState[] states, double t, int iterations)
    {
        Parameters = parameters;
        _classes = classes;
        LabelKind = labelKind;
        _states = states;
        SamplesSeen = t;
        Iterations = iterations;
        int p = states[0].W.Length;
        _coef = new Matrix(states.Length, p);
        _intercept = new double[states.Length];
        // As scikit-learn: the averaged weights once at least `average` samples have been seen.
        bool averaged = parameters.Average > 0 && parameters.Average <= t - 1;
        for (int r = 0; r < states.Length; r++)
        {
            (averaged ? states[r].AverageW : states[r].W).CopyTo(_coef.Row(r));
            _intercept[r] = averaged ? states[r].AverageB : states[r].B;
        }
    }

    /// <summary>The hyperparameters the model was fitted with.</summary>
    public SGDClassifier Parameters { get; }

    /// <inheritdoc/>
    public IReadOnlyList<string> Classes => new ReadOnlyCollection<string>(_classes);

    /// <inheritdoc/>
    public LabelKind LabelKind { get; }

    /// <inheritdoc/>
    public int FeatureCount => _coef.Columns;

    /// <inheritdoc/>
    public string ModelKind => "sgd-classifier";

    /// <summary>Coefficients (1 × features for two classes, classes × features otherwise), as a copy (averaged ones with ASGD).</summary>
    public Matrix Coefficients => _coef.Clone();

    /// <summary>Intercept per coefficient row.</summary>
    public IReadOnlyList<double> Intercept => new ReadOnlyCollection<double>(_intercept);

    /// <summary>Epochs of the last fit (the largest over the one-vs-all problems; scikit-learn's <c>n_iter_</c>).</summary>
    public int Iterations { get; }

    /// <summary>Number of weight updates made so far plus one (scikit-learn's <c>t_</c>); drives the learning rate.</summary>
    public double SamplesSeen { get; }

    /// <summary>Decision values X·Wᵀ + b (n × 1 for two classes, n × classes otherwise). O(n·p·k).</summary>
    /// <exception cref="InvalidInputException">Wrong feature count or non-finite values.</exception>
    public Matrix DecisionFunction(Matrix x)
    {
        InputChecks.FeatureCount(x, FeatureCount, nameof(SGDClassifierModel));
        InputChecks.Finite(x, nameof(SGDClassifierModel));
        var z = new Matrix(x.Rows, _coef.Rows);
        LinearKernels.Project(x, 0, x.Rows, _coef.AsSpan(), _intercept, _coef.Rows, z.AsSpan());
        return z;
    }

    /// <summary>Index of the predicted class: score &gt; 0 gives class 1 for two classes, else the largest score
    /// (ties to the lower index).</summary>
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

    /// <summary>
    /// Class probabilities. log_loss: σ(z) (one-vs-all: normalized); modified_huber: (clip(z, −1, 1) + 1) / 2
    /// (normalized; a row of zeros becomes uniform), both as scikit-learn. The other losses have no probability
    /// model (scikit-learn raises): they return 1 for the predicted class and 0 elsewhere.
    /// </summary>
    public Matrix PredictProba(Matrix x)
    {
        var z = DecisionFunction(x);
        int n = x.Rows, k = _classes.Length;
        var proba = new Matrix(n, k);
        var loss = Parameters.Loss;
        if (loss is not (SgdClassifierLoss.LogLoss or SgdClassifierLoss.ModifiedHuber))
        {
            var idx = _coef.Rows > 1 ? Reductions.RowArgMax(z) : Enumerable.Range(0, n).Select(i => z[i, 0] > 0 ? 1 : 0).ToArray();
            for (int i = 0; i < n; i++) proba[i, idx[i]] = 1;
            return proba;
        }
        Func<double, double> f = loss == SgdClassifierLoss.LogLoss
            ? v => { double e = Math.Exp(-Math.Abs(v)); return v >= 0 ? 1 / (1 + e) : e / (1 + e); }
            : v => (Math.Clamp(v, -1, 1) + 1) / 2;
        for (int i = 0; i < n; i++)
        {
            if (_coef.Rows == 1)
            {
                double p1 = f(z[i, 0]);
                proba[i, 0] = 1 - p1;
                proba[i, 1] = p1;
                continue;
            }
            double sum = 0;
            for (int c = 0; c < k; c++) { proba[i, c] = f(z[i, c]); sum += proba[i, c]; }
            for (int c = 0; c < k; c++) proba[i, c] = sum > 0 ? proba[i, c] / sum : 1.0 / k;
        }
        return proba;
    }

    /// <summary>
    /// One more epoch on a new chunk, continuing from this model's weights and step count (scikit-learn's later
    /// <c>partial_fit</c> calls). This model is unchanged; a new one is returned.
    /// </summary>
    /// <param name="x">Features of the chunk (same columns).</param>
    /// <param name="y">Labels of the chunk, each one of <see cref="Classes"/>.</param>
    /// <param name="sampleWeight">Optional non-negative weight per row.</param>
    /// <param name="context">Cancellation.</param>
    /// <exception cref="InvalidInputException">Unknown label, wrong feature count, bad data.</exception>
    public SGDClassifierModel PartialFit(Matrix x, ClassLabels y, double[]? sampleWeight = null, FitContext? context = null)
    {
        InputChecks.FeatureCount(x, FeatureCount, nameof(SGDClassifierModel));
        var codes = SgdFitting.ChunkCodes(x, y, sampleWeight, _classes, nameof(SGDClassifierModel));
        return SgdFitting.TrainClassifier(Parameters, x, codes, _classes, LabelKind, sampleWeight, _states, SamplesSeen, 1,
            Parameters.Seed, context ?? FitContext.Default);
    }

    /// <inheritdoc/>
    public void WriteTo(ModelWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteHyperparameters(Parameters);
        writer.WriteStrings("classes", _classes);
        writer.SetProperty("label_kind", LabelKind.ToString());
        writer.SetProperty("iterations", Iterations);
        writer.SetProperty("t", SamplesSeen);
        SgdStateIO.Write(writer, _states);
    }

    internal static SGDClassifierModel ReadFrom(ModelReader reader)
    {
        var parameters = reader.ReadHyperparameters<SGDClassifier>();
        var classes = reader.ReadStrings("classes");
        if (classes.Length < 2 || classes.Any(c => c is null))
            throw new ModelFormatException("The model file is damaged: an sgd-classifier model needs at least two named classes.");
        if (!Enum.TryParse<LabelKind>(reader.GetString("label_kind"), out var kind))
            throw new ModelFormatException("The model file is damaged: the label kind of an sgd-classifier model is not valid.");
        int rows = classes.Length == 2 ? 1 : classes.Length;
        var states = SgdStateIO.Read(reader, rows, "sgd-classifier");
        double t = reader.GetDouble("t");
        if (!(t >= 1))
            throw new ModelFormatException(string.Create(CultureInfo.InvariantCulture, $"The model file is damaged: sgd-classifier step count {t} is below 1."));
        return new SGDClassifierModel(parameters, classes!, kind, states, t, reader.GetInt("iterations"));
    }
}
