using System.Globalization;
using Fathom.Core;
using Fathom.Numerics;

namespace Fathom.Ensemble;

/// <summary>
/// What bagging shares between classification and regression: resolving max_samples / max_features, drawing each
/// member's rows and features from its own seed (the t-th fork of the ensemble's seed, so the ensemble does not depend
/// on the thread count), giving the member its own seed, and selecting columns.
/// </summary>
internal static class BaggingCore
{
    /// <summary>Rows per member: a value ≤ 1 is a fraction of n (⌊f·n⌋, at least 1), above 1 a whole row count ≤ n
    /// (scikit-learn's max_samples).</summary>
    internal static int SampleCount(double maxSamples, int n, string who)
    {
        if (maxSamples <= 1.0) return Math.Max(1, (int)(maxSamples * n));
        if (maxSamples != Math.Floor(maxSamples) || maxSamples > n)
            throw new InvalidHyperparameterException("max_samples",
                $"{who}: max_samples = {maxSamples.ToString(CultureInfo.InvariantCulture)} is not valid for {n} rows; give a fraction in (0, 1] or a whole row count from 2 to {n}.");
        return (int)maxSamples;
    }

    /// <summary>Features per member: a value ≤ 1 is a fraction of p (max(1, ⌊f·p⌋)), above 1 a whole count ≤ p.</summary>
    internal static int FeatureDraws(double maxFeatures, int p, string who)
    {
        if (maxFeatures <= 1.0) return Math.Max(1, (int)(maxFeatures * p));
        if (maxFeatures != Math.Floor(maxFeatures) || maxFeatures > p)
            throw new InvalidHyperparameterException("max_features",
                $"{who}: max_features = {maxFeatures.ToString(CultureInfo.InvariantCulture)} is not valid for {p} features; give a fraction in (0, 1] or a whole count from 2 to {p}.");
        return (int)maxFeatures;
    }

    /// <summary>One member's draws: per-row counts (with replacement when <paramref name="bootstrap"/>, else a subset,
    /// counts 0/1), its features (sorted; with replacement when <paramref name="bootstrapFeatures"/>) and a seed for
    /// the member itself.</summary>
    internal static (int[] Counts, int[] Features, int Seed) Draw(long seed, int n, int draws, bool bootstrap, int p,
        int featureDraws, bool bootstrapFeatures)
    {
        var rng = new RandomSource(seed);
        int memberSeed = rng.NextInt(int.MaxValue);
        int[] features;
        if (bootstrapFeatures)
        {
            features = new int[featureDraws];
            for (int j = 0; j < featureDraws; j++) features[j] = rng.NextInt(p);
            Array.Sort(features);
        }
        else features = featureDraws == p ? Enumerable.Range(0, p).ToArray() : Subset(rng, p, featureDraws);
        var counts = new int[n];
        if (bootstrap)
            for (int i = 0; i < draws; i++) counts[rng.NextInt(n)]++;
        else if (draws == n) Array.Fill(counts, 1);
        else
            foreach (int i in Subset(rng, n, draws)) counts[i] = 1;
        return (counts, features, memberSeed);
    }

    /// <summary>k distinct indices of 0..n−1 (partial Fisher–Yates), sorted.</summary>
    private static int[] Subset(RandomSource rng, int n, int k)
    {
        var perm = Enumerable.Range(0, n).ToArray();
        for (int i = 0; i < k; i++)
        {
            int j = i + rng.NextInt(n - i);
            (perm[i], perm[j]) = (perm[j], perm[i]);
        }
        var r = perm.AsSpan(0, k).ToArray();
        Array.Sort(r);
        return r;
    }

    /// <summary>The estimator with its <c>seed</c> hyperparameter set (unchanged when it has none).</summary>
    internal static T WithSeed<T>(T estimator, int seed) where T : class =>
        Hyperparameters.Describe(estimator.GetType()).Any(h => h.Key == "seed")
            ? Hyperparameters.With(estimator, [new KeyValuePair<string, string>("seed", seed.ToString(CultureInfo.InvariantCulture))])
            : estimator;

    /// <summary>The columns <paramref name="features"/> of <paramref name="x"/> (x itself when they are all, in order).</summary>
    internal static Matrix Columns(Matrix x, int[] features)
    {
        if (features.Length == x.Columns && features.Select((f, j) => f == j).All(b => b)) return x;
        var r = new Matrix(x.Rows, features.Length);
        for (int i = 0; i < x.Rows; i++)
        {
            var src = x.Row(i);
            var dst = r.Row(i);
            for (int j = 0; j < features.Length; j++) dst[j] = src[features[j]];
        }
        return r;
    }

    /// <summary>The rows with a positive count (each once) — for members that take no sample weights, rows drawn c
    /// times are repeated c times.</summary>
    internal static int[] RepeatedRows(int[] counts)
    {
        var rows = new List<int>();
        for (int i = 0; i < counts.Length; i++)
            for (int c = 0; c < counts[i]; c++) rows.Add(i);
        return rows.ToArray();
    }

    /// <summary>Rows of x (with repeats).</summary>
    internal static Matrix Rows(Matrix x, int[] rows)
    {
        var r = new Matrix(rows.Length, x.Columns);
        for (int i = 0; i < rows.Length; i++) x.Row(rows[i]).CopyTo(r.Row(i));
        return r;
    }

    /// <summary>Fits the members in parallel (up to the context's thread count); member t gets the t-th seed.</summary>
    internal static TModel[] FitAll<TModel>(int members, long[] seeds, Func<int, long, TModel> fit, FitContext context)
    {
        var result = new TModel[members];
        int done = 0;
        var options = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, context.ThreadCount), CancellationToken = context.CancellationToken };
        Parallel.For(0, members, options, t =>
        {
            result[t] = fit(t, seeds[t]);
            context.Report("estimators", Interlocked.Increment(ref done), members);
        });
        return result;
    }

    /// <summary>Writes the members as nested models "estimator0", "estimator1", … with their feature lists.</summary>
    internal static void WriteMembers(Persistence.ModelWriter writer, IReadOnlyList<IModel> members, int[][] features)
    {
        writer.SetProperty("estimator_count", members.Count);
        writer.WriteInts("feature_counts", features.Select(f => f.Length).ToArray());
        writer.WriteInts("features", features.SelectMany(f => f).ToArray());
        for (int t = 0; t < members.Count; t++) writer.WriteModel("estimator" + t.ToString(CultureInfo.InvariantCulture), members[t]);
    }

    /// <summary>Reads what <see cref="WriteMembers"/> wrote, checking each member's type and feature list.</summary>
    internal static (T[] Members, int[][] Features) ReadMembers<T>(Persistence.ModelReader reader, int featureCount, string what) where T : class, IModel
    {
        int count = reader.GetInt("estimator_count");
        if (count < 1) throw new ModelFormatException($"The model file is damaged: {what} without members.");
        var sizes = reader.ReadInts("feature_counts", count);
        var flat = reader.ReadInts("features", sizes.Sum());
        var members = new T[count];
        var features = new int[count][];
        int offset = 0;
        for (int t = 0; t < count; t++)
        {
            features[t] = flat.AsSpan(offset, sizes[t]).ToArray();
            offset += sizes[t];
            if (features[t].Any(f => f < 0 || f >= featureCount))
                throw new ModelFormatException($"The model file is damaged: a member of {what} uses a feature outside the input.");
            members[t] = reader.ReadModel("estimator" + t.ToString(CultureInfo.InvariantCulture)) as T
                ?? throw new ModelFormatException($"The model file is damaged: a member of {what} has the wrong kind.");
            if (members[t].FeatureCount != features[t].Length)
                throw new ModelFormatException($"The model file is damaged: a member of {what} expects another feature count.");
        }
        return (members, features);
    }
}
