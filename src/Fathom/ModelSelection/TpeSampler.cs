using System.Globalization;
using Fathom.Core;
using Fathom.Statistics;

namespace Fathom.ModelSelection;

/// <summary>
/// Tree-structured Parzen estimator (Bergstra et al. 2011, the algorithm of hyperopt and Optuna's default): after
/// <see cref="StartupTrials"/> random trials, the observed trials are split into the best γ share (at most 25) and the rest;
/// each hyperparameter gets two densities — l(x) from the good trials, g(x) from the others — and the next value is
/// the one, among <see cref="Candidates"/> draws from l, that maximizes l(x) / g(x). Numeric ranges use truncated
/// Gaussian mixtures (one component per trial plus a wide prior; log ranges in log space, integers rounded);
/// choices use smoothed category frequencies. Parameters are modelled independently. Deterministic per seed.
/// </summary>
/// <remarks>Proposing costs O(trials · candidates) per parameter; negligible beside a model fit.</remarks>
public sealed class TpeSampler
{
    private readonly IReadOnlyDictionary<string, ParameterDistribution> _space;
    private readonly RandomSource _random;
    private readonly List<(IReadOnlyDictionary<string, string> Parameters, double Loss)> _trials = [];

    /// <summary>Creates a sampler over <paramref name="space"/>.</summary>
    /// <param name="space">Parameter name to distribution (as <see cref="RandomizedSearch.ParseSpace"/> returns).</param>
    /// <param name="seed">Seed of every draw.</param>
    /// <param name="startupTrials">Random trials before the model is used (default 10).</param>
    /// <param name="candidates">Draws from l(x) compared per proposal (default 24).</param>
    /// <param name="gamma">Share of trials counted as good, in (0, 1) (default 0.1; at most 25 trials count as good, as Optuna).</param>
    public TpeSampler(IReadOnlyDictionary<string, ParameterDistribution> space, long seed = 0, int startupTrials = 10, int candidates = 24, double gamma = 0.1)
    {
        ArgumentNullException.ThrowIfNull(space);
        if (space.Count == 0) throw new InvalidHyperparameterException("space", "The search space is empty; give at least one parameter.");
        if (startupTrials < 1) throw new InvalidHyperparameterException("startup_trials", $"startup_trials must be at least 1; {startupTrials} was given.");
        if (candidates < 1) throw new InvalidHyperparameterException("candidates", $"candidates must be at least 1; {candidates} was given.");
        if (!(gamma > 0 && gamma < 1)) throw new InvalidHyperparameterException("gamma", $"gamma must be in (0, 1); {gamma} was given.");
        _space = space;
        _random = new RandomSource(seed);
        StartupTrials = startupTrials;
        Candidates = candidates;
        Gamma = gamma;
    }

    /// <summary>Random trials before proposals come from the model.</summary>
    public int StartupTrials { get; }

    /// <summary>Draws from l(x) compared per proposal.</summary>
    public int Candidates { get; }

    /// <summary>Share of trials counted as good.</summary>
    public double Gamma { get; }

    /// <summary>Number of trials told so far.</summary>
    public int Trials => _trials.Count;

    /// <summary>The next parameters to try (values as invariant text).</summary>
    public IReadOnlyDictionary<string, string> Next()
    {
        var next = new Dictionary<string, string>(StringComparer.Ordinal);
        if (_trials.Count < StartupTrials)
        {
            foreach (var (name, dist) in _space) next[name] = dist.Sample(_random);
            return next;
        }
        var order = Enumerable.Range(0, _trials.Count).OrderBy(i => _trials[i].Loss).ThenBy(i => i).ToArray();
        int good = Math.Clamp((int)Math.Ceiling(Gamma * _trials.Count), 1, 25);
        var goodSet = order.Take(good).ToArray();
        var badSet = order.Skip(good).ToArray();
        foreach (var (name, dist) in _space)
        {
            var goodValues = goodSet.Select(i => _trials[i].Parameters[name]).ToArray();
            var badValues = badSet.Select(i => _trials[i].Parameters[name]).ToArray();
            next[name] = dist.Choices is { } choices ? ProposeChoice(choices, goodValues, badValues) : ProposeNumber(dist, goodValues, badValues);
        }
        return next;
    }

    /// <summary>Records the result of a trial: lower loss is better (pass −score for a score to maximize).</summary>
    /// <exception cref="ArgumentException">A parameter of the space is missing.</exception>
    public void Tell(IReadOnlyDictionary<string, string> parameters, double loss)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        foreach (var name in _space.Keys)
            if (!parameters.ContainsKey(name)) throw new ArgumentException($"The trial has no value for '{name}'.", nameof(parameters));
        _trials.Add((new Dictionary<string, string>(parameters, StringComparer.Ordinal), double.IsNaN(loss) ? double.PositiveInfinity : loss));
    }

    private string ProposeChoice(IReadOnlyList<string> choices, string[] good, string[] bad)
    {
        int k = choices.Count;
        var l = new double[k];
        var g = new double[k];
        for (int c = 0; c < k; c++)
        {
            l[c] = 1 + good.Count(v => v == choices[c]);
            g[c] = 1 + bad.Count(v => v == choices[c]);
        }
        double lSum = l.Sum(), gSum = g.Sum();
        int best = -1;
        double bestScore = double.NegativeInfinity;
        for (int draw = 0; draw < Candidates; draw++)
        {
            double u = _random.NextDouble() * lSum;
            int c = 0;
            while (c < k - 1 && u >= l[c]) u -= l[c++];
            double score = Math.Log(l[c] / lSum) - Math.Log(g[c] / gSum);
            if (score > bestScore) { bestScore = score; best = c; }
        }
        return choices[best];
    }

    private string ProposeNumber(ParameterDistribution dist, string[] good, string[] bad)
    {
        double lo = dist.IsLog ? Math.Log(dist.Low) : dist.Low, hi = dist.IsLog ? Math.Log(dist.High) : dist.High;
        if (dist.IsInteger && !dist.IsLog) { lo -= 0.5; hi += 0.5; }
        if (hi <= lo) return Format(dist, dist.Low);
        double To(string v)
        {
            double d = double.Parse(v, NumberStyles.Float, CultureInfo.InvariantCulture);
            return dist.IsLog ? Math.Log(d) : d;
        }
        var lMix = Parzen(good.Select(To).ToArray(), lo, hi);
        var gMix = Parzen(bad.Select(To).ToArray(), lo, hi);
        double best = lo, bestScore = double.NegativeInfinity;
        for (int draw = 0; draw < Candidates; draw++)
        {
            double x = Draw(lMix, lo, hi);
            double score = LogDensity(lMix, x, lo, hi) - LogDensity(gMix, x, lo, hi);
            if (score > bestScore) { bestScore = score; best = x; }
        }
        return Format(dist, dist.IsLog ? Math.Exp(best) : best);
    }

    private static string Format(ParameterDistribution dist, double v)
    {
        v = Math.Clamp(v, dist.Low, dist.High);
        return dist.IsInteger
            ? Math.Clamp(Math.Round(v), dist.Low, dist.High).ToString(CultureInfo.InvariantCulture)
            : v.ToString("R", CultureInfo.InvariantCulture);
    }

    // One Gaussian per observation plus a prior centred on the range with its full width; each observation's width
    // is the larger gap to its sorted neighbours (the bounds count as neighbours), clipped to [range/min(100, n+1), range].
    private static (double[] Mu, double[] Sigma) Parzen(double[] values, double lo, double hi)
    {
        double range = hi - lo;
        var sorted = values.Order().ToArray();
        var mu = new double[sorted.Length + 1];
        var sigma = new double[sorted.Length + 1];
        double minSigma = range / Math.Min(100.0, sorted.Length + 1);
        for (int i = 0; i < sorted.Length; i++)
        {
            double left = i == 0 ? sorted[i] - lo : sorted[i] - sorted[i - 1];
            double right = i == sorted.Length - 1 ? hi - sorted[i] : sorted[i + 1] - sorted[i];
            mu[i] = sorted[i];
            sigma[i] = Math.Clamp(Math.Max(left, right), minSigma, range);
        }
        mu[^1] = 0.5 * (lo + hi);
        sigma[^1] = range;
        return (mu, sigma);
    }

    private double Draw((double[] Mu, double[] Sigma) mix, double lo, double hi)
    {
        int c = _random.NextInt(mix.Mu.Length);
        for (int attempt = 0; attempt < 100; attempt++)
        {
            double x = mix.Mu[c] + mix.Sigma[c] * _random.NextGaussian();
            if (x >= lo && x <= hi) return x;
        }
        return Math.Clamp(mix.Mu[c], lo, hi);
    }

    private static double LogDensity((double[] Mu, double[] Sigma) mix, double x, double lo, double hi)
    {
        double sum = 0;
        for (int c = 0; c < mix.Mu.Length; c++)
        {
            double s = mix.Sigma[c], z = (x - mix.Mu[c]) / s;
            double mass = NormalDistribution.Cdf((hi - mix.Mu[c]) / s) - NormalDistribution.Cdf((lo - mix.Mu[c]) / s);
            sum += Math.Exp(-0.5 * z * z) / (s * Math.Sqrt(2 * Math.PI) * Math.Max(mass, 1e-300));
        }
        return Math.Log(sum / mix.Mu.Length + 1e-300);
    }
}
