namespace Fathom.Boosting;

/// <summary>Everything the boosting loop needs besides the data and the loss.</summary>
internal sealed record BoostingSettings(int MaxIter, int MaxBins, GrowerSettings Grower, bool EarlyStopping,
    double ValidationFraction, int NIterNoChange, double Tol, int Seed);
