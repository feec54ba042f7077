namespace Fathom.Core;

/// <summary>The kind of job an estimator does.</summary>
public enum EstimatorTask
{
    /// <summary>Predicts a class.</summary>
    Classification,

    /// <summary>Predicts a number.</summary>
    Regression,

    /// <summary>Groups rows without labels.</summary>
    Clustering,

    /// <summary>Transforms features.</summary>
    Transform,

    /// <summary>Scores rows by how unusual they are and flags outliers.</summary>
    OutlierDetection,
}
