namespace Fathom.Trees;

/// <summary>
/// The minimal cost-complexity pruning path of a tree (scikit-learn's <c>cost_complexity_pruning_path</c>): the
/// effective α at which each successively pruned subtree becomes optimal, starting at 0 (the full tree) and ending
/// with the α that prunes the tree down to its root, and the total leaf impurity of each subtree,
/// Σ over leaves of w_leaf · impurity_leaf / w_root.
/// </summary>
/// <param name="CcpAlphas">Effective alphas, non-decreasing, first 0. Pass one as <c>CcpAlpha</c> to get that subtree.</param>
/// <param name="Impurities">Total leaf impurity of the subtree at each alpha (same length).</param>
public sealed record PruningPath(IReadOnlyList<double> CcpAlphas, IReadOnlyList<double> Impurities);
