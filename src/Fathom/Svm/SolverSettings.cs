using Fathom.Core;

namespace Fathom.Svm;

/// <summary>What every SMO run shares: tolerance, shrinking, cache budget (MB), iteration limit, fit context.</summary>
internal sealed record SolverSettings(double Tol, bool Shrinking, double CacheMegabytes, int MaxIter, FitContext? Context);
