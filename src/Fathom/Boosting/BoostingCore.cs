using System.Globalization;
using Fathom.Core;
using Fathom.Numerics;

namespace Fathom.Boosting;

/// <summary>
/// The boosting loop shared by the classifier and the regressor (scikit-learn's <c>BaseHistGradientBoosting.fit</c>):
/// bin the features once, start from the loss's constant baseline, then per iteration compute the gradients and
/// hessians of every row and grow one tree per <see cref="IBoostingLoss.TreesPerIteration"/> on them, adding the
/// shrunk leaf values to the raw predictions. With early stopping, a stratified (classification) validation
/// fraction is held out and fitting stops when the validation loss has not improved by more than tol over the
/// last n_iter_no_change iterations.
/// </summary>
internal static class BoostingCore
{
    private const int Chunk = 8192;

    /// <summary>Runs the loop. <paramref name="y"/> holds targets or class codes; <paramref name="classes"/> is the
    /// class count for stratifying the validation split (0 for regression).</summary>
    public static BoostedEnsemble Fit(Matrix x, double[] y, double[]? weights, IBoostingLoss loss, BoostingSettings s,
        int classes, FitContext context, string who)
    {
        int threads = context.ThreadCount;
        int[]? trainRows = null;
        double[] yTrain = y;
        double[]? wTrain = weights;
        Matrix? xVal = null;
        double[]? yVal = null, wVal = null;
        if (s.EarlyStopping)
        {
            // The training rows are binned straight from x (no copy of them); only the validation rows are copied.
            var (train, val) = ValidationSplit(y, classes, s.ValidationFraction, s.Seed, who);
            trainRows = train;
            yTrain = train.Select(i => y[i]).ToArray();
            wTrain = weights is null ? null : train.Select(i => weights[i]).ToArray();
            xVal = x.SelectRows(val);
            yVal = val.Select(i => y[i]).ToArray();
            wVal = weights is null ? null : val.Select(i => weights[i]).ToArray();
        }
        int n = trainRows?.Length ?? x.Rows, p = x.Columns, K = loss.TreesPerIteration;
        long fitStart = System.Diagnostics.Stopwatch.GetTimestamp();
        long t0 = BoostingProfile.Start();
        var mapper = BinMapper.Fit(x, trainRows, s.MaxBins, s.Seed, threads, s.Categorical);
        BoostingProfile.Stop(BoostingProfile.Phase.BinFit, t0);
        t0 = BoostingProfile.Start();
        var binned = mapper.Transform(x, trainRows, threads);
        BoostingProfile.Stop(BoostingProfile.Phase.BinTransform, t0);
        var hasMissing = new bool[p];
        byte missingBin = (byte)mapper.MissingBin;
        for (int f = 0; f < p; f++)
            for (int i = 0; i < n && !hasMissing[f]; i++) hasMissing[f] = binned[BinMapper.Index(f, i, n)] == missingBin;
        var baseline = loss.Baseline(yTrain, wTrain);
        var raw = new double[K * n];
        for (int k = 0; k < K; k++) raw.AsSpan(k * n, n).Fill(baseline[k]);
        var gradient = new float[K * n];
        var hessian = new float[K * n];
        using var team = new WorkerTeam(threads);
        var grower = new TreeGrower(binned, n, mapper, hasMissing, s.Grower, team);
        var trees = new List<BoostedTree>();
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = threads, CancellationToken = context.CancellationToken };
        // Row and feature sampling draw from their own streams of the seed, in fitting order: the same seed gives
        // the same samples whatever the thread count.
        var seedSource = new RandomSource(s.Seed);
        var rowRandom = seedSource.Fork(1);
        var featureRandom = seedSource.Fork(2);
        var nodeRandom = s.Grower.MaxFeatures < 1 ? seedSource.Fork(3) : null;
        bool[]? inSample = s.Subsample < 1 ? new bool[n] : null;
        int[]? rowPerm = inSample is null ? null : Enumerable.Range(0, n).ToArray();
        int sampleSize = Math.Max(1, (int)Math.Round(s.Subsample * n));
        var allFeatures = Enumerable.Range(0, p).ToArray();
        int[]? featurePerm = s.ColsampleByTree < 1 ? (int[])allFeatures.Clone() : null;
        int treeFeatures = Math.Max(1, (int)Math.Round(s.ColsampleByTree * p));
        double[]? rawVal = null;
        var scores = new List<double>();
        if (xVal is not null)
        {
            rawVal = new double[K * xVal.Rows];
            for (int k = 0; k < K; k++) rawVal.AsSpan(k * xVal.Rows, xVal.Rows).Fill(baseline[k]);
            scores.Add(-loss.Loss(yVal!, rawVal, wVal));
        }
        int chunks = (n + Chunk - 1) / Chunk;
        for (int iter = 0; iter < s.MaxIter; iter++)
        {
            context.ThrowIfCancellationRequested();
            t0 = BoostingProfile.Start();
            team.For(chunks, c =>
                loss.GradientHessian(yTrain, raw, wTrain, gradient, hessian, c * Chunk, Math.Min(n, (c + 1) * Chunk)));
            BoostingProfile.Stop(BoostingProfile.Phase.Gradients, t0);
            if (inSample is not null)
            {
                Array.Clear(inSample);
                for (int j = 0; j < sampleSize; j++)
                {
                    int at = j + rowRandom.NextInt(n - j);
                    (rowPerm![j], rowPerm[at]) = (rowPerm[at], rowPerm[j]);
                    inSample[rowPerm[j]] = true;
                }
            }
            for (int k = 0; k < K; k++)
            {
                var features = allFeatures;
                if (featurePerm is not null && treeFeatures < p)
                {
                    for (int j = 0; j < treeFeatures; j++)
                    {
                        int at = j + featureRandom.NextInt(p - j);
                        (featurePerm[j], featurePerm[at]) = (featurePerm[at], featurePerm[j]);
                    }
                    features = featurePerm[..treeFeatures];
                    Array.Sort(features);
                }
                var update = loss.LeafUpdate(yTrain, raw, k * n, wTrain);
                trees.Add(grower.Grow(gradient, hessian, k * n, inSample, features, nodeRandom, raw.AsMemory(k * n, n), update));
            }
            string? message = null;
            if (xVal is not null)
            {
                int m = xVal.Rows;
                var added = trees.GetRange(trees.Count - K, K);
                Parallel.For(0, (m + Chunk - 1) / Chunk, parallel, c =>
                {
                    for (int i = c * Chunk, end = Math.Min(m, (c + 1) * Chunk); i < end; i++)
                    {
                        var row = xVal.Row(i);
                        for (int k = 0; k < K; k++) rawVal![k * m + i] += added[k].Predict(row);
                    }
                });
                scores.Add(-loss.Loss(yVal!, rawVal!, wVal));
                message = "validation loss " + (-scores[^1]).ToString("G6", CultureInfo.InvariantCulture);
            }
            context.Report("iterations", iter + 1, s.MaxIter, message);
            if (xVal is not null && ShouldStop(scores, s.NIterNoChange, s.Tol)) break;
        }
        BoostingProfile.Report(System.Diagnostics.Stopwatch.GetElapsedTime(fitStart).TotalSeconds);
        return new BoostedEnsemble(baseline, trees.ToArray(), K, p, scores.Count > 0 ? scores.ToArray() : null);
    }

    /// <summary>scikit-learn's rule: stop when none of the last n_iter_no_change scores beats the score
    /// n_iter_no_change + 1 positions back by more than tol (scores = −loss, higher is better).</summary>
    internal static bool ShouldStop(List<double> scores, int nIterNoChange, double tol)
    {
        int reference = nIterNoChange + 1;
        if (scores.Count < reference) return false;
        double threshold = scores[^reference] + tol;
        for (int j = scores.Count - nIterNoChange; j < scores.Count; j++)
            if (scores[j] > threshold) return false;
        return true;
    }

    /// <summary>A seeded split holding out <paramref name="fraction"/> of the rows (of each class when
    /// <paramref name="classes"/> &gt; 0); both index lists ascending.</summary>
    internal static (int[] Train, int[] Validation) ValidationSplit(double[] y, int classes, double fraction, int seed, string who)
    {
        int n = y.Length;
        var perm = new RandomSource(seed).Permutation(n);
        var isVal = new bool[n];
        if (classes > 0)
        {
            var count = new int[classes];
            foreach (double c in y) count[(int)c]++;
            var quota = count.Select(c => (int)Math.Round(fraction * c, MidpointRounding.AwayFromZero)).ToArray();
            foreach (int i in perm)
            {
                int c = (int)y[i];
                if (quota[c] > 0) { quota[c]--; isVal[i] = true; }
            }
        }
        else
        {
            int m = (int)Math.Ceiling(fraction * n);
            for (int j = 0; j < m; j++) isVal[perm[j]] = true;
        }
        var val = Enumerable.Range(0, n).Where(i => isVal[i]).ToArray();
        var train = Enumerable.Range(0, n).Where(i => !isVal[i]).ToArray();
        if (val.Length == 0 || train.Length == 0)
            throw new InvalidInputException(string.Create(CultureInfo.InvariantCulture,
                $"{who}: early stopping with validation_fraction = {fraction} leaves {train.Length} training and {val.Length} validation rows; use more rows or turn early_stopping off."));
        return (train, val);
    }
}
