using Fathom.Core;
using Fathom.Linear;
using Fathom.Numerics;

namespace Fathom.Svm;

/// <summary>The fit steps <see cref="SVC"/> and <see cref="NuSVC"/> share: checks, class weights, zero-weight
/// rows, one-vs-one training and (optionally) Platt scaling.</summary>
internal static class KernelClassifierTrainer
{
    /// <summary>Fits a kernel classifier; <paramref name="solvePair"/> solves one binary problem from (rows, ±1 labels, per-row bounds).</summary>
    public static SVCModel Fit(IClassifier parameters, string kind, string name, KernelSvmOptions options, ClassWeightMode classWeight,
        double scale, bool probability, int seed, SvmDecisionShape shape, Matrix x, ClassLabels y, double[]? sampleWeight, FitContext? context,
        Func<Matrix, double[], double[], KernelFunction, SolverSettings, SvmFormulations.Solution> solvePair)
    {
        ArgumentNullException.ThrowIfNull(y);
        KernelSvmOptions.CheckData(x, y.Count, sampleWeight, name);
        int k = y.ClassCount;
        if (k < 2)
            throw new InvalidInputException(
                $"{name}: the target has only one class ('{(k == 1 ? y.Classes[0] : "")}'); a classifier needs at least two classes in the training rows.");
        var kept = KernelSvmOptions.KeptRows(x.Rows, sampleWeight);
        var allCodes = y.Codes.ToArray();
        var codes = kept.Select(i => allCodes[i]).ToArray();
        var present = new bool[k];
        foreach (int code in codes) present[code] = true;
        for (int c = 0; c < k; c++)
            if (!present[c])
                throw new InvalidInputException(
                    $"{name}: class '{y.Classes[c]}' has no row with a positive sample weight; give it a positive weight or drop its rows.");
        var classW = new double[k];
        Array.Fill(classW, 1.0);
        if (classWeight == ClassWeightMode.Balanced)
        {
            var counts = y.ClassCounts();
            for (int c = 0; c < k; c++) classW[c] = counts[c] == 0 ? 0 : (double)y.Count / (k * counts[c]);
        }
        var bound = new double[kept.Length];
        for (int t = 0; t < kept.Length; t++)
            bound[t] = scale * classW[codes[t]] * (sampleWeight is null ? 1.0 : sampleWeight[kept[t]]);
        var xk = kept.Length == x.Rows ? x : x.SelectRows(kept);
        var kernel = options.Resolve(x, name); // gamma "scale" from all given rows, as scikit-learn
        var settings = options.Settings(context);
        var expansion = OneVsOne.Train(xk, codes, k, bound, kept, kernel, (sub, ys, cs) => solvePair(sub, ys, cs, kernel, settings), out var iterations);
        PlattScaling? platt = probability
            ? PlattScaling.Fit(xk, codes, k, bound, kernel, settings, seed, solvePair)
            : null;
        return new SVCModel(parameters, kind, y.Classes.ToArray(), y.Kind, expansion, shape, iterations, platt);
    }
}
