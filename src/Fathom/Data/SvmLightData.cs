using Fathom.Numerics;

namespace Fathom.Data;

/// <summary>The contents of an svmlight / libsvm file: the sparse feature matrix (one row per data line) and the
/// label of each row.</summary>
/// <param name="X">The features, rows × features, in CSR form (never densified).</param>
/// <param name="Labels">The label at the start of each data line (length X.Rows).</param>
public sealed record SvmLightData(SparseMatrix X, double[] Labels);
