using Fathom.Core;
using Fathom.Numerics;
using Fathom.Persistence;

namespace Fathom.NaiveBayes;

/// <summary>A fitted <see cref="MultinomialNB"/>. Immutable.</summary>
public sealed class MultinomialNBModel : DiscreteNaiveBayesModel
{
    private MultinomialNBModel(MultinomialNB parameters, string[] classes, LabelKind kind, Matrix fc, double[] cc, double[] logPrior, Matrix flp)
        : base(classes, kind, fc, cc, logPrior, flp) => Parameters = parameters;

    /// <summary>The hyperparameters the model was fitted with.</summary>
    public MultinomialNB Parameters { get; }

    /// <inheritdoc/>
    public override string ModelKind => "multinomial-nb";

    internal static MultinomialNBModel FromCounts(MultinomialNB p, string[] classes, LabelKind kind, Matrix fc, double[] cc)
    {
        double alpha = Math.Max(p.Alpha, DiscreteNaiveBayesFit.MinAlpha);
        var flp = new Matrix(fc.Rows, fc.Columns);
        for (int c = 0; c < fc.Rows; c++)
        {
            var src = fc.Row(c);
            var dst = flp.Row(c);
            double total = 0;
            for (int j = 0; j < src.Length; j++) total += src[j] + alpha;
            double logTotal = Math.Log(total);
            for (int j = 0; j < src.Length; j++) dst[j] = Math.Log(src[j] + alpha) - logTotal;
        }
        var priors = NaiveBayesInput.Priors(p.ClassPrior, classes.Length, nameof(MultinomialNB), "class_prior");
        return new MultinomialNBModel(p, classes, kind, fc, cc, DiscreteNaiveBayesFit.ClassLogPrior(cc, priors, p.FitPrior), flp);
    }

    /// <summary>Learns from one more chunk and returns the updated model (this one is unchanged); the same as one fit on all chunks.</summary>
    /// <exception cref="InvalidInputException">Wrong feature count, NaN, negative values or a label outside <see cref="DiscreteNaiveBayesModel.Classes"/>.</exception>
    public MultinomialNBModel PartialFit(Matrix x, ClassLabels y, double[]? sampleWeight = null)
    {
        var (fc, cc) = AccumulateChunk(x, y, sampleWeight, nameof(MultinomialNB), nonNegative: true);
        return FromCounts(Parameters, ClassArray, LabelKind, fc, cc);
    }

    private protected override Matrix ComputeJointLogLikelihood(Matrix x)
    {
        var jll = MatrixOps.MultiplyTransposed(x, FeatureLogProbView);
        var prior = ClassLogPriorView;
        for (int i = 0; i < jll.Rows; i++)
        {
            var row = jll.Row(i);
            for (int c = 0; c < row.Length; c++) row[c] += prior[c];
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

    internal static MultinomialNBModel ReadFrom(ModelReader reader)
    {
        var p = reader.ReadHyperparameters<MultinomialNB>();
        var (classes, kind, fc, cc, prior) = ReadCounts(reader, "multinomial-nb");
        return FromCounts(p with { ClassPrior = prior }, classes, kind, fc, cc);
    }
}
