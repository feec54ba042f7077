using System.Collections.ObjectModel;
using System.Globalization;
using Fathom.Core;
using Fathom.Linear;
using Fathom.Numerics;
using Fathom.Persistence;

namespace Fathom.NaiveBayes;

/// <summary>
/// A fitted <see cref="GaussianNB"/>: class priors, per-class feature means <see cref="Theta"/> and variances
/// <see cref="Var"/> (already including the smoothing <see cref="Epsilon"/>). Immutable and thread-safe;
/// <see cref="PartialFit"/> returns a new model.
/// </summary>
public sealed class GaussianNBModel : IClassificationModel
{
    private readonly string[] _classes;
    private readonly double[] _classCount;
    private readonly double[] _prior;
    private readonly Matrix _theta;
    private readonly Matrix _var;
    private readonly bool _fixedPriors;

    private GaussianNBModel(GaussianNB parameters, string[] classes, LabelKind kind, double[] classCount, double[] prior,
        Matrix theta, Matrix var, double epsilon, bool fixedPriors)
    {
        Parameters = parameters;
        _classes = classes;
        LabelKind = kind;
        _classCount = classCount;
        _prior = prior;
        _theta = theta;
        _var = var;
        Epsilon = epsilon;
        _fixedPriors = fixedPriors;
    }

    /// <summary>The hyperparameters the model was fitted with.</summary>
    public GaussianNB Parameters { get; }

    /// <inheritdoc/>
    public IReadOnlyList<string> Classes => new ReadOnlyCollection<string>(_classes);

    /// <inheritdoc/>
    public LabelKind LabelKind { get; }

    /// <inheritdoc/>
    public int FeatureCount => _theta.Columns;

    /// <inheritdoc/>
    public string ModelKind => "gaussian-nb";

    /// <summary>Prior probability of each class (scikit-learn's <c>class_prior_</c>).</summary>
    public IReadOnlyList<double> ClassPrior => new ReadOnlyCollection<double>(_prior);

    /// <summary>Total sample weight seen per class (scikit-learn's <c>class_count_</c>).</summary>
    public IReadOnlyList<double> ClassCount => new ReadOnlyCollection<double>(_classCount);

    /// <summary>Mean of each feature per class, classes × features (scikit-learn's <c>theta_</c>), as a copy.</summary>
    public Matrix Theta => _theta.Clone();

    /// <summary>Variance of each feature per class plus <see cref="Epsilon"/> (scikit-learn's <c>var_</c>), as a copy.</summary>
    public Matrix Var => _var.Clone();

    /// <summary>The smoothing added to the variances, var_smoothing · max feature variance of the last batch (<c>epsilon_</c>).</summary>
    public double Epsilon { get; }

    internal static GaussianNBModel Empty(GaussianNB parameters, string[] classes, LabelKind kind, int features, double[]? priors) =>
        new(parameters, classes, kind, new double[classes.Length], priors ?? new double[classes.Length],
            new Matrix(classes.Length, features), new Matrix(classes.Length, features), 0.0, priors is not null);

    /// <summary>
    /// Learns from one more chunk and returns the updated model (this one is unchanged). Means and variances are
    /// merged with the chunk's as scikit-learn's <c>_update_mean_variance</c>; ε is recomputed from the chunk and,
    /// as in scikit-learn 1.2, the new ε is what is subtracted from the stored variances before the merge.
    /// </summary>
    /// <param name="x">Features of the chunk, same feature count, finite.</param>
    /// <param name="y">Labels of the chunk, each one of <see cref="Classes"/>.</param>
    /// <param name="sampleWeight">Optional non-negative weight per row.</param>
    public GaussianNBModel PartialFit(Matrix x, ClassLabels y, double[]? sampleWeight = null)
    {
        GaussianNB.Check(x, y, sampleWeight);
        InputChecks.FeatureCount(x, FeatureCount, nameof(GaussianNBModel));
        return Update(x, NaiveBayesInput.Codes(y, _classes, nameof(GaussianNB)), sampleWeight);
    }

    internal GaussianNBModel Update(Matrix x, int[] codes, double[]? sampleWeight)
    {
        int k = _classes.Length, p = FeatureCount;
        double maxVar = 0;
        foreach (double v in Reductions.ColumnVariances(x)) maxVar = Math.Max(maxVar, v);
        double epsilon = Parameters.VarSmoothing * maxVar;
        var theta = _theta.Clone();
        var var = _var.Clone();
        var counts = (double[])_classCount.Clone();
        bool first = counts.All(c => c == 0) && Epsilon == 0;
        if (!first)
        {
            var s = var.AsSpan();
            for (int i = 0; i < s.Length; i++) s[i] -= epsilon;
        }
        var rowsOf = new List<int>[k];
        for (int i = 0; i < codes.Length; i++) (rowsOf[codes[i]] ??= []).Add(i);
        for (int c = 0; c < k; c++)
        {
            if (rowsOf[c] is not { } rows) continue;
            var xc = x.SelectRows(rows.ToArray());
            double[]? wc = sampleWeight is null ? null : rows.Select(i => sampleWeight[i]).ToArray();
            double nNew = wc is null ? rows.Count : wc.Sum();
            if (wc is not null && Math.Abs(nNew) <= 1e-8) continue; // numpy.isclose(n_new, 0): nothing to learn
            var (mean, variance) = Reductions.ColumnMeanVariance(xc, 0, wc);
            double nPast = counts[c];
            var mu = theta.Row(c);
            var sigma = var.Row(c);
            if (nPast == 0)
            {
                mean.CopyTo(mu);
                variance.CopyTo(sigma);
            }
            else
            {
                double total = nPast + nNew;
                for (int j = 0; j < p; j++)
                {
                    double d = mu[j] - mean[j];
                    double ssd = nPast * sigma[j] + nNew * variance[j] + nNew * nPast / total * d * d;
                    mu[j] = (nNew * mean[j] + nPast * mu[j]) / total;
                    sigma[j] = ssd / total;
                }
            }
            counts[c] += nNew;
        }
        var vs = var.AsSpan();
        for (int i = 0; i < vs.Length; i++) vs[i] += epsilon;
        var prior = (double[])_prior.Clone();
        if (!_fixedPriors)
        {
            double sum = counts.Sum();
            for (int c = 0; c < k; c++) prior[c] = counts[c] / sum;
        }
        return new GaussianNBModel(Parameters, _classes, LabelKind, counts, prior, theta, var, epsilon, _fixedPriors);
    }

    /// <summary>
    /// Unnormalized log posterior per class (n × classes): log π_c − ½ Σⱼ log(2π σ²_cj) − ½ Σⱼ (xⱼ − θ_cj)² / σ²_cj.
    /// O(n · p · classes).
    /// </summary>
    /// <exception cref="InvalidInputException">Wrong feature count or non-finite values.</exception>
    public Matrix JointLogLikelihood(Matrix x)
    {
        InputChecks.FeatureCount(x, FeatureCount, nameof(GaussianNBModel));
        InputChecks.Finite(x, nameof(GaussianNBModel));
        int n = x.Rows, k = _classes.Length, p = FeatureCount;
        var jll = new Matrix(n, k);
        for (int c = 0; c < k; c++)
        {
            var mu = _theta.Row(c);
            var sigma = _var.Row(c);
            double norm = 0;
            for (int j = 0; j < p; j++) norm += Math.Log(2.0 * Math.PI * sigma[j]);
            double b = Math.Log(_prior[c]) - 0.5 * norm;
            for (int i = 0; i < n; i++)
            {
                var row = x.Row(i);
                double s = 0;
                for (int j = 0; j < p; j++)
                {
                    double d = row[j] - mu[j];
                    s += d * d / sigma[j];
                }
                jll[i, c] = b - 0.5 * s;
            }
        }
        return jll;
    }

    /// <summary>Log class probabilities: the joint log likelihood minus its log-sum-exp per row.</summary>
    public Matrix PredictLogProba(Matrix x)
    {
        var jll = JointLogLikelihood(x);
        Reductions.LogSoftmaxRows(jll);
        return jll;
    }

    /// <summary>Class probabilities (n × classes), rows summing to 1.</summary>
    public Matrix PredictProba(Matrix x)
    {
        var lp = PredictLogProba(x);
        var s = lp.AsSpan();
        for (int i = 0; i < s.Length; i++) s[i] = Math.Exp(s[i]);
        return lp;
    }

    /// <summary>Index of the class with the largest joint log likelihood (ties to the lower index, as numpy's argmax).</summary>
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
        writer.WriteStrings("classes", _classes);
        writer.SetProperty("label_kind", LabelKind.ToString());
        writer.SetProperty("epsilon", Epsilon);
        writer.SetProperty("fixed_priors", _fixedPriors);
        writer.WriteDoubles("class_count", _classCount);
        writer.WriteDoubles("class_prior", _prior);
        writer.WriteMatrix("theta", _theta);
        writer.WriteMatrix("var", _var);
    }

    internal static GaussianNBModel ReadFrom(ModelReader reader)
    {
        var parameters = reader.ReadHyperparameters<GaussianNB>();
        var classes = reader.ReadStrings("classes");
        if (classes.Length < 2 || classes.Any(c => c is null))
            throw new ModelFormatException("The model file is damaged: a gaussian-nb model needs at least two named classes.");
        if (!Enum.TryParse<LabelKind>(reader.GetString("label_kind"), out var kind))
            throw new ModelFormatException("The model file is damaged: the label kind of a gaussian-nb model is not valid.");
        var theta = reader.ReadMatrix("theta");
        var var = reader.ReadMatrix("var");
        if (theta.Rows != classes.Length || var.Rows != classes.Length || var.Columns != theta.Columns || theta.Columns < 1)
            throw new ModelFormatException(string.Create(CultureInfo.InvariantCulture,
                $"The model file is damaged: a gaussian-nb model with {classes.Length} classes has means {theta.Rows} x {theta.Columns} and variances {var.Rows} x {var.Columns}."));
        return new GaussianNBModel(parameters, classes!, kind, reader.ReadDoubles("class_count", classes.Length),
            reader.ReadDoubles("class_prior", classes.Length), theta, var, reader.GetDouble("epsilon"), reader.GetBool("fixed_priors"));
    }
}
