using Fathom.Numerics;

namespace Fathom.Manifold;

/// <summary>The outcome of <see cref="TSNE.FitTransform(Matrix, Core.FitContext?)"/>: the embedding and how the
/// optimization ended. Immutable.</summary>
public sealed class TSNEResult
{
    private readonly Matrix _embedding;

    internal TSNEResult(Matrix embedding, double klDivergence, int iterations, double learningRate)
    {
        _embedding = embedding;
        KlDivergence = klDivergence;
        IterationCount = iterations;
        LearningRate = learningRate;
    }

    /// <summary>The embedding, rows × components, as a copy.</summary>
    public Matrix Embedding => _embedding.Clone();

    /// <summary>Kullback–Leibler divergence KL(P ‖ Q) = Σ pᵢⱼ·log(pᵢⱼ / qᵢⱼ) after optimization (scikit-learn's
    /// <c>kl_divergence_</c>): at the last iteration, or at the convergence check that stopped it.</summary>
    public double KlDivergence { get; }

    /// <summary>Index of the last iteration run (scikit-learn's <c>n_iter_</c>: n_iter − 1 when it ran to the end).</summary>
    public int IterationCount { get; }

    /// <summary>The learning rate used (resolved from 'auto' when <see cref="TSNE.LearningRate"/> is null).</summary>
    public double LearningRate { get; }
}
