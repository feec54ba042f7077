using Fathom.Core;
using Fathom.Linear;
using Fathom.Numerics;

namespace Fathom.Svm;

/// <summary>
/// Linear support vector classification, as scikit-learn's LinearSVC (liblinear): min ½‖w‖² + Σ C_i loss(y_i wᵀx_i)
/// with the squared hinge (default) or hinge loss, solved in the dual by coordinate descent. The intercept is the
/// weight of an extra constant feature of value <see cref="InterceptScaling"/> and so is regularized, as in
/// liblinear. Multiclass is one-vs-rest; two classes train one model (positive = the second class).
/// </summary>
/// <remarks>Each pass costs O(n·p). Standardize the features first. Sample weights multiply C per row.</remarks>
public sealed record LinearSVC : IClassifier
{
    /// <summary>Penalty C &gt; 0 (default 1).</summary>
    [Hyperparameter("regularization: penalty of margin violations", Min = 0, MinExclusive = true)]
    public double C { get; init; } = 1.0;

    /// <summary>Loss: squared_hinge (default) or hinge.</summary>
    [Hyperparameter("loss: squared_hinge or hinge")]
    public LinearSvcLoss Loss { get; init; } = LinearSvcLoss.SquaredHinge;

    /// <summary>Stopping tolerance on the projected-gradient spread (default 1e-4).</summary>
    [Hyperparameter("stopping tolerance", Min = 0, MinExclusive = true)]
    public double Tol { get; init; } = 1e-4;

    /// <summary>Fit an intercept (default true).</summary>
    [Hyperparameter("fit an intercept (as a regularized constant feature)")]
    public bool FitIntercept { get; init; } = true;

    /// <summary>Value of the constant feature whose weight is the intercept (default 1); larger values regularize the intercept less.</summary>
    [Hyperparameter("value of the synthetic constant feature", Min = 0, MinExclusive = true)]
    public double InterceptScaling { get; init; } = 1.0;

    /// <summary>Class weights: none (default) or balanced; multiply C of the positive rows of each one-vs-rest problem (as liblinear).</summary>
    [Hyperparameter("class weights: none or balanced")]
    public ClassWeightMode ClassWeight { get; init; } = ClassWeightMode.None;

    /// <summary>Maximum number of passes over the data (default 1000).</summary>
    [Hyperparameter("maximum number of passes", Min = 1)]
    public int MaxIter { get; init; } = 1000;

    /// <summary>Seed of the coordinate order (default 0).</summary>
    [Hyperparameter("seed of the coordinate order")]
    public int Seed { get; init; }

    /// <summary>Takes sample weights; the coordinate order is random (the optimum is not).</summary>
    public EstimatorTags Tags { get; } = new() { IsStochastic = true };

    /// <summary>Validates, then fits a new model.</summary>
    /// <param name="x">Features (n × p), finite.</param>
    /// <param name="y">Class labels, at least two classes.</param>
    /// <param name="sampleWeight">Optional non-negative weight per row (multiplies C).</param>
    /// <param name="context">Cancellation and warnings.</param>
    /// <exception cref="InvalidHyperparameterException">C ≤ 0, tol ≤ 0, …</exception>
    /// <exception cref="InvalidInputException">Empty data, NaN/infinity, one class, bad weights.</exception>
    public LinearSVCModel Fit(Matrix x, ClassLabels y, double[]? sampleWeight = null, FitContext? context = null)
    {
        const string name = nameof(LinearSVC);
        Hyperparameters.Validate(this);
        ArgumentNullException.ThrowIfNull(y);
        KernelSvmOptions.CheckData(x, y.Count, sampleWeight, name);
        int k = y.ClassCount;
        if (k < 2)
            throw new InvalidInputException(
                $"{name}: the target has only one class ('{(k == 1 ? y.Classes[0] : "")}'); a classifier needs at least two classes in the training rows.");
        var codes = y.Codes.ToArray();
        var classW = new double[k];
        Array.Fill(classW, 1.0);
        if (ClassWeight == ClassWeightMode.Balanced)
        {
            var counts = y.ClassCounts();
            for (int c = 0; c < k; c++) classW[c] = (double)y.Count / (k * counts[c]);
        }
        var xa = LinearSVR.Augment(x, FitIntercept, InterceptScaling);
        int p = x.Columns, models = k == 2 ? 1 : k;
        var coef = new Matrix(models, p);
        var intercept = new double[models];
        var iterations = new int[models];
        var random = new RandomSource(Seed);
        for (int m = 0; m < models; m++)
        {
            int positive = k == 2 ? 1 : m;
            var ys = new double[x.Rows];
            var cs = new double[x.Rows];
            for (int i = 0; i < x.Rows; i++)
            {
                bool pos = codes[i] == positive;
                ys[i] = pos ? 1 : -1;
                double cw = k == 2 ? classW[codes[i]] : pos ? classW[positive] : 1.0;
                cs[i] = C * cw * (sampleWeight is null ? 1.0 : sampleWeight[i]);
            }
            var (w, it) = LinearDualCoordinateDescent.Classification(xa, ys, cs, Loss == LinearSvcLoss.SquaredHinge, Tol, MaxIter, random.Fork(m), context);
            w.AsSpan(0, p).CopyTo(coef.Row(m));
            intercept[m] = FitIntercept ? w[p] * InterceptScaling : 0;
            iterations[m] = it;
            if (it >= MaxIter)
                context?.Log?.Invoke($"{name}: coordinate descent did not converge in {MaxIter} passes; raise max_iter or scale the data.");
        }
        return new LinearSVCModel(this, y.Classes.ToArray(), y.Kind, coef, intercept, iterations);
    }

    IClassificationModel IClassifier.Fit(Matrix x, ClassLabels y, double[]? sampleWeight, FitContext? context) =>
        Fit(x, y, sampleWeight, context);
}
