using System.Globalization;
using Fathom.Core;
using Fathom.Numerics;

namespace Fathom.Linear;

/// <summary>The fitting steps <see cref="SGDClassifier"/>, <see cref="Perceptron"/> and <see cref="SGDRegressor"/> share.</summary>
internal static class SgdFitting
{
    /// <summary>eta0 &gt; 0 for the constant, invscaling and adaptive schedules; alpha &gt; 0 for optimal (as scikit-learn).</summary>
    public static void CheckSchedule(string name, SgdLearningRate rate, double eta0, double alpha)
    {
        if (rate != SgdLearningRate.Optimal && !(eta0 > 0))
            throw new InvalidHyperparameterException("eta0",
                string.Create(CultureInfo.InvariantCulture,
                    $"{name}: eta0 = {eta0} is not valid; the {Hyperparameters.ToSnakeCase(rate.ToString())} learning rate needs eta0 in (0, ∞)."));
        if (rate == SgdLearningRate.Optimal && !(alpha > 0))
            throw new InvalidHyperparameterException("alpha",
                $"{name}: alpha = 0 is not valid with learning_rate = optimal, which divides by alpha; give alpha in (0, ∞) or another learning rate.");
    }

    /// <summary>Validates X, y and the weights; returns the classes that occur (sorted) and each row's index into them.</summary>
    public static (string[] Classes, int[] Codes) PresentClasses(Matrix x, ClassLabels y, double[]? sampleWeight, string name)
    {
        InputChecks.Features(x, name);
        ArgumentNullException.ThrowIfNull(y);
        if (y.Count != x.Rows)
            throw new InvalidInputException($"{name}: {y.Count} labels were given for {x.Rows} rows; give one label per row.");
        InputChecks.Weights(sampleWeight, x.Rows, name);
        return ClassCodes.Present(y, name);
    }

    /// <summary>The class list of a stream, without duplicates, numeric names ordered numerically, others ordinally.</summary>
    public static string[] OrderClasses(IReadOnlyList<string> classes, string name)
    {
        var distinct = classes.Distinct(StringComparer.Ordinal).ToArray();
        if (distinct.Length < 2)
            throw new InvalidInputException($"{name}: partial fit needs the list of all classes (at least two) on its first call.");
        bool numeric = distinct.All(c => double.TryParse(c, NumberStyles.Float, CultureInfo.InvariantCulture, out _));
        return numeric
            ? distinct.OrderBy(c => double.Parse(c, NumberStyles.Float, CultureInfo.InvariantCulture)).ToArray()
            : distinct.Order(StringComparer.Ordinal).ToArray();
    }

    /// <summary>Validates a chunk and maps its labels into the known class list.</summary>
    public static int[] ChunkCodes(Matrix x, ClassLabels y, double[]? sampleWeight, IReadOnlyList<string> classes, string name)
    {
        InputChecks.Features(x, name);
        ArgumentNullException.ThrowIfNull(y);
        if (y.Count != x.Rows)
            throw new InvalidInputException($"{name}: {y.Count} labels were given for {x.Rows} rows; give one label per row.");
        InputChecks.Weights(sampleWeight, x.Rows, name);
        var map = new int[y.ClassCount];
        for (int c = 0; c < map.Length; c++)
        {
            map[c] = -1;
            for (int k = 0; k < classes.Count; k++) if (classes[k] == y.Classes[c]) map[c] = k;
        }
        var codes = new int[x.Rows];
        var src = y.Codes;
        for (int i = 0; i < codes.Length; i++)
        {
            codes[i] = map[src[i]];
            if (codes[i] < 0)
                throw new InvalidInputException(
                    $"{name}: the label '{y.Classes[src[i]]}' of row {i} is not one of the classes given on the first call ({string.Join(", ", classes)}).", i);
        }
        return codes;
    }

    public static SgdLossKind Kind(SgdClassifierLoss loss) => loss switch
    {
        SgdClassifierLoss.Hinge or SgdClassifierLoss.Perceptron => SgdLossKind.Hinge,
        SgdClassifierLoss.LogLoss => SgdLossKind.Log,
        SgdClassifierLoss.ModifiedHuber => SgdLossKind.ModifiedHuber,
        _ => SgdLossKind.SquaredHinge,
    };

    public static SgdSettings Settings(SGDClassifier e) => e.Settings(Kind(e.Loss), e.Loss == SgdClassifierLoss.Perceptron ? 0.0 : 1.0);

    /// <summary>
    /// Runs one binary problem per coefficient row (one for two classes, else one per class against the rest) from
    /// <paramref name="start"/> (zeros when null) for up to <paramref name="maxIter"/> epochs.
    /// </summary>
    public static SGDClassifierModel TrainClassifier(SGDClassifier e, Matrix x, int[] codes, string[] classes, LabelKind kind,
        double[]? sampleWeight, SgdState[]? start, double t0, int maxIter, int seed, FitContext context)
    {
        int k = classes.Length, n = x.Rows;
        int rows = k == 2 ? 1 : k;
        var settings = Settings(e);
        var sw = sampleWeight ?? Enumerable.Repeat(1.0, n).ToArray();
        var classWeight = new double[k];
        Array.Fill(classWeight, 1.0);
        if (e.ClassWeight == ClassWeightMode.Balanced)
        {
            var counts = new int[k];
            foreach (int c in codes) counts[c]++;
            for (int c = 0; c < k; c++) classWeight[c] = counts[c] > 0 ? n / (double)(k * counts[c]) : 1.0;
        }
        var states = new SgdState[rows];
        var epochs = new int[rows];
        var root = new RandomSource(seed);
        var rngs = new RandomSource[rows];
        for (int r = 0; r < rows; r++)
        {
            states[r] = start?[r].Clone() ?? new SgdState(x.Columns);
            rngs[r] = root.Fork(r + (long)t0 * 7919);
        }
        Parallel.For(0, rows, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, context.ThreadCount) }, r =>
        {
            int positive = k == 2 ? 1 : r;
            var y = new double[n];
            for (int i = 0; i < n; i++) y[i] = codes[i] == positive ? 1.0 : -1.0;
            double pos = classWeight[positive], neg = k == 2 ? classWeight[0] : 1.0;
            epochs[r] = PlainSgd.Run(x, y, sw, settings, states[r], t0, pos, neg, maxIter, rngs[r], context.CancellationToken);
        });
        int nIter = epochs.Max();
        if (maxIter > 1 && e.Tol is not null && nIter == maxIter)
            context.Warn($"{nameof(SGDClassifier)}: the maximum number of epochs ({maxIter}) was reached before convergence; increase max_iter.");
        return new SGDClassifierModel(e, classes, kind, states, t0 + (double)nIter * n, nIter);
    }
}
