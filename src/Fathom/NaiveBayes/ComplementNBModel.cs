using Fathom.Core;
using Fathom.Numerics;
using Fathom.Persistence;

namespace Fathom.NaiveBayes;

/// <summary>A fitted <see cref="ComplementNB"/>. <see cref="DiscreteNaiveBayesModel.FeatureLogProb"/> holds the weights w_cj. Immutable.</summary>
public sealed class ComplementNBModel : DiscreteNaiveBayesModel
{
    private ComplementNBModel(ComplementNB parameters, string[] classes, LabelKind kind, Matrix fc, double[] cc, double[] logPrior, Matrix weights)
        : base(classes, kind, fc, cc, logPrior, weights) => Parameters = parameters;

    /// <summary>The hyperparameters the model was fitted with.</summary>
    public ComplementNB Parameters { get; }

    /// <inheritdoc/>
    public override string ModelKind => "complement-nb";

    internal static ComplementNBModel FromCounts(ComplementNB p, string[] classes, LabelKind kind, Matrix fc, double[] cc)
    {
        double alpha = Math.Max(p.Alpha, DiscreteNaiveBayesFit.MinAlpha);
        int k = fc.Rows, m = fc.Columns;
        var all = Reductions.ColumnSums(fc);
        var weights = new Matrix(k, m);
        for (int c = 0; c < k; c++)
        {
            var count = fc.Row(c);
            var dst = weights.Row(c);
            double total = 0;
            for (int j = 0; j < m; j++) total += all[j] + alpha - count[j];
            double logTotal = Math.Log(total), sum = 0;
            for (int j = 0; j < m; j++)
            {
                dst[j] = Math.Log(all[j] + alpha - count[j]) - logTotal;
                sum += dst[j];
            }
            for (int j = 0; j < m; j++) dst[j] = p.Norm ? dst[j] / sum : -dst[j];
        }
        var priors = NaiveBayesInput.Priors(p.ClassPrior, classes.Length, nameof(ComplementNB), "class_prior");
        return new ComplementNBModel(p, classes, kind, fc, cc, DiscreteNaiveBayesFit.ClassLogPrior(cc, priors, p.FitPrior), weights);
    }

    /// <summary>Learns from one more chunk and returns the updated model (this one is unchanged); the same as one fit on all chunks.</summary>
    /// <exception cref="InvalidInputException">Wrong feature count, NaN, negative values or a label outside <see cref="DiscreteNaiveBayesModel.Classes"/>.</exception>
    public ComplementNBModel PartialFit(Matrix x, ClassLabels y, double[]? sampleWeight = null)
    {
        var (fc, cc) = AccumulateChunk(x, y, sampleWeight, nameof(ComplementNB), nonNegative: true);
        return FromCounts(Parameters, ClassArray, LabelKind, fc, cc);
    }

    private protected override Matrix ComputeJointLogLikelihood(Matrix x) => MatrixOps.MultiplyTransposed(x, FeatureLogProbView);

    /// <inheritdoc/>
    public override void WriteTo(ModelWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteHyperparameters(Parameters);
        WriteCounts(writer, Parameters.ClassPrior);
    }

    internal static ComplementNBModel ReadFrom(ModelReader reader)
    {
        var p = reader.ReadHyperparameters<ComplementNB>();
        var (classes, kind, fc, cc, prior) = ReadCounts(reader, "complement-nb");
        return FromCounts(p with { ClassPrior = prior }, classes, kind, fc, cc);
    }
}
