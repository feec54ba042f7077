using Fathom.Core;
using Fathom.Numerics;

namespace Fathom.Svm;

/// <summary>
/// Linear support vector regression, as scikit-learn's LinearSVR (liblinear): min ½‖w‖² + Σ C_i loss(y_i − wᵀx_i)
/// with the ε-insensitive (default) or squared ε-insensitive loss, solved in the dual by coordinate descent. The
/// intercept is the weight of an extra constant feature of value <see cref="InterceptScaling"/> (regularized, as
/// in liblinear).
/// </summary>
/// <remarks>Each pass costs O(n·p). Standardize the features first. Sample weights multiply C per row.</remarks>
public sealed record LinearSVR : IRegressor
{
    /// <summary>Penalty C &gt; 0 (default 1).</summary>
    [Hyperparameter("regularization: penalty of errors beyond epsilon", Min = 0, MinExclusive = true)]
    public double C { get; init; } = 1.0;

    /// <summary>Half-width ε ≥ 0 of the insensitive tube (default 0).</summary>
    [Hyperparameter("half-width of the epsilon-insensitive tube", Min = 0)]
    public double Epsilon { get; init; }

    /// <summary>Loss: epsilon_insensitive (default) or squared_epsilon_insensitive.</summary>
    [Hyperparameter("loss: epsilon_insensitive or squared_epsilon_insensitive")]
    public LinearSvrLoss Loss { get; init; } = LinearSvrLoss.EpsilonInsensitive;

    /// <summary>Stopping tolerance, relative to the first pass's summed violation (default 1e-4).</summary>
    [Hyperparameter("stopping tolerance", Min = 0, MinExclusive = true)]
    public double Tol { get; init; } = 1e-4;

    /// <summary>Fit an intercept (default true).</summary>
    [Hyperparameter("fit an intercept (as a regularized constant feature)")]
    public bool FitIntercept { get; init; } = true;

    /// <summary>Value of the constant feature whose weight is the intercept (default 1).</summary>
    [Hyperparameter("value of the synthetic constant feature", Min = 0, MinExclusive = true)]
    public double InterceptScaling { get; init; } = 1.0;

    /// <summary>Maximum number of passes over the data (default 1000).</summary>
    [Hyperparameter("maximum number of passes", Min = 1)]
    public int MaxIter { get; init; } = 1000;

    /// <summary>Seed of the coordinate order (default 0).</summary>
    [Hyperparameter("seed of the coordinate order")]
    public int Seed { get; init; }

    /// <summary>Takes sample weights; the coordinate order is random (the optimum is not).</summary>
    public EstimatorTags Tags { get; } = new() { IsStochastic = true };

    /// <summary>x with a constant column of value <paramref name="scaling"/> appended when fitting an intercept.</summary>
    internal static Matrix Augment(Matrix x, bool fitIntercept, double scaling)
    {
        if (!fitIntercept) return x.IsContiguous ? x : x.Clone();
        var a = new Matrix(x.Rows, x.Columns + 1);
        for (int i = 0; i < x.Rows; i++)
        {
            x.Row(i).CopyTo(a.Row(i));
            a[i, x.Columns] = scaling;
        }
        return a;
    }

    /// <summary>Validates, then fits a new model.</summary>
    /// <param name="x">Features (n × p), finite.</param>
    /// <param name="y">Finite targets.</param>
    /// <param name="sampleWeight">Optional non-negative weight per row (multiplies C).</param>
    /// <param name="context">Cancellation and warnings.</param>
    /// <exception cref="InvalidHyperparameterException">C ≤ 0, ε &lt; 0, tol ≤ 0, …</exception>
    /// <exception cref="InvalidInputException">Empty data, NaN/infinity, bad weights.</exception>
    public LinearSVRModel Fit(Matrix x, double[] y, double[]? sampleWeight = null, FitContext? context = null)
    {
        const string name = nameof(LinearSVR);
        Hyperparameters.Validate(this);
        ArgumentNullException.ThrowIfNull(y);
        KernelSvmOptions.CheckData(x, y.Length, sampleWeight, name);
        for (int i = 0; i < y.Length; i++)
            if (!double.IsFinite(y[i]))
                throw new InvalidInputException($"{name}: the target of row {i} is {y[i]}; targets must be finite.", i);
        var xa = Augment(x, FitIntercept, InterceptScaling);
        var c = Enumerable.Range(0, x.Rows).Select(i => C * (sampleWeight is null ? 1.0 : sampleWeight[i])).ToArray();
        var (w, it) = LinearDualCoordinateDescent.Regression(xa, y, c, Epsilon, Loss == LinearSvrLoss.SquaredEpsilonInsensitive, Tol, MaxIter,
            new RandomSource(Seed), context);
        if (it >= MaxIter)
            context?.Log?.Invoke($"{name}: coordinate descent did not converge in {MaxIter} passes; raise max_iter or scale the data.");
        int p = x.Columns;
        return new LinearSVRModel(this, w[..p], FitIntercept ? w[p] * InterceptScaling : 0, it);
    }

    IRegressionModel IRegressor.Fit(Matrix x, double[] y, double[]? sampleWeight, FitContext? context) => Fit(x, y, sampleWeight, context);
}
