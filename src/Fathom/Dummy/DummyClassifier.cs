using System.Globalization;
using Fathom.Core;
using Fathom.Numerics;

namespace Fathom.Dummy;

/// <summary>
/// A baseline classifier that ignores the features: it predicts from the training class frequencies alone
/// (scikit-learn's <c>DummyClassifier</c>). <c>fathom train</c> prints its scores beside every model so a
/// model can be judged against "knowing nothing but the class balance".
/// </summary>
/// <remarks>
/// Fit is O(n). The features are never read, so NaN and infinity in X are accepted (as in scikit-learn);
/// only their shape matters. Data with a single class is accepted. The stochastic strategies
/// (<see cref="DummyClassifierStrategy.Stratified"/>, <see cref="DummyClassifierStrategy.Uniform"/>) draw
/// predictions from <see cref="Seed"/> afresh on every call: the class drawn for a row depends only on its
/// position in the batch, so the same input always gets the same predictions and calls from many
/// threads agree.
/// </remarks>
public sealed record DummyClassifier : IClassifier
{
    /// <summary>How predictions are made; default <see cref="DummyClassifierStrategy.Prior"/>.</summary>
    [Hyperparameter("Prediction rule: prior, most_frequent, stratified, uniform or constant")]
    public DummyClassifierStrategy Strategy { get; init; } = DummyClassifierStrategy.Prior;

    /// <summary>Seed of the random draws of the stratified and uniform strategies; default 0.</summary>
    [Hyperparameter("Seed of the random predictions of the stratified and uniform strategies")]
    public int Seed { get; init; }

    /// <summary>The class the constant strategy predicts (a training class name, e.g. "yes" or "1");
    /// default null, which is an error for the constant strategy.</summary>
    [Hyperparameter("Class predicted by the constant strategy; must be one of the training classes", NullMeans = "not set")]
    public string? Constant { get; init; }

    /// <summary>Takes sample weights, accepts missing values (the features are ignored), scale-invariant;
    /// stochastic for the stratified and uniform strategies.</summary>
    public EstimatorTags Tags => new()
    {
        SupportsSampleWeight = true,
        AllowsMissingValues = true,
        IsScaleInvariant = true,
        IsStochastic = Strategy is DummyClassifierStrategy.Stratified or DummyClassifierStrategy.Uniform,
    };

    /// <summary>
    /// Learns the class frequencies: <c>prior[k] = Σ_{i: y_i = k} w_i / Σ_i w_i</c> (w = 1 without weights).
    /// </summary>
    /// <param name="x">Features; only the row and column counts are used.</param>
    /// <param name="y">Class labels, one per row.</param>
    /// <param name="sampleWeight">Optional finite non-negative weight per row with a positive sum.</param>
    /// <param name="context">Unused (the fit is instant); accepted for the common signature.</param>
    /// <exception cref="InvalidHyperparameterException">The constant strategy without a valid <see cref="Constant"/>.</exception>
    /// <exception cref="InvalidInputException">No rows, label/weight count mismatch, bad weights.</exception>
    public DummyClassificationModel Fit(Matrix x, ClassLabels y, double[]? sampleWeight = null, FitContext? context = null)
    {
        Hyperparameters.Validate(this);
        ArgumentNullException.ThrowIfNull(y);
        const string who = nameof(DummyClassifier);
        int n = DummyInput.CheckX(x, who);
        DummyInput.CheckLength(n, y.Count, who);
        double total = DummyInput.CheckWeights(sampleWeight, n, who);

        var prior = new double[y.ClassCount];
        var codes = y.Codes;
        for (int i = 0; i < n; i++) prior[codes[i]] += sampleWeight is null ? 1.0 : sampleWeight[i];
        for (int k = 0; k < prior.Length; k++) prior[k] /= total;

        int constantIndex = -1;
        if (Strategy == DummyClassifierStrategy.Constant)
        {
            constantIndex = FindConstant(y.Classes, y.Kind);
        }
        return new DummyClassificationModel(this, y.Classes.ToArray(), y.Kind, prior, constantIndex, x.Columns);
    }

    /// <inheritdoc/>
    IClassificationModel IClassifier.Fit(Matrix x, ClassLabels y, double[]? sampleWeight, FitContext? context) =>
        Fit(x, y, sampleWeight, context);

    /// <summary>Index of <see cref="Constant"/> among <paramref name="classes"/>; numeric labels also match
    /// numerically ("1.0" finds class "1").</summary>
    internal int FindConstant(IReadOnlyList<string> classes, LabelKind kind)
    {
        if (Constant is null)
            throw new InvalidHyperparameterException("constant",
                "DummyClassifier: strategy = constant needs constant (the class to predict); set constant to one of the training classes.");
        for (int k = 0; k < classes.Count; k++)
            if (string.Equals(classes[k], Constant, StringComparison.Ordinal)) return k;
        if (kind is LabelKind.Integer or LabelKind.Real
            && double.TryParse(Constant, NumberStyles.Float, CultureInfo.InvariantCulture, out double c))
        {
            for (int k = 0; k < classes.Count; k++)
                if (double.TryParse(classes[k], NumberStyles.Float, CultureInfo.InvariantCulture, out double v) && v == c) return k;
        }
        throw new InvalidHyperparameterException("constant",
            $"DummyClassifier: constant = {Constant} is not one of the training classes ({string.Join(", ", classes)}); choose one of them.");
    }
}
