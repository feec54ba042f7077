using System.Collections.ObjectModel;
using Fathom.Core;
using Fathom.Numerics;
using Fathom.Persistence;

namespace Fathom.Linear;

/// <summary>
/// What <see cref="LassoCV"/> and <see cref="ElasticNetCV"/> learn: the chosen <see cref="Alpha"/>, the error path
/// over the grid and folds, and the sparse model refitted on all rows. Immutable and thread-safe.
/// </summary>
public abstract class SparseLinearCVModel : IRegressionModel
{
    private readonly SparseCVResult _r;
    private readonly object _parameters;

    private protected SparseLinearCVModel(object parameters, SparseCVResult result)
    {
        _parameters = parameters;
        _r = result;
    }

    internal SparseCVResult Result => _r;

    /// <summary>The chosen penalty (scikit-learn's <c>alpha_</c>).</summary>
    public double Alpha => _r.Alpha;

    /// <summary>The alpha grid, descending (scikit-learn's <c>alphas_</c>).</summary>
    public IReadOnlyList<double> Alphas => new ReadOnlyCollection<double>(_r.Alphas);

    /// <summary>Mean squared error on the held-out rows, alphas × folds, as a copy (scikit-learn's <c>mse_path_</c>).</summary>
    public Matrix MsePath => _r.MsePath.Clone();

    /// <summary>One coefficient per feature of the refitted model; exact zeros for dropped features.</summary>
    public IReadOnlyList<double> Coefficients => new ReadOnlyCollection<double>(_r.Coefficients);

    /// <summary>The intercept of the refitted model.</summary>
    public double Intercept => _r.Intercept;

    /// <summary>Coordinate-descent sweeps of the refit.</summary>
    public int Iterations => _r.Iterations;

    /// <summary>Final duality gap of the refit (scaled objective).</summary>
    public double DualGap => _r.DualGap;

    /// <summary>True when the refit met its tolerance.</summary>
    public bool Converged => _r.Converged;

    /// <inheritdoc/>
    public int FeatureCount => _r.Coefficients.Length;

    /// <inheritdoc/>
    public abstract string ModelKind { get; }

    /// <summary>Predicted target of each row, x·β + β₀. O(n·p).</summary>
    /// <exception cref="InvalidInputException">Wrong feature count or non-finite values.</exception>
    public double[] Predict(Matrix x) => LinearPrediction.Predict(x, _r.Coefficients, _r.Intercept, GetType().Name);

    /// <inheritdoc/>
    public void WriteTo(ModelWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteHyperparameters(_parameters);
        SparseCV.Write(writer, _r);
    }
}
