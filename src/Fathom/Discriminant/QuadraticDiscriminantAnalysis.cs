using System.Globalization;
using Fathom.Core;
using Fathom.LinearAlgebra;
using Fathom.Numerics;

namespace Fathom.Discriminant;

/// <summary>
/// Quadratic discriminant analysis, as scikit-learn's QuadraticDiscriminantAnalysis: every class c is a normal
/// density with its own mean μ_c and covariance Σ_c = R_c·diag(S_c)·R_cᵀ, taken from the SVD of the class's
/// centred rows (S_c = singular values² / (n_c − 1)), regularized as S_c ← (1 − reg_param)·S_c + reg_param. The
/// decision value is −½(‖(x − μ_c)·R_c·S_c^−½‖² + Σ log S_c) + log π_c; probabilities are its softmax.
/// </summary>
/// <remarks>
/// Sample weights are not supported (as in scikit-learn); they are ignored with a warning. Fit costs
/// O(n·p·min(n_c, p)); prediction O(n·p·r) per class with r = min(n_c, p).
/// </remarks>
public sealed record QuadraticDiscriminantAnalysis : IClassifier
{
    /// <summary>Regularization r in [0, 1]: the class variances become (1 − r)·S + r. Default 0.</summary>
    [Hyperparameter("regularization of the class covariances towards the identity: (1 - r) S + r", Min = 0, Max = 1)]
    public double RegParam { get; init; }

    /// <summary>True to keep each class's covariance (<see cref="QuadraticDiscriminantAnalysisModel.Covariance"/>). Default false.</summary>
    [Hyperparameter("store the covariance matrix of each class")]
    public bool StoreCovariance { get; init; }

    /// <summary>Singular values at or below tol count as zero for the collinearity warning. Default 1e-4.</summary>
    [Hyperparameter("threshold below which singular values count as zero (collinearity warning)", Min = 0)]
    public double Tol { get; init; } = 1e-4;

    /// <summary>
    /// Class priors in the order of the sorted classes, or null (default) for the class frequencies. Priors that do
    /// not sum to 1 are renormalized with a warning. Not a command-line parameter (it is a list).
    /// </summary>
    public IReadOnlyList<double>? Priors { get; init; }

    /// <summary>Tags: sample weights are not supported.</summary>
    public EstimatorTags Tags { get; } = new() { SupportsSampleWeight = false };

    /// <summary>Validates, then fits a new model.</summary>
    /// <param name="x">Features (n × p), finite.</param>
    /// <param name="y">Class labels; at least two classes, each with at least two rows.</param>
    /// <param name="sampleWeight">Ignored with a warning (not supported, as in scikit-learn).</param>
    /// <param name="context">Cancellation and warnings (the collinearity warning goes here).</param>
    /// <exception cref="InvalidHyperparameterException">Bad reg_param or priors.</exception>
    /// <exception cref="InvalidInputException">Empty data, NaN/infinity, one class, a class with one row, or (with
    /// reg_param = 0) a class whose covariance is singular, where the densities are undefined.</exception>
    public QuadraticDiscriminantAnalysisModel Fit(Matrix x, ClassLabels y, double[]? sampleWeight = null, FitContext? context = null)
    {
        const string name = nameof(QuadraticDiscriminantAnalysis);
        Hyperparameters.Validate(this);
        var (classes, rows) = DiscriminantFit.Group(x, y, sampleWeight, context, name);
        int p = x.Columns, k = classes.Length;
        var priors = DiscriminantFit.Priors(Priors, rows, x.Rows, context, name);
        var means = DiscriminantFit.ClassMeans(x, rows);
        var rotations = new Matrix[k];
        var scalings = new double[k][];
        var covariances = StoreCovariance ? new Matrix[k] : null;
        for (int c = 0; c < k; c++)
        {
            (context ?? FitContext.Default).ThrowIfCancellationRequested();
            int nc = rows[c].Length;
            if (nc == 1)
                throw new InvalidInputException($"{name}: class '{classes[c]}' has only one row, so its covariance is undefined; give at least two rows per class.");
            var xc = x.SelectRows(rows[c]);
            for (int i = 0; i < nc; i++)
            {
                var r = xc.Row(i);
                for (int j = 0; j < p; j++) r[j] -= means[c, j];
            }
            var svd = SingularValueDecomposition.Decompose(xc);
            var s = svd.SingularValues;
            int rank = s.Count(v => v > Tol);
            if (rank < p)
                (context ?? FitContext.Default).Warn($"{name}: variables are collinear in class '{classes[c]}' (rank {rank} of {p}).");
            var s2 = s.Select(v => (1 - RegParam) * (v * v / (nc - 1)) + RegParam).ToArray();
            if (s2.Any(v => !(v > 0)) || RegParam == 0 && (s2.Length < p || s2.Min() <= s2.Max() * 1e-14))
                throw new InvalidInputException(string.Create(CultureInfo.InvariantCulture,
                    $"{name}: the covariance of class '{classes[c]}' is singular (a constant or collinear feature within the class, or fewer rows than features); set reg_param > 0, e.g. 0.01, or remove the redundant features."));
            rotations[c] = svd.Vt!.Transpose();
            scalings[c] = s2;
            if (covariances is not null)
            {
                var vt = svd.Vt!;
                var scaled = vt.Clone();
                for (int r = 0; r < scaled.Rows; r++)
                    for (int j = 0; j < p; j++) scaled[r, j] *= s2[r];
                covariances[c] = MatrixOps.TransposeMultiply(scaled, vt);
            }
        }
        return new QuadraticDiscriminantAnalysisModel(this, classes, y.Kind, means, priors, rotations, scalings, covariances);
    }

    IClassificationModel IClassifier.Fit(Matrix x, ClassLabels y, double[]? sampleWeight, FitContext? context) =>
        Fit(x, y, sampleWeight, context);
}
