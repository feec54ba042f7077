using Fathom.Numerics;

namespace Fathom.LinearAlgebra;

/// <summary>Result of <see cref="LeastSquares.Solve(Matrix, Matrix, double?)"/>.</summary>
public sealed class LeastSquaresSolution
{
    internal LeastSquaresSolution(Matrix solution, int rank, double[] rss, bool usedSvd)
    {
        Solution = solution;
        Rank = rank;
        ResidualSumOfSquares = rss;
        UsedSvd = usedSvd;
    }

    /// <summary>X (n × k): column j minimizes ‖A·x − b_j‖ (and, among minimizers, ‖x‖ when A is rank deficient).</summary>
    public Matrix Solution { get; }

    /// <summary>Numerical rank of A found with the tolerance rcond·(largest |Rⱼⱼ| or singular value).</summary>
    public int Rank { get; }

    /// <summary>‖A·x_j − b_j‖² for each right-hand side j (always filled, unlike numpy's residuals).</summary>
    public double[] ResidualSumOfSquares { get; }

    /// <summary>True when A was rank deficient or wide and the SVD minimum-norm path was used instead of QR.</summary>
    public bool UsedSvd { get; }
}
