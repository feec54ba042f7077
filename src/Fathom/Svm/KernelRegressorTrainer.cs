using Fathom.Core;
using Fathom.Numerics;

namespace Fathom.Svm;

/// <summary>The fit steps <see cref="SVR"/> and <see cref="NuSVR"/> share.</summary>
internal static class KernelRegressorTrainer
{
    public static SVRModel Fit(IRegressor parameters, string kind, string name, KernelSvmOptions options, double c, Matrix x, double[] y,
        double[]? sampleWeight, FitContext? context, Func<Matrix, double[], double[], KernelFunction, SolverSettings, SvmFormulations.Solution> solve)
    {
        ArgumentNullException.ThrowIfNull(y);
        KernelSvmOptions.CheckData(x, y.Length, sampleWeight, name);
        for (int i = 0; i < y.Length; i++)
            if (!double.IsFinite(y[i]))
                throw new InvalidInputException($"{name}: the target of row {i} is {y[i]}; targets must be finite.", i);
        var kept = KernelSvmOptions.KeptRows(x.Rows, sampleWeight);
        var xk = kept.Length == x.Rows ? x : x.SelectRows(kept);
        var yk = kept.Select(i => y[i]).ToArray();
        var bound = kept.Select(i => c * (sampleWeight is null ? 1.0 : sampleWeight[i])).ToArray();
        var kernel = options.Resolve(x, name); // gamma "scale" from all given rows, as scikit-learn
        var sol = solve(xk, yk, bound, kernel, options.Settings(context));
        var sv = Enumerable.Range(0, kept.Length).Where(i => sol.Coef[i] != 0).ToArray();
        var dual = new Matrix(1, sv.Length);
        for (int t = 0; t < sv.Length; t++) dual[0, t] = sol.Coef[sv[t]];
        var state = new KernelExpansion(kernel, xk.SelectRows(sv), sv.Select(i => kept[i]).ToArray(), [sv.Length], dual, [-sol.Rho]);
        return new SVRModel(parameters, kind, state, sol.Iterations);
    }
}
