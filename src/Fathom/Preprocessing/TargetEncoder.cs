using Fathom.Core;
using Fathom.Data;

namespace Fathom.Preprocessing;

/// <summary>
/// Encodes each categorical column by a shrunk mean of the target within each category, as scikit-learn 1.3's
/// <c>TargetEncoder</c> (binary and continuous targets). For a category with n_c rows, target mean ȳ_c and
/// within-category variance s²_c, with global mean ȳ and variance τ² (ddof 0):
/// <list type="bullet">
/// <item><see cref="Smooth"/> = m ≥ 0: <c>enc = (Σ_c y + m·ȳ) / (n_c + m)</c>;</item>
/// <item><see cref="Smooth"/> = null ("auto", the default, empirical Bayes): <c>λ = n_c·τ² / (n_c·τ² + s²_c)</c>,
/// <c>enc = λ·ȳ_c + (1 − λ)·ȳ</c> (ȳ when λ is undefined, e.g. a constant target).</item>
/// </list>
/// A binary target is read as 0/1 (the larger of its two values is 1), so ȳ_c is a shrunk positive rate.
/// Missing values form their own category; a category not seen at fit is encoded as ȳ.
/// <para><b>Leakage.</b> <see cref="Fit"/> learns the encodings on all rows — right for encoding NEW rows.
/// Encoding the training rows with them leaks each row's own target into its feature (a high-cardinality noise
/// column then looks predictive). <see cref="FitTransform"/> avoids that by cross fitting: the rows are split
/// into <see cref="Cv"/> folds (shuffled with <see cref="Seed"/>; stratified for a binary target) and each
/// fold is encoded with encodings learned on the other folds only — use its output to train the next model.
/// Fathom's shuffling is not NumPy's, so the fold assignment (not the method) differs from scikit-learn's.</para>
/// This estimator needs the target, so it is not an <see cref="ITransformer"/>; its fitted model is an
/// <see cref="ITransformerModel"/>. Fit is O(n·p).
/// </summary>
public sealed record TargetEncoder : IEstimator
{
    /// <summary>Shrinkage m toward the global mean; null (default) = "auto" (empirical Bayes).</summary>
    [Hyperparameter("Shrinkage toward the global target mean: a number m >= 0 (m pseudo-rows at the mean), or none for auto (empirical Bayes per category).", Min = 0, NullMeans = "auto")]
    public double? Smooth { get; init; }

    /// <summary>Binary or continuous target (default auto).</summary>
    [Hyperparameter("Target type: auto (binary when two distinct values), continuous or binary.")]
    public TargetType TargetType { get; init; } = TargetType.Auto;

    /// <summary>Folds of the cross fitting in <see cref="FitTransform"/> (default 5).</summary>
    [Hyperparameter("Number of folds of the cross fitting in fit_transform.", Min = 2)]
    public int Cv { get; init; } = 5;

    /// <summary>Seed of the fold shuffling (default 0).</summary>
    [Hyperparameter("Seed of the shuffling that assigns rows to cross-fitting folds.")]
    public int Seed { get; init; }

    /// <inheritdoc/>
    public EstimatorTags Tags { get; } = new() { SupportsSampleWeight = false, AllowsMissingValues = true, IsStochastic = true };

    /// <summary>Learns each category's encoding from all rows (for transforming NEW rows).</summary>
    /// <param name="x">Text, numeric or boolean columns to encode.</param>
    /// <param name="y">One finite target per row.</param>
    /// <param name="context">Only its log is used.</param>
    /// <exception cref="InvalidInputException">No rows or columns; a date column; a target of the wrong length,
    /// not finite, or not two-valued when binary is asked.</exception>
    public TargetEncoderModel Fit(DataFrame x, double[] y, FitContext? context = null)
    {
        var (names, kinds, maps, codes, t, binary) = Prepare(x, y);
        var all = Enumerable.Range(0, x.RowCount).ToArray();
        var (enc, mean) = Encodings(codes, maps, t, all);
        return new TargetEncoderModel(this, names, kinds, maps, enc, mean, binary);
    }

    /// <summary>Fits on all rows (the returned model) and returns the training rows encoded by cross fitting:
    /// each fold with encodings learned on the other folds (unseen there → that part's mean).</summary>
    /// <exception cref="InvalidInputException">As <see cref="Fit"/>; fewer rows than folds.</exception>
    public (TargetEncoderModel Model, DataFrame Encoded) FitTransform(DataFrame x, double[] y, FitContext? context = null)
    {
        var (names, kinds, maps, codes, t, binary) = Prepare(x, y);
        int n = x.RowCount;
        if (n < Cv)
            throw new InvalidInputException($"TargetEncoder: {n} rows cannot be split into cv = {Cv} folds; lower cv or give more rows.");
        var folds = AssignFolds(t, binary, n);
        var output = new double[names.Length][];
        for (int j = 0; j < output.Length; j++) output[j] = new double[n];
        for (int f = 0; f < Cv; f++)
        {
            context?.ThrowIfCancellationRequested();
            var train = Enumerable.Range(0, n).Where(i => folds[i] != f).ToArray();
            var (enc, mean) = Encodings(codes, maps, t, train);
            for (int i = 0; i < n; i++)
            {
                if (folds[i] != f) continue;
                for (int j = 0; j < output.Length; j++) output[j][i] = TargetEncoderModel.Encode(enc[j], mean, codes[j][i], maps[j].Categories.Length);
            }
        }
        var all = Enumerable.Range(0, n).ToArray();
        var (encAll, meanAll) = Encodings(codes, maps, t, all);
        var model = new TargetEncoderModel(this, names, kinds, maps, encAll, meanAll, binary);
        return (model, NumericColumns.ToFrame(names, output));
    }

    private int[] AssignFolds(double[] t, bool binary, int n)
    {
        var order = new RandomSource(Seed).Permutation(n);
        if (binary) order = order.OrderBy(i => t[i]).ToArray(); // stable: shuffled within each class
        var folds = new int[n];
        for (int r = 0; r < n; r++) folds[order[r]] = r % Cv;
        return folds;
    }

    private (string[], ColumnKind[], CategoryMap[], int[][], double[], bool) Prepare(DataFrame x, double[] y)
    {
        Hyperparameters.Validate(this);
        FrameInput.CheckFitFrame(x, nameof(TargetEncoder));
        ArgumentNullException.ThrowIfNull(y);
        int n = x.RowCount;
        if (y.Length != n)
            throw new InvalidInputException($"TargetEncoder: got {y.Length} targets for {n} rows; give one target per row.");
        for (int i = 0; i < n; i++)
            if (!double.IsFinite(y[i]))
                throw new InvalidInputException($"TargetEncoder: the target at row {i} is {y[i]}; drop rows whose target is missing first.", i);
        var distinct = y.Distinct().Order().ToArray();
        bool binary = TargetType switch
        {
            TargetType.Binary => true,
            TargetType.Continuous => false,
            _ => distinct.Length == 2,
        };
        if (binary && distinct.Length != 2)
            throw new InvalidInputException($"TargetEncoder: target_type = binary needs exactly two distinct target values, got {distinct.Length}; use continuous.");
        var t = binary ? y.Select(v => v == distinct[1] ? 1.0 : 0.0).ToArray() : (double[])y.Clone();
        var names = new string[x.ColumnCount];
        var kinds = new ColumnKind[x.ColumnCount];
        var maps = new CategoryMap[x.ColumnCount];
        var codes = new int[x.ColumnCount][];
        for (int j = 0; j < maps.Length; j++)
        {
            names[j] = x[j].Name;
            kinds[j] = x[j].Kind;
            maps[j] = CategoryMap.Learn(x[j], nameof(TargetEncoder));
            codes[j] = maps[j].Codes(x[j]);
        }
        return (names, kinds, maps, codes, t, binary);
    }

    /// <summary>Encodings of every category (index k = category k, index k_max = missing) from the given rows,
    /// and those rows' target mean.</summary>
    private (double[][] Encodings, double Mean) Encodings(int[][] codes, CategoryMap[] maps, double[] t, int[] rows)
    {
        double mean = 0;
        foreach (int i in rows) mean += t[i];
        mean /= rows.Length;
        double variance = 0;
        foreach (int i in rows) variance += (t[i] - mean) * (t[i] - mean);
        variance /= rows.Length;
        var result = new double[codes.Length][];
        for (int j = 0; j < codes.Length; j++)
        {
            int k = maps[j].Categories.Length + 1; // last slot: missing
            var sums = new double[k];
            var counts = new double[k];
            foreach (int i in rows)
            {
                int c = codes[j][i] == -2 ? k - 1 : codes[j][i];
                sums[c] += t[i];
                counts[c] += 1;
            }
            var enc = new double[k];
            if (Smooth is double m)
            {
                for (int c = 0; c < k; c++) enc[c] = counts[c] == 0 ? mean : (sums[c] + m * mean) / (counts[c] + m);
            }
            else
            {
                var squares = new double[k];
                foreach (int i in rows)
                {
                    int c = codes[j][i] == -2 ? k - 1 : codes[j][i];
                    double d = t[i] - sums[c] / counts[c];
                    squares[c] += d * d;
                }
                for (int c = 0; c < k; c++)
                {
                    if (counts[c] == 0) { enc[c] = mean; continue; }
                    double lambda = variance * counts[c] / (variance * counts[c] + squares[c] / counts[c]);
                    enc[c] = double.IsNaN(lambda) ? mean : lambda * (sums[c] / counts[c]) + (1 - lambda) * mean;
                }
            }
            result[j] = enc;
        }
        return (result, mean);
    }
}
