namespace Fathom.Boosting;

/// <summary>Everything the boosting loop needs besides the data and the loss. <paramref name="Subsample"/> is the
/// fraction of rows drawn (without replacement) for each iteration's trees, <paramref name="ColsampleByTree"/> the
/// fraction of features drawn for each tree (1: all); <paramref name="Categorical"/> flags the categorical features.</summary>
internal sealed record BoostingSettings(int MaxIter, int MaxBins, GrowerSettings Grower, bool EarlyStopping,
    double ValidationFraction, int NIterNoChange, double Tol, int Seed, double Subsample = 1.0, double ColsampleByTree = 1.0,
    bool[]? Categorical = null);
