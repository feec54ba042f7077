namespace Fathom.Svm;

/// <summary>
/// The Q matrix of an SVM dual, Q_ij = y_i y_j K(x_i, x_j), served row by row (rows are computed on demand and
/// cached), with its diagonal and the index swaps the solver's shrinking needs.
/// </summary>
internal abstract class QMatrix : IDisposable
{
    /// <summary>The diagonal Q_ii, in the solver's current order.</summary>
    public abstract double[] Diagonal { get; }

    /// <summary>Row i of Q; its first <paramref name="len"/> entries are valid until the next call that may evict.</summary>
    public abstract double[] GetRow(int i, int len);

    /// <summary>Swaps variables i and j.</summary>
    public abstract void Swap(int i, int j);

    /// <summary>Releases the cache.</summary>
    public abstract void Dispose();
}
