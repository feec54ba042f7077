using Fathom.Core;

namespace Fathom.ModelSelection;

/// <summary>
/// A cross-validation strategy: turns a row count (and, where needed, class labels or groups) into folds.
/// Implementations are immutable records; the same settings and inputs always give the same folds.
/// </summary>
public interface ISplitter
{
    /// <summary>Makes the folds for <paramref name="rowCount"/> rows.</summary>
    /// <param name="rowCount">Number of rows in the data.</param>
    /// <param name="labels">Class labels (needed by stratified splitters, ignored by others).</param>
    /// <param name="groups">Group of each row (needed by group splitters, ignored by others); rows of a group
    /// never straddle train and test.</param>
    /// <returns>The folds, in order.</returns>
    /// <exception cref="InvalidHyperparameterException">Settings that cannot work for this data, e.g. more folds than rows.</exception>
    /// <exception cref="InvalidInputException">Missing or mismatched labels or groups.</exception>
    IReadOnlyList<Fold> Split(int rowCount, ClassLabels? labels = null, ClassLabels? groups = null);
}
