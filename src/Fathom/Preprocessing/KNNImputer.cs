using Fathom.Core;
using Fathom.Data;
using Fathom.Neighbors;

namespace Fathom.Preprocessing;

/// <summary>
/// Fills missing numeric values from the nearest training rows, like scikit-learn's <c>KNNImputer</c>. For each
/// missing cell (row r, column c), the donors are the training rows whose column c is present; the
/// <see cref="NNeighbors"/> nearest by the nan-Euclidean distance (Euclidean over the coordinates present in
/// both rows, scaled by p/|present|) give the value: their mean (<see cref="NeighborWeights.Uniform"/>) or
/// their 1/d-weighted mean (<see cref="NeighborWeights.Distance"/>; donors at distance 0 alone count when any
/// exist). When no donor shares a present coordinate with the row, the column's training mean is used. Ties
/// in distance are broken by training-row order.
/// <para>Difference from scikit-learn (1.2 default): a column with no value at fit is kept and filled with 0
/// (scikit-learn's <c>keep_empty_features = True</c>) instead of dropped, so column counts never change.</para>
/// The model keeps the training rows (like scikit-learn). Transform is O(m·n·p) for m rows with missing values.
/// </summary>
public sealed record KNNImputer : ITransformer
{
    /// <summary>Number of donors per missing cell (default 5).</summary>
    [Hyperparameter("Number of neighbouring training rows that donate a missing value.", Min = 1)]
    public int NNeighbors { get; init; } = 5;

    /// <summary>Donor weighting (default uniform).</summary>
    [Hyperparameter("Donor weighting: uniform (plain mean) or distance (1/d).")]
    public NeighborWeights Weights { get; init; } = NeighborWeights.Uniform;

    /// <inheritdoc/>
    public EstimatorTags Tags { get; } = new() { SupportsSampleWeight = false, AllowsMissingValues = true };

    /// <summary>Stores the training rows.</summary>
    /// <exception cref="InvalidInputException">No rows or columns; a text or date column; an infinite value.</exception>
    public KNNImputerModel Fit(DataFrame x, FitContext? context = null)
    {
        Hyperparameters.Validate(this);
        var (names, kinds, cols) = NumericColumns.ReadFit(x, nameof(KNNImputer), allowMissing: true);
        var m = new Numerics.Matrix(x.RowCount, names.Length);
        var means = new double[names.Length];
        for (int j = 0; j < names.Length; j++)
        {
            double s = 0;
            int c = 0;
            for (int i = 0; i < x.RowCount; i++)
            {
                m[i, j] = cols[j][i];
                if (!double.IsNaN(cols[j][i])) { s += cols[j][i]; c++; }
            }
            if (c == 0) context?.Warn($"KNNImputer: column '{names[j]}' has no values at fit; it is kept and filled with 0 (scikit-learn would drop it).");
            means[j] = c == 0 ? 0.0 : s / c;
        }
        return new KNNImputerModel(this, names, kinds, m, means);
    }

    ITransformerModel ITransformer.Fit(DataFrame x, FitContext? context) => Fit(x, context);
}
