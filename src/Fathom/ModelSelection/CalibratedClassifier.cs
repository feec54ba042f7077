using Fathom.Core;
using Fathom.Numerics;

namespace Fathom.ModelSelection;

/// <summary>
/// Probability calibration with cross-fitting, as scikit-learn 1.2's <c>CalibratedClassifierCV</c>. For every
/// fold of <see cref="Cv"/> the base estimator is fitted on the training rows and its scores on the held-out rows
/// (decision function when the model has one, else probabilities; the second class's column for two classes, one
/// column per class one-vs-rest otherwise) are mapped to probabilities by Platt's sigmoid or by isotonic
/// regression. With <see cref="Ensemble"/> the fitted model averages the per-fold (base model, calibrators)
/// pairs; without it, one base model is fitted on all rows and one set of calibrators on the out-of-fold scores.
/// With more than two classes the calibrated one-vs-rest probabilities are divided by their row sum (uniform
/// when the sum is 0). Cost: one base fit per fold (plus one without ensemble) and O(n log n) per calibrator.
/// </summary>
public sealed record CalibratedClassifier : IClassifier
{
    /// <summary>The classifier to calibrate (default <see cref="Svm.LinearSVC"/>, as scikit-learn).</summary>
    public IClassifier Estimator { get; init; } = new Svm.LinearSVC();

    /// <summary>Calibration map (default <see cref="CalibrationMethod.Sigmoid"/>).</summary>
    [Hyperparameter("Calibration map: sigmoid (Platt) or isotonic")]
    public CalibrationMethod Method { get; init; } = CalibrationMethod.Sigmoid;

    /// <summary>Average the per-fold calibrated models (default true); false calibrates one model fitted on all rows
    /// with out-of-fold scores (then the folds' test parts must cover every row exactly once).</summary>
    [Hyperparameter("Average per-fold calibrated models (true) or calibrate one full model on out-of-fold scores")]
    public bool Ensemble { get; init; } = true;

    /// <summary>Fold strategy; null (default) means <see cref="StratifiedKFold"/> with 5 folds, unshuffled.</summary>
    public ISplitter? Cv { get; init; }

    /// <summary>Sample weights go to the calibrators and, when it takes them, to the base estimator.</summary>
    public EstimatorTags Tags => new() { SupportsSampleWeight = true };

    /// <summary>Cross-fits base models and calibrators.</summary>
    /// <param name="x">Features.</param>
    /// <param name="y">Labels (at least two classes; every training fold must hold every class).</param>
    /// <param name="sampleWeight">Optional non-negative weights.</param>
    /// <param name="context">Passed to the base fits.</param>
    /// <exception cref="InvalidInputException">Shapes disagree, weights are invalid, or fewer than two classes.</exception>
    /// <exception cref="InvalidHyperparameterException">No estimator, or a training fold misses a class.</exception>
    public CalibratedClassificationModel Fit(Matrix x, ClassLabels y, double[]? sampleWeight = null, FitContext? context = null)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        Hyperparameters.Validate(this);
        if (Estimator is null) throw new InvalidHyperparameterException("estimator", "CalibratedClassifier needs a base estimator; set Estimator.");
        int n = x.Rows;
        if (n == 0) throw new InvalidInputException("CalibratedClassifier: X has no rows.");
        if (y.Count != n) throw new InvalidInputException($"CalibratedClassifier: X has {n} rows but y has {y.Count} labels.");
        if (sampleWeight is not null)
        {
            if (sampleWeight.Length != n) throw new InvalidInputException($"CalibratedClassifier: X has {n} rows but sample_weight has {sampleWeight.Length}.");
            for (int i = 0; i < n; i++)
                if (!(sampleWeight[i] >= 0 && double.IsFinite(sampleWeight[i])))
                    throw new InvalidInputException($"CalibratedClassifier: sample_weight at row {i} is {sampleWeight[i]}; weights must be finite and non-negative.", row: i);
        }
        if (y.ClassCounts().Count(c => c > 0) < 2)
            throw new InvalidInputException("CalibratedClassifier: y holds a single class; calibration needs at least two.");
        var folds = (Cv ?? new StratifiedKFold()).Split(n, y);
        bool baseWeights = sampleWeight is not null && Estimator.Tags.SupportsSampleWeight;
        var codes = y.Codes.ToArray();
        if (Ensemble)
        {
            var members = new CalibratedMember[folds.Count];
            for (int f = 0; f < folds.Count; f++)
            {
                var (train, test) = folds[f];
                var model = FitBase(x, y, sampleWeight, baseWeights, train, context, f);
                var scores = CalibrationScores.Compute(model, x.SelectRows(test));
                members[f] = FitCalibrators(model, scores, test.Select(i => codes[i]).ToArray(),
                    sampleWeight is null ? null : test.Select(i => sampleWeight[i]).ToArray());
            }
            return new CalibratedClassificationModel(this, members, x.Columns);
        }
        Matrix? oof = null;
        var seen = new int[n];
        for (int f = 0; f < folds.Count; f++)
        {
            var (train, test) = folds[f];
            var model = FitBase(x, y, sampleWeight, baseWeights, train, context, f);
            var scores = CalibrationScores.Compute(model, x.SelectRows(test));
            oof ??= new Matrix(n, scores.Columns);
            for (int r = 0; r < test.Length; r++)
            {
                seen[test[r]]++;
                for (int c = 0; c < scores.Columns; c++) oof[test[r], c] = scores[r, c];
            }
        }
        int bad = Array.FindIndex(seen, s => s != 1);
        if (bad >= 0)
            throw new InvalidHyperparameterException("cv",
                $"CalibratedClassifier with Ensemble = false needs folds whose test parts cover every row exactly once; row {bad} is held out {seen[bad]} times.");
        var full = Estimator.Fit(x, y, baseWeights ? sampleWeight : null, context);
        return new CalibratedClassificationModel(this, [FitCalibrators(full, oof!, codes, sampleWeight)], x.Columns);
    }

    /// <summary>
    /// Calibrates an already fitted model on held-out rows (scikit-learn's <c>cv="prefit"</c>): no refitting,
    /// one set of calibrators with <see cref="Method"/>; <see cref="Cv"/>, <see cref="Ensemble"/> and
    /// <see cref="Estimator"/> are ignored.
    /// </summary>
    /// <param name="model">A fitted classifier.</param>
    /// <param name="x">Calibration rows (not those the model was fitted on).</param>
    /// <param name="y">Their labels, each one of the model's classes.</param>
    /// <param name="sampleWeight">Optional non-negative weights.</param>
    /// <exception cref="InvalidInputException">Shapes disagree or a label is not one of the model's classes.</exception>
    public CalibratedClassificationModel FitPrefit(IClassificationModel model, Matrix x, ClassLabels y, double[]? sampleWeight = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        Hyperparameters.Validate(this);
        if (y.Count != x.Rows) throw new InvalidInputException($"CalibratedClassifier: X has {x.Rows} rows but y has {y.Count} labels.");
        if (sampleWeight is not null && sampleWeight.Length != x.Rows)
            throw new InvalidInputException($"CalibratedClassifier: X has {x.Rows} rows but sample_weight has {sampleWeight.Length}.");
        var classes = model.Classes.ToList();
        var codes = new int[y.Count];
        for (int i = 0; i < codes.Length; i++)
        {
            codes[i] = classes.IndexOf(y.Classes[y.Codes[i]]);
            if (codes[i] < 0)
                throw new InvalidInputException($"CalibratedClassifier: label '{y.Classes[y.Codes[i]]}' at row {i} is not one of the model's classes ({string.Join(", ", classes)}).", row: i);
        }
        var scores = CalibrationScores.Compute(model, x);
        return new CalibratedClassificationModel(this, [FitCalibrators(model, scores, codes, sampleWeight)], model.FeatureCount);
    }

    IClassificationModel IClassifier.Fit(Matrix x, ClassLabels y, double[]? sampleWeight, FitContext? context) => Fit(x, y, sampleWeight, context);

    private IClassificationModel FitBase(Matrix x, ClassLabels y, double[]? w, bool baseWeights, int[] train, FitContext? context, int fold)
    {
        var model = Estimator.Fit(x.SelectRows(train), y.Subset(train), baseWeights ? train.Select(i => w![i]).ToArray() : null, context);
        if (!model.Classes.SequenceEqual(y.Classes))
            throw new InvalidHyperparameterException("cv",
                $"CalibratedClassifier: the training part of fold {fold} does not hold every class ({model.Classes.Count} of {y.ClassCount}); use stratified folds or fewer of them.");
        return model;
    }

    private CalibratedMember FitCalibrators(IClassificationModel model, Matrix scores, int[] codes, double[]? w)
    {
        int cols = scores.Columns;
        var a = new double[cols];
        var b = new double[cols];
        var iso = new IsotonicRegressionModel[cols];
        for (int c = 0; c < cols; c++)
        {
            int positiveCode = cols == 1 ? 1 : c;
            var f = scores.Column(c);
            if (Method == CalibrationMethod.Sigmoid)
            {
                var pos = codes.Select(k => k == positiveCode).ToArray();
                (a[c], b[c]) = PlattScaling.Fit(f, pos, w);
            }
            else
            {
                var target = codes.Select(k => k == positiveCode ? 1.0 : 0.0).ToArray();
                iso[c] = new IsotonicRegression { OutOfBounds = OutOfBoundsHandling.Clip }.Fit(f, target, w);
            }
        }
        return Method == CalibrationMethod.Sigmoid ? new CalibratedMember(model, a, b, null) : new CalibratedMember(model, null, null, iso);
    }
}
