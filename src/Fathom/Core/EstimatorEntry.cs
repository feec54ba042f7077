namespace Fathom.Core;

/// <summary>One estimator known by name to the command line, the server and tuning.</summary>
/// <param name="Name">kebab-case name, e.g. <c>logistic-regression</c>.</param>
/// <param name="Task">What it does.</param>
/// <param name="EstimatorType">The estimator type (its hyperparameters are read from it).</param>
/// <param name="Create">Creates an estimator with default hyperparameters.</param>
/// <param name="Summary">One line for listings.</param>
public sealed record EstimatorEntry(string Name, EstimatorTask Task, Type EstimatorType, Func<IEstimator> Create, string Summary);
