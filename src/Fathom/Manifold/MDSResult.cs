using Fathom.Numerics;

namespace Fathom.Manifold;

/// <summary>The outcome of <see cref="MDS.FitTransform(Matrix, Matrix?, Core.FitContext?)"/>. Immutable.</summary>
public sealed class MDSResult
{
    private readonly Matrix _embedding;

    internal MDSResult(Matrix embedding, double stress, int iterations)
    {
        _embedding = embedding;
        Stress = stress;
        IterationCount = iterations;
    }

    /// <summary>The embedding of the best start, rows × components, as a copy.</summary>
    public Matrix Embedding => _embedding.Clone();

    /// <summary>Raw stress ½·Σᵢⱼ (‖xᵢ − xⱼ‖ − δᵢⱼ)² of the best start (scikit-learn's <c>stress_</c>: evaluated at the
    /// start of its last iteration).</summary>
    public double Stress { get; }

    /// <summary>Iterations run by the best start (scikit-learn's <c>n_iter_</c>).</summary>
    public int IterationCount { get; }
}
