using System.Collections.ObjectModel;
using System.Globalization;
using Fathom.Core;
using Fathom.Linear;
using Fathom.Numerics;
using Fathom.Persistence;

namespace Fathom.Discriminant;

/// <summary>
/// A fitted <see cref="LinearDiscriminantAnalysis"/>: linear decision function x·βᵀ + b per class (one row for two
/// classes, as scikit-learn), class means and priors, and the discriminant directions. Immutable and thread-safe.
/// </summary>
public sealed class LinearDiscriminantAnalysisModel : IClassificationModel
{
    private readonly string[] _classes;
    private readonly Matrix _coef;
    private readonly double[] _intercept;
    private readonly Matrix _means;
    private readonly double[] _priors;
    private readonly double[]? _xbar;
    private readonly Matrix? _scalings;
    private readonly double[]? _ratio;
    private readonly Matrix? _covariance;
    private readonly int _components;

    internal LinearDiscriminantAnalysisModel(LinearDiscriminantAnalysis parameters, string[] classes, LabelKind kind, Matrix coef,
        double[] intercept, Matrix means, double[] priors, double[]? xbar, Matrix? scalings, double[]? ratio, Matrix? covariance, int components)
    {
        Parameters = parameters;
        _classes = classes;
        LabelKind = kind;
        _coef = coef;
        _intercept = intercept;
        _means = means;
        _priors = priors;
        _xbar = xbar;
        _scalings = scalings;
        _ratio = ratio;
        _covariance = covariance;
        _components = components;
    }

    /// <summary>The hyperparameters the model was fitted with.</summary>
    public LinearDiscriminantAnalysis Parameters { get; }

    /// <inheritdoc/>
    public IReadOnlyList<string> Classes => new ReadOnlyCollection<string>(_classes);

    /// <inheritdoc/>
    public LabelKind LabelKind { get; }

    /// <inheritdoc/>
    public int FeatureCount => _means.Columns;

    /// <inheritdoc/>
    public string ModelKind => "lda";

    /// <summary>Weight vectors (classes × features; 1 × features for two classes: class 1 minus class 0), scikit-learn's <c>coef_</c>. A copy.</summary>
    public Matrix Coefficients => _coef.Clone();

    /// <summary>Intercepts (one per class; one for two classes), scikit-learn's <c>intercept_</c>.</summary>
    public IReadOnlyList<double> Intercept => new ReadOnlyCollection<double>(_intercept);

    /// <summary>Class means (classes × features), <c>means_</c>. A copy.</summary>
    public Matrix Means => _means.Clone();

    /// <summary>Class priors used (<c>priors_</c>).</summary>
    public IReadOnlyList<double> Priors => new ReadOnlyCollection<double>(_priors);

    /// <summary>Prior-weighted overall mean Σ_c π_c μ_c (<c>xbar_</c>; svd solver only, else null).</summary>
    public IReadOnlyList<double>? OverallMean => _xbar is null ? null : new ReadOnlyCollection<double>(_xbar);

    /// <summary>
    /// Discriminant directions as columns (features × directions), <c>scalings_</c>; null for the lsqr solver. Signs
    /// of columns are arbitrary (as any SVD/eigen output). A copy.
    /// </summary>
    public Matrix? Scalings => _scalings?.Clone();

    /// <summary>Share of the between-class variance explained by each kept component (<c>explained_variance_ratio_</c>; null for lsqr).</summary>
    public IReadOnlyList<double>? ExplainedVarianceRatio => _ratio is null ? null : new ReadOnlyCollection<double>(_ratio);

    /// <summary>Prior-weighted within-class covariance (<c>covariance_</c>); null for the svd solver unless store_covariance. A copy.</summary>
    public Matrix? Covariance => _covariance?.Clone();

    /// <summary>Number of components <see cref="Transform"/> returns.</summary>
    public int ComponentCount => _components;

    /// <summary>Decision values x·βᵀ + b (n × classes; n × 1 for two classes, positive favouring the second class). O(n·p·classes).</summary>
    /// <exception cref="InvalidInputException">Wrong feature count or non-finite values.</exception>
    public Matrix DecisionFunction(Matrix x)
    {
        InputChecks.FeatureCount(x, FeatureCount, nameof(LinearDiscriminantAnalysisModel));
        InputChecks.Finite(x, nameof(LinearDiscriminantAnalysisModel));
        var d = MatrixOps.MultiplyTransposed(x, _coef);
        for (int i = 0; i < d.Rows; i++)
        {
            var r = d.Row(i);
            for (int c = 0; c < r.Length; c++) r[c] += _intercept[c];
        }
        return d;
    }

    /// <summary>Class probabilities: softmax of the decision values (logistic of the single value for two classes).</summary>
    public Matrix PredictProba(Matrix x)
    {
        var d = DecisionFunction(x);
        if (_classes.Length == 2)
        {
            var pr = new Matrix(x.Rows, 2);
            for (int i = 0; i < x.Rows; i++)
            {
                double p1 = 1.0 / (1.0 + Math.Exp(-d[i, 0]));
                pr[i, 0] = 1 - p1;
                pr[i, 1] = p1;
            }
            return pr;
        }
        Reductions.SoftmaxRows(d);
        return d;
    }

    /// <summary>Log class probabilities (log of <see cref="PredictProba"/>).</summary>
    public Matrix PredictLogProba(Matrix x)
    {
        var p = PredictProba(x);
        var s = p.AsSpan();
        for (int i = 0; i < s.Length; i++) s[i] = Math.Log(s[i]);
        return p;
    }

    /// <summary>Index of the predicted class: decision value &gt; 0 for two classes, else the largest (ties to the lower index).</summary>
    public int[] PredictIndex(Matrix x)
    {
        var d = DecisionFunction(x);
        var result = new int[x.Rows];
        for (int i = 0; i < result.Length; i++)
        {
            var r = d.Row(i);
            result[i] = _classes.Length == 2 ? (r[0] > 0 ? 1 : 0) : Reductions.ArgMax(r);
        }
        return result;
    }

    /// <summary>Predicted class name of each row.</summary>
    public string[] Predict(Matrix x) => PredictIndex(x).Select(i => _classes[i]).ToArray();

    /// <summary>
    /// Projects onto the first <see cref="ComponentCount"/> discriminant directions: (x − x̄)·Scalings for the svd
    /// solver, x·Scalings for eigen (n × components). O(n·p·components).
    /// </summary>
    /// <exception cref="InvalidOperationException">The model was fitted with the lsqr solver, which has no projection.</exception>
    public Matrix Transform(Matrix x)
    {
        InputChecks.FeatureCount(x, FeatureCount, nameof(LinearDiscriminantAnalysisModel));
        InputChecks.Finite(x, nameof(LinearDiscriminantAnalysisModel));
        if (_scalings is null)
            throw new InvalidOperationException("Transform is not available for the lsqr solver; fit with solver svd or eigen.");
        var xs = x;
        if (_xbar is not null)
        {
            xs = x.Clone();
            for (int i = 0; i < xs.Rows; i++)
            {
                var r = xs.Row(i);
                for (int j = 0; j < r.Length; j++) r[j] -= _xbar[j];
            }
        }
        int m = Math.Min(_components, _scalings.Columns);
        return MatrixOps.Multiply(xs, _scalings.Slice(0, 0, _scalings.Rows, m));
    }

    /// <inheritdoc/>
    public void WriteTo(ModelWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteHyperparameters(Parameters);
        if (Parameters.Priors is { } pr) writer.WriteDoubles("given_priors", pr.ToArray());
        writer.WriteStrings("classes", _classes);
        writer.SetProperty("label_kind", LabelKind.ToString());
        writer.SetProperty("components", _components);
        writer.WriteMatrix("coef", _coef);
        writer.WriteDoubles("intercept", _intercept);
        writer.WriteMatrix("means", _means);
        writer.WriteDoubles("priors", _priors);
        if (_xbar is not null) writer.WriteDoubles("xbar", _xbar);
        if (_scalings is not null) writer.WriteMatrix("scalings", _scalings);
        if (_ratio is not null) writer.WriteDoubles("explained_variance_ratio", _ratio);
        if (_covariance is not null) writer.WriteMatrix("covariance", _covariance);
        writer.SetProperty("has", string.Concat(Parameters.Priors is null ? "" : "p", _xbar is null ? "" : "x", _scalings is null ? "" : "s", _ratio is null ? "" : "r", _covariance is null ? "" : "c"));
    }

    internal static LinearDiscriminantAnalysisModel ReadFrom(ModelReader reader)
    {
        var parameters = reader.ReadHyperparameters<LinearDiscriminantAnalysis>();
        string has = reader.GetString("has") ?? "";
        if (has.Contains('p', StringComparison.Ordinal)) parameters = parameters with { Priors = reader.ReadDoubles("given_priors") };
        var classes = reader.ReadStrings("classes");
        if (classes.Length < 2 || classes.Any(c => c is null))
            throw new ModelFormatException("The model file is damaged: an lda model needs at least two named classes.");
        if (!Enum.TryParse<LabelKind>(reader.GetString("label_kind"), out var kind))
            throw new ModelFormatException("The model file is damaged: the label kind of an lda model is not valid.");
        var coef = reader.ReadMatrix("coef");
        var means = reader.ReadMatrix("means");
        int rowsExpected = classes.Length == 2 ? 1 : classes.Length;
        if (means.Rows != classes.Length || coef.Rows != rowsExpected || coef.Columns != means.Columns || means.Columns < 1)
            throw new ModelFormatException(string.Create(CultureInfo.InvariantCulture,
                $"The model file is damaged: an lda model with {classes.Length} classes has coefficients {coef.Rows} x {coef.Columns} and means {means.Rows} x {means.Columns}."));
        var scalings = has.Contains('s', StringComparison.Ordinal) ? reader.ReadMatrix("scalings") : null;
        if (scalings is not null && scalings.Rows != means.Columns)
            throw new ModelFormatException("The model file is damaged: the lda scalings do not match the feature count.");
        return new LinearDiscriminantAnalysisModel(parameters, classes!, kind, coef, reader.ReadDoubles("intercept", rowsExpected),
            means, reader.ReadDoubles("priors", classes.Length),
            has.Contains('x', StringComparison.Ordinal) ? reader.ReadDoubles("xbar", means.Columns) : null, scalings,
            has.Contains('r', StringComparison.Ordinal) ? reader.ReadDoubles("explained_variance_ratio") : null,
            has.Contains('c', StringComparison.Ordinal) ? reader.ReadMatrix("covariance") : null, reader.GetInt("components"));
    }
}
