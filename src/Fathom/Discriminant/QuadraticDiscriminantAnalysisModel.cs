using System.Collections.ObjectModel;
using System.Globalization;
using Fathom.Core;
using Fathom.Linear;
using Fathom.Numerics;
using Fathom.Persistence;

namespace Fathom.Discriminant;

/// <summary>
/// A fitted <see cref="QuadraticDiscriminantAnalysis"/>: per class the mean, prior, and the eigen-decomposition of
/// the (regularized) covariance as <see cref="Rotations"/> and <see cref="Scalings"/>. Immutable and thread-safe.
/// </summary>
public sealed class QuadraticDiscriminantAnalysisModel : IClassificationModel
{
    private readonly string[] _classes;
    private readonly Matrix _means;
    private readonly double[] _priors;
    private readonly Matrix[] _rotations;
    private readonly double[][] _scalings;
    private readonly Matrix[]? _covariances;
    private readonly Matrix[] _whiten;
    private readonly double[] _offset;

    internal QuadraticDiscriminantAnalysisModel(QuadraticDiscriminantAnalysis parameters, string[] classes, LabelKind kind, Matrix means,
        double[] priors, Matrix[] rotations, double[][] scalings, Matrix[]? covariances)
    {
        Parameters = parameters;
        _classes = classes;
        LabelKind = kind;
        _means = means;
        _priors = priors;
        _rotations = rotations;
        _scalings = scalings;
        _covariances = covariances;
        _whiten = new Matrix[classes.Length];
        _offset = new double[classes.Length];
        for (int c = 0; c < classes.Length; c++)
        {
            // R·S^(−1/2) and −½ Σ log S + log π, precomputed.
            var w = rotations[c].Clone();
            for (int i = 0; i < w.Rows; i++)
                for (int r = 0; r < w.Columns; r++) w[i, r] *= Math.Pow(scalings[c][r], -0.5);
            _whiten[c] = w;
            _offset[c] = -0.5 * scalings[c].Sum(Math.Log) + Math.Log(priors[c]);
        }
    }

    /// <summary>The hyperparameters the model was fitted with.</summary>
    public QuadraticDiscriminantAnalysis Parameters { get; }

    /// <inheritdoc/>
    public IReadOnlyList<string> Classes => new ReadOnlyCollection<string>(_classes);

    /// <inheritdoc/>
    public LabelKind LabelKind { get; }

    /// <inheritdoc/>
    public int FeatureCount => _means.Columns;

    /// <inheritdoc/>
    public string ModelKind => "qda";

    /// <summary>Class means (classes × features), <c>means_</c>. A copy.</summary>
    public Matrix Means => _means.Clone();

    /// <summary>Class priors used (<c>priors_</c>).</summary>
    public IReadOnlyList<double> Priors => new ReadOnlyCollection<double>(_priors);

    /// <summary>Per class, the principal axes of its covariance as columns (features × min(n_c, p)), <c>rotations_</c>; column signs are arbitrary. Copies.</summary>
    public IReadOnlyList<Matrix> Rotations => _rotations.Select(r => r.Clone()).ToArray();

    /// <summary>Per class, the (regularized) variance along each axis, <c>scalings_</c>.</summary>
    public IReadOnlyList<IReadOnlyList<double>> Scalings => _scalings.Select(s => (IReadOnlyList<double>)new ReadOnlyCollection<double>(s)).ToArray();

    /// <summary>Per class, the covariance R·diag(S)·Rᵀ (<c>covariance_</c>), or null unless store_covariance. Copies.</summary>
    public IReadOnlyList<Matrix>? Covariance => _covariances?.Select(c => c.Clone()).ToArray();

    /// <summary>
    /// Per-class log posterior up to a constant (n × classes): −½(‖(x − μ_c)·R_c·S_c^−½‖² + Σ log S_c) + log π_c
    /// (scikit-learn's <c>_decision_function</c>). O(n·p·r) per class.
    /// </summary>
    /// <exception cref="InvalidInputException">Wrong feature count or non-finite values.</exception>
    public Matrix JointLogLikelihood(Matrix x)
    {
        InputChecks.FeatureCount(x, FeatureCount, nameof(QuadraticDiscriminantAnalysisModel));
        InputChecks.Finite(x, nameof(QuadraticDiscriminantAnalysisModel));
        int n = x.Rows, p = FeatureCount, k = _classes.Length;
        var result = new Matrix(n, k);
        var xm = new Matrix(n, p);
        for (int c = 0; c < k; c++)
        {
            var mu = _means.Row(c);
            for (int i = 0; i < n; i++)
            {
                var src = x.Row(i);
                var dst = xm.Row(i);
                for (int j = 0; j < p; j++) dst[j] = src[j] - mu[j];
            }
            var z = MatrixOps.Multiply(xm, _whiten[c]);
            var norms = Reductions.RowSquaredNorms(z);
            for (int i = 0; i < n; i++) result[i, c] = -0.5 * norms[i] + _offset[c];
        }
        return result;
    }

    /// <summary>Decision values: the joint log likelihood (n × classes), or for two classes its difference class 1 − class 0 (n × 1).</summary>
    public Matrix DecisionFunction(Matrix x)
    {
        var d = JointLogLikelihood(x);
        if (_classes.Length != 2) return d;
        var r = new Matrix(d.Rows, 1);
        for (int i = 0; i < d.Rows; i++) r[i, 0] = d[i, 1] - d[i, 0];
        return r;
    }

    /// <summary>Class probabilities: the softmax of <see cref="JointLogLikelihood"/>.</summary>
    public Matrix PredictProba(Matrix x)
    {
        var d = JointLogLikelihood(x);
        Reductions.SoftmaxRows(d);
        return d;
    }

    /// <summary>Log class probabilities (log of <see cref="PredictProba"/>, as scikit-learn).</summary>
    public Matrix PredictLogProba(Matrix x)
    {
        var p = PredictProba(x);
        var s = p.AsSpan();
        for (int i = 0; i < s.Length; i++) s[i] = Math.Log(s[i]);
        return p;
    }

    /// <summary>Index of the class with the largest joint log likelihood (ties to the lower index).</summary>
    public int[] PredictIndex(Matrix x)
    {
        return Reductions.RowArgMax(JointLogLikelihood(x));
    }

    /// <summary>Predicted class name of each row.</summary>
    public string[] Predict(Matrix x) => PredictIndex(x).Select(i => _classes[i]).ToArray();

    /// <inheritdoc/>
    public void WriteTo(ModelWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteHyperparameters(Parameters);
        if (Parameters.Priors is { } pr) writer.WriteDoubles("given_priors", pr.ToArray());
        writer.SetProperty("has_given_priors", Parameters.Priors is not null);
        writer.WriteStrings("classes", _classes);
        writer.SetProperty("label_kind", LabelKind.ToString());
        writer.WriteMatrix("means", _means);
        writer.WriteDoubles("priors", _priors);
        writer.SetProperty("has_covariance", _covariances is not null);
        for (int c = 0; c < _classes.Length; c++)
        {
            string i = c.ToString(CultureInfo.InvariantCulture);
            writer.WriteMatrix("rotation" + i, _rotations[c]);
            writer.WriteDoubles("scaling" + i, _scalings[c]);
            if (_covariances is not null) writer.WriteMatrix("covariance" + i, _covariances[c]);
        }
    }

    internal static QuadraticDiscriminantAnalysisModel ReadFrom(ModelReader reader)
    {
        var parameters = reader.ReadHyperparameters<QuadraticDiscriminantAnalysis>();
        if (reader.GetBool("has_given_priors")) parameters = parameters with { Priors = reader.ReadDoubles("given_priors") };
        var classes = reader.ReadStrings("classes");
        if (classes.Length < 2 || classes.Any(c => c is null))
            throw new ModelFormatException("The model file is damaged: a qda model needs at least two named classes.");
        if (!Enum.TryParse<LabelKind>(reader.GetString("label_kind"), out var kind))
            throw new ModelFormatException("The model file is damaged: the label kind of a qda model is not valid.");
        var means = reader.ReadMatrix("means");
        if (means.Rows != classes.Length || means.Columns < 1)
            throw new ModelFormatException("The model file is damaged: the qda means do not match the classes.");
        bool hasCov = reader.GetBool("has_covariance");
        int k = classes.Length;
        var rotations = new Matrix[k];
        var scalings = new double[k][];
        var cov = hasCov ? new Matrix[k] : null;
        for (int c = 0; c < k; c++)
        {
            string i = c.ToString(CultureInfo.InvariantCulture);
            rotations[c] = reader.ReadMatrix("rotation" + i);
            scalings[c] = reader.ReadDoubles("scaling" + i, rotations[c].Columns);
            if (rotations[c].Rows != means.Columns || scalings[c].Any(v => !(v > 0)))
                throw new ModelFormatException("The model file is damaged: a qda rotation or scaling is not valid.");
            if (cov is not null) cov[c] = reader.ReadMatrix("covariance" + i);
        }
        return new QuadraticDiscriminantAnalysisModel(parameters, classes!, kind, means, reader.ReadDoubles("priors", k), rotations, scalings, cov);
    }
}
