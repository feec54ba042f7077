using Fathom.Core;
using Fathom.Numerics;
using Fathom.Persistence;

namespace Fathom.ModelSelection;

/// <summary>
/// A fitted <see cref="CalibratedClassifier"/>: one or more (base model, calibrators) pairs whose calibrated
/// probabilities are averaged. Immutable and thread-safe. Saved with the base models as nested entries.
/// </summary>
public sealed class CalibratedClassificationModel : IClassificationModel
{
    private readonly CalibratedMember[] _members;

    internal CalibratedClassificationModel(CalibratedClassifier estimator, CalibratedMember[] members, int featureCount)
    {
        Estimator = estimator;
        _members = members;
        FeatureCount = featureCount;
    }

    /// <summary>The settings the model was fitted with (after loading, <see cref="CalibratedClassifier.Estimator"/>
    /// and <see cref="CalibratedClassifier.Cv"/> are defaults; the fitted base models are in <see cref="BaseModels"/>).</summary>
    public CalibratedClassifier Estimator { get; }

    /// <summary>The fitted base models, one per fold with ensembling, else one.</summary>
    public IReadOnlyList<IClassificationModel> BaseModels => _members.Select(m => m.Base).ToArray();

    /// <summary>Sigmoid slopes A per member and score column (empty arrays for isotonic calibration).</summary>
    public IReadOnlyList<double[]> SigmoidA => _members.Select(m => m.A is null ? [] : (double[])m.A.Clone()).ToArray();

    /// <summary>Sigmoid intercepts B per member and score column (empty arrays for isotonic calibration).</summary>
    public IReadOnlyList<double[]> SigmoidB => _members.Select(m => m.B is null ? [] : (double[])m.B.Clone()).ToArray();

    /// <inheritdoc/>
    public IReadOnlyList<string> Classes => _members[0].Base.Classes;

    /// <inheritdoc/>
    public LabelKind LabelKind => _members[0].Base.LabelKind;

    /// <inheritdoc/>
    public int FeatureCount { get; }

    /// <inheritdoc/>
    public string ModelKind => "calibrated-classifier";

    /// <summary>Calibrated probabilities, the mean over members. O(members · (base prediction + n log m)).</summary>
    /// <exception cref="InvalidInputException">Wrong feature count.</exception>
    public Matrix PredictProba(Matrix x)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (x.Columns != FeatureCount)
            throw new InvalidInputException($"CalibratedClassificationModel expects {FeatureCount} feature columns, got {x.Columns}.");
        int n = x.Rows, k = Classes.Count;
        var mean = new Matrix(n, k);
        foreach (var member in _members)
        {
            var scores = CalibrationScores.Compute(member.Base, x);
            var proba = new Matrix(n, k);
            if (k == 2)
            {
                var p = member.Calibrate(0, scores.Column(0));
                for (int i = 0; i < n; i++) { proba[i, 1] = p[i]; proba[i, 0] = 1 - p[i]; }
            }
            else
            {
                for (int c = 0; c < k; c++)
                {
                    var p = member.Calibrate(c, scores.Column(c));
                    for (int i = 0; i < n; i++) proba[i, c] = p[i];
                }
                for (int i = 0; i < n; i++)
                {
                    var row = proba.Row(i);
                    double s = 0;
                    foreach (double v in row) s += v;
                    for (int c = 0; c < k; c++) row[c] = s != 0 ? row[c] / s : 1.0 / k;
                }
            }
            for (int i = 0; i < n; i++)
                for (int c = 0; c < k; c++)
                {
                    double v = proba[i, c];
                    if (v > 1 && v <= 1 + 1e-5) v = 1;
                    mean[i, c] += v;
                }
        }
        var all = mean.AsSpan();
        for (int i = 0; i < all.Length; i++) all[i] /= _members.Length;
        return mean;
    }

    /// <summary>Index of the most probable class of each row (first on ties).</summary>
    /// <exception cref="InvalidInputException">Wrong feature count.</exception>
    public int[] PredictIndex(Matrix x)
    {
        var p = PredictProba(x);
        var idx = new int[p.Rows];
        for (int i = 0; i < p.Rows; i++)
        {
            var row = p.Row(i);
            int best = 0;
            for (int c = 1; c < row.Length; c++) if (row[c] > row[best]) best = c;
            idx[i] = best;
        }
        return idx;
    }

    /// <inheritdoc/>
    public void WriteTo(ModelWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteHyperparameters(Estimator);
        writer.SetProperty("feature_count", FeatureCount);
        writer.SetProperty("members", _members.Length);
        for (int m = 0; m < _members.Length; m++)
        {
            var member = _members[m];
            writer.WriteModel("base" + m, member.Base);
            if (member.Isotonic is null)
            {
                writer.WriteDoubles("a" + m, member.A);
                writer.WriteDoubles("b" + m, member.B);
            }
            else
            {
                for (int c = 0; c < member.Isotonic.Length; c++) writer.WriteModel($"isotonic{m}_{c}", member.Isotonic[c]);
            }
        }
    }

    /// <summary>Reads a model written by <see cref="WriteTo"/>.</summary>
    internal static CalibratedClassificationModel ReadFrom(ModelReader reader)
    {
        var estimator = reader.ReadHyperparameters<CalibratedClassifier>();
        int featureCount = reader.GetInt("feature_count");
        int count = reader.GetInt("members");
        if (count < 1 || featureCount < 0) throw Damaged("it has no members");
        var members = new CalibratedMember[count];
        for (int m = 0; m < count; m++)
        {
            var model = reader.ReadModel("base" + m);
            if (model is not IClassificationModel base_ || base_.FeatureCount != featureCount)
                throw Damaged($"member {m} is a {model.ModelKind}, not a classifier on {featureCount} features");
            if (m > 0 && !base_.Classes.SequenceEqual(members[0].Base.Classes)) throw Damaged("its members disagree on the classes");
            int cols = base_.Classes.Count == 2 ? 1 : base_.Classes.Count;
            if (estimator.Method == CalibrationMethod.Sigmoid)
            {
                var a = reader.ReadDoubles("a" + m, cols);
                var b = reader.ReadDoubles("b" + m, cols);
                if (!a.Concat(b).All(double.IsFinite)) throw Damaged("a sigmoid is not finite");
                members[m] = new CalibratedMember(base_, a, b, null);
            }
            else
            {
                var iso = new IsotonicRegressionModel[cols];
                for (int c = 0; c < cols; c++) iso[c] = reader.ReadModel<IsotonicRegressionModel>($"isotonic{m}_{c}");
                members[m] = new CalibratedMember(base_, null, null, iso);
            }
        }
        return new CalibratedClassificationModel(estimator, members, featureCount);
    }

    private static ModelFormatException Damaged(string what) =>
        new($"The model file is damaged: the calibrated classifier is not valid ({what}).");
}
