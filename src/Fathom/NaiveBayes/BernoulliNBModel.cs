using Fathom.Core;
using Fathom.Numerics;
using Fathom.Persistence;

namespace Fathom.NaiveBayes;

/// <summary>A fitted <see cref="BernoulliNB"/>. Immutable.</summary>
public sealed class BernoulliNBModel : DiscreteNaiveBayesModel
{
    // Σⱼ log(1 − p_cj) per class (every feature absent) and log p_cj − log(1 − p_cj) (what a present feature adds).
    private readonly double[] _absentSum;
    private readonly Matrix _presentMinusAbsent;

    private BernoulliNBModel(BernoulliNB parameters, string[] classes, LabelKind kind, Matrix fc, double[] cc, double[] logPrior, Matrix flp)
        : base(classes, kind, fc, cc, logPrior, flp)
    {
        Parameters = parameters;
        _presentMinusAbsent = new Matrix(flp.Rows, flp.Columns);
        _absentSum = new double[flp.Rows];
        for (int c = 0; c < flp.Rows; c++)
        {
            var lp = flp.Row(c);
            var d = _presentMinusAbsent.Row(c);
            for (int j = 0; j < lp.Length; j++)
            {
                double logAbsent = Math.Log(1 - Math.Exp(lp[j]));
                d[j] = lp[j] - logAbsent;
                _absentSum[c] += logAbsent;
            }
        }
    }

    /// <summary>The hyperparameters the model was fitted with.</summary>
    public BernoulliNB Parameters { get; }

    /// <inheritdoc/>
    public override string ModelKind => "bernoulli-nb";

    internal static BernoulliNBModel FromCounts(BernoulliNB p, string[] classes, LabelKind kind, Matrix fc, double[] cc)
    {
        double alpha = Math.Max(p.Alpha, DiscreteNaiveBayesFit.MinAlpha);
        var flp = new Matrix(fc.Rows, fc.Columns);
        for (int c = 0; c < fc.Rows; c++)
        {
            var src = fc.Row(c);
            var dst = flp.Row(c);
            double logDenominator = Math.Log(cc[c] + 2 * alpha);
            for (int j = 0; j < src.Length; j++) dst[j] = Math.Log(src[j] + alpha) - logDenominator;
        }
        var priors = NaiveBayesInput.Priors(p.ClassPrior, classes.Length, nameof(BernoulliNB), "class_prior");
        return new BernoulliNBModel(p, classes, kind, fc, cc, DiscreteNaiveBayesFit.ClassLogPrior(cc, priors, p.FitPrior), flp);
    }

    /// <summary>Learns from one more chunk and returns the updated model (this one is unchanged); the same as one fit on all chunks.</summary>
    /// <exception cref="InvalidInputException">Wrong feature count, NaN or a label outside <see cref="DiscreteNaiveBayesModel.Classes"/>.</exception>
    public BernoulliNBModel PartialFit(Matrix x, ClassLabels y, double[]? sampleWeight = null)
    {
        var (fc, cc) = AccumulateChunk(Parameters.BinarizeRows(x), y, sampleWeight, nameof(BernoulliNB), nonNegative: false);
        return FromCounts(Parameters, ClassArray, LabelKind, fc, cc);
    }

    private protected override Matrix ComputeJointLogLikelihood(Matrix x)
    {
        var jll = MatrixOps.MultiplyTransposed(Parameters.BinarizeRows(x), _presentMinusAbsent);
        var prior = ClassLogPriorView;
        for (int i = 0; i < jll.Rows; i++)
        {
            var row = jll.Row(i);
            for (int c = 0; c < row.Length; c++) row[c] += prior[c] + _absentSum[c];
        }
        return jll;
    }

    /// <inheritdoc/>
    public override void WriteTo(ModelWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteHyperparameters(Parameters);
        WriteCounts(writer, Parameters.ClassPrior);
    }

    internal static BernoulliNBModel ReadFrom(ModelReader reader)
    {
        var p = reader.ReadHyperparameters<BernoulliNB>();
        var (classes, kind, fc, cc, prior) = ReadCounts(reader, "bernoulli-nb");
        return FromCounts(p with { ClassPrior = prior }, classes, kind, fc, cc);
    }
}
