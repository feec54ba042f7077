namespace Fathom.Cli.Training;

/// <summary>One tried set of hyperparameters and its cross-validated score (mean and standard deviation over folds).</summary>
internal sealed record TuningCandidate(IReadOnlyDictionary<string, string> Parameters, double Mean, double Std);
