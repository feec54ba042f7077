using Fathom.Core;
using Fathom.Numerics;

namespace Fathom.Linear;

/// <summary>The losses the SGD engine knows (classification ones take y ∈ {−1, +1}).</summary>
internal enum SgdLossKind
{
    Hinge,
    Log,
    ModifiedHuber,
    SquaredHinge,
    SquaredError,
    Huber,
    EpsilonInsensitive,
    SquaredEpsilonInsensitive,
}

/// <summary>Settings of one SGD run (one binary or regression problem).</summary>
internal sealed record SgdSettings(
    SgdLossKind Loss,
    double LossParameter,
    SgdPenalty Penalty,
    double Alpha,
    double L1Ratio,
    SgdLearningRate LearningRate,
    double Eta0,
    double PowerT,
    bool FitIntercept,
    double Tol,
    int NIterNoChange,
    bool Shuffle,
    int Average);

/// <summary>The weights one SGD problem carries between epochs and calls (plain and averaged).</summary>
internal sealed class SgdState
{
    public SgdState(int features)
    {
        W = new double[features];
        AverageW = new double[features];
    }

    public double[] W { get; }
    public double B { get; set; }
    public double[] AverageW { get; }
    public double AverageB { get; set; }

    public SgdState Clone()
    {
        var s = new SgdState(W.Length) { B = B, AverageB = AverageB };
        W.CopyTo(s.W, 0);
        AverageW.CopyTo(s.AverageW, 0);
        return s;
    }
}

/// <summary>
/// Plain stochastic gradient descent on one linear problem, with scikit-learn's update rules (its
/// <c>_plain_sgd</c>): per sample, score p = w·x + b, step η from the schedule, gradient of the loss clipped to
/// ±1e12, update = −η·ℓ'(p, y)·(class weight)·(sample weight); the L2 part shrinks w by max(0, 1 − (1 − ρ)ηα)
/// (kept as a scale factor, so the step is O(1)); w += update·x, b += update; the L1 part uses the cumulative
/// truncated gradient (Tsuruoka et al. 2009). After each epoch the summed (unweighted) loss is compared with the
/// best one: n_iter_no_change epochs without an improvement of tol·n stop the run (adaptive: divide η by 5 instead,
/// until η &lt; 1e-6). Averaging (ASGD) keeps the running mean of w and b over the samples from number
/// <c>average</c> on. O(n·p) per epoch.
/// </summary>
internal static class PlainSgd
{
    private const double MaxDLoss = 1e12;

    /// <summary>Runs up to <paramref name="maxIter"/> epochs on (x, y) from <paramref name="state"/>, which it updates.</summary>
    /// <param name="x">Features.</param>
    /// <param name="y">Targets (±1 for classification).</param>
    /// <param name="sampleWeight">Weight per row.</param>
    /// <param name="s">Loss, penalty, schedule and stopping settings.</param>
    /// <param name="state">Start weights, updated in place.</param>
    /// <param name="t0">Samples seen before this call plus one (scikit-learn's <c>t_</c>).</param>
    /// <param name="posWeight">Class weight of rows with y &gt; 0.</param>
    /// <param name="negWeight">Class weight of the other rows.</param>
    /// <param name="maxIter">Largest number of epochs.</param>
    /// <param name="rng">Shuffling source (used when the settings shuffle).</param>
    /// <param name="cancel">Checked every epoch.</param>
    /// <returns>Epochs run.</returns>
    public static int Run(Matrix x, double[] y, double[] sampleWeight, SgdSettings s, SgdState state, double t0,
        double posWeight, double negWeight, int maxIter, RandomSource? rng, CancellationToken cancel)
    {
        int n = x.Rows, p = x.Columns;
        var w = state.W;
        var aw = state.AverageW;
        double b = state.B, ab = state.AverageB;
        double wscale = 1.0;
        double l1Ratio = s.Penalty switch { SgdPenalty.L2 => 0.0, SgdPenalty.L1 => 1.0, _ => s.L1Ratio };
        double eta = s.Eta0;
        double optimalInit = 0;
        if (s.LearningRate == SgdLearningRate.Optimal)
        {
            double typw = Math.Sqrt(1.0 / Math.Sqrt(s.Alpha));
            double initialEta0 = typw / Math.Max(1.0, DLoss(s.Loss, s.LossParameter, -typw, 1.0));
            optimalInit = 1.0 / (initialEta0 * s.Alpha);
        }
        bool l1 = s.Penalty is SgdPenalty.L1 or SgdPenalty.ElasticNet;
        bool l2 = s.Penalty is SgdPenalty.L2 or SgdPenalty.ElasticNet;
        var q = l1 ? new double[p] : null;
        double u = 0;
        var order = new int[n];
        for (int i = 0; i < n; i++) order[i] = i;
        double t = t0;
        double bestLoss = double.PositiveInfinity;
        int noImprovement = 0;
        int epoch = 0;
        while (epoch < maxIter)
        {
            cancel.ThrowIfCancellationRequested();
            if (s.Shuffle && rng is not null) rng.Shuffle(order.AsSpan());
            double sumLoss = 0;
            for (int k = 0; k < n; k++)
            {
                int i = order[k];
                var row = x.Row(i);
                double pred = Blas.Dot(w, row) * wscale + b;
                if (s.LearningRate == SgdLearningRate.Optimal) eta = 1.0 / (s.Alpha * (optimalInit + t - 1));
                else if (s.LearningRate == SgdLearningRate.Invscaling) eta = s.Eta0 / Math.Pow(t, s.PowerT);
                double yi = y[i];
                sumLoss += Loss(s.Loss, s.LossParameter, pred, yi);
                double classWeight = yi > 0 ? posWeight : negWeight;
                double dloss = Math.Clamp(DLoss(s.Loss, s.LossParameter, pred, yi), -MaxDLoss, MaxDLoss);
                double update = -eta * dloss * classWeight * sampleWeight[i];
                if (l2)
                {
                    wscale *= Math.Max(0, 1.0 - (1.0 - l1Ratio) * eta * s.Alpha);
                    if (wscale < 1e-9)
                    {
                        for (int j = 0; j < p; j++) w[j] *= wscale;
                        wscale = 1.0;
                    }
                }
                if (update != 0.0)
                {
                    Blas.Axpy(update / wscale, row, w);
                    if (s.FitIntercept) b += update;
                }
                if (l1)
                {
                    u += l1Ratio * eta * s.Alpha;
                    for (int j = 0; j < p; j++)
                    {
                        double z = w[j];
                        if (wscale * z > 0) w[j] = Math.Max(0.0, w[j] - (u + q![j]) / wscale);
                        else if (wscale * z < 0) w[j] = Math.Min(0.0, w[j] + (u - q![j]) / wscale);
                        q![j] += wscale * (w[j] - z);
                    }
                }
                if (s.Average > 0 && s.Average <= t)
                {
                    double mu = 1.0 / (t - s.Average + 1);
                    for (int j = 0; j < p; j++) aw[j] += (w[j] * wscale - aw[j]) * mu;
                    ab += (b - ab) * mu;
                }
                t += 1;
            }
            epoch++;
            if (!double.IsFinite(b) || w.Any(v => !double.IsFinite(v)))
                throw new InvalidInputException(
                    "SGD: the weights became infinite or NaN; the learning rate is too large for this data. Scale the features or lower eta0/raise alpha.");
            if (s.Tol > double.NegativeInfinity && sumLoss > bestLoss - s.Tol * n) noImprovement++;
            else noImprovement = 0;
            if (sumLoss < bestLoss) bestLoss = sumLoss;
            if (noImprovement >= s.NIterNoChange)
            {
                if (s.LearningRate == SgdLearningRate.Adaptive && eta > 1e-6)
                {
                    eta /= 5;
                    noImprovement = 0;
                }
                else break;
            }
        }
        for (int j = 0; j < p; j++) w[j] *= wscale;
        state.B = b;
        state.AverageB = ab;
        return epoch;
    }

    /// <summary>The loss at score p for target y.</summary>
    public static double Loss(SgdLossKind kind, double c, double p, double y)
    {
        switch (kind)
        {
            case SgdLossKind.Hinge:
                return Math.Max(0, c - p * y);
            case SgdLossKind.Log:
                {
                    double z = p * y;
                    if (z > 18) return Math.Exp(-z);
                    if (z < -18) return -z;
                    return LogisticObjective.Log1p(Math.Exp(-z));
                }
            case SgdLossKind.ModifiedHuber:
                {
                    double z = p * y;
                    if (z >= 1) return 0;
                    if (z >= -1) return (1 - z) * (1 - z);
                    return -4 * z;
                }
            case SgdLossKind.SquaredHinge:
                {
                    double z = c - p * y;
                    return z > 0 ? z * z : 0;
                }
            case SgdLossKind.SquaredError:
                return 0.5 * (p - y) * (p - y);
            case SgdLossKind.Huber:
                {
                    double r = p - y, a = Math.Abs(r);
                    return a <= c ? 0.5 * r * r : c * a - 0.5 * c * c;
                }
            case SgdLossKind.EpsilonInsensitive:
                return Math.Max(0, Math.Abs(y - p) - c);
            default:
                {
                    double e = Math.Max(0, Math.Abs(y - p) - c);
                    return e * e;
                }
        }
    }

    /// <summary>dℓ/dp at score p for target y.</summary>
    public static double DLoss(SgdLossKind kind, double c, double p, double y)
    {
        switch (kind)
        {
            case SgdLossKind.Hinge:
                return p * y <= c ? -y : 0;
            case SgdLossKind.Log:
                {
                    double z = p * y;
                    if (z > 18) return -y * Math.Exp(-z);
                    if (z < -18) return -y;
                    return -y / (Math.Exp(z) + 1);
                }
            case SgdLossKind.ModifiedHuber:
                {
                    double z = p * y;
                    if (z >= 1) return 0;
                    if (z >= -1) return -2 * (1 - z) * y;
                    return -4 * y;
                }
            case SgdLossKind.SquaredHinge:
                {
                    double z = c - p * y;
                    return z > 0 ? -2 * y * z : 0;
                }
            case SgdLossKind.SquaredError:
                return p - y;
            case SgdLossKind.Huber:
                {
                    double r = p - y;
                    return Math.Abs(r) <= c ? r : r > 0 ? c : -c;
                }
            case SgdLossKind.EpsilonInsensitive:
                return y - p > c ? -1 : p - y > c ? 1 : 0;
            default:
                {
                    double z = y - p;
                    return z > c ? -2 * (z - c) : z < -c ? 2 * (-z - c) : 0;
                }
        }
    }
}
