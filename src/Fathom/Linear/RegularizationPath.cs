using System.Collections.ObjectModel;
using Fathom.Numerics;

namespace Fathom.Linear;

/// <summary>
/// Coefficients along a descending grid of penalties, from <see cref="LassoPath"/> or <see cref="ElasticNetPath"/>
/// (scikit-learn's <c>lasso_path</c>/<c>enet_path</c>, with the intercept recovered from the centring).
/// </summary>
public sealed class RegularizationPath
{
    private readonly double[] _alphas;
    private readonly Matrix _coef;
    private readonly double[] _intercepts;
    private readonly double[] _gaps;
    private readonly int[] _iterations;

    internal RegularizationPath(double[] alphas, Matrix coefficients, double[] intercepts, double[] gaps, int[] iterations)
    {
        _alphas = alphas;
        _coef = coefficients;
        _intercepts = intercepts;
        _gaps = gaps;
        _iterations = iterations;
    }

    /// <summary>The penalties, in descending order.</summary>
    public IReadOnlyList<double> Alphas => new ReadOnlyCollection<double>(_alphas);

    /// <summary>Coefficients, one row per alpha (alphas × features), as a copy. scikit-learn returns the transpose.</summary>
    public Matrix Coefficients => _coef.Clone();

    /// <summary>Intercept at each alpha (zeros without an intercept).</summary>
    public IReadOnlyList<double> Intercepts => new ReadOnlyCollection<double>(_intercepts);

    /// <summary>Final duality gap at each alpha (scaled objective, see <see cref="SparseLinearModel.DualGap"/>).</summary>
    public IReadOnlyList<double> DualGaps => new ReadOnlyCollection<double>(_gaps);

    /// <summary>Coordinate-descent sweeps at each alpha.</summary>
    public IReadOnlyList<int> Iterations => new ReadOnlyCollection<int>(_iterations);
}
