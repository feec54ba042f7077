using Fathom.Core;
using Fathom.Data;

namespace Fathom.Preprocessing;

/// <summary>
/// Products of numeric columns up to a degree, like scikit-learn's <c>PolynomialFeatures</c>: the bias column
/// <c>1</c> (when <see cref="IncludeBias"/>), then every monomial of degree 1, 2, …, <see cref="Degree"/> in
/// scikit-learn's order (combinations with replacement of the column indices, lexicographic within a degree;
/// without repeated columns when <see cref="InteractionOnly"/>). Output names as scikit-learn's
/// <c>get_feature_names_out</c>: <c>1</c>, <c>a</c>, <c>a^2</c>, <c>a b</c>, <c>a^2 b</c>. NaN propagates.
/// Output width is C(p + d, d) with bias; transform is O(n · width).
/// </summary>
public sealed record PolynomialFeatures : ITransformer
{
    /// <summary>Highest total degree (default 2).</summary>
    [Hyperparameter("Highest total degree of the products.", Min = 0)]
    public int Degree { get; init; } = 2;

    /// <summary>Only products of distinct columns (no powers), default false.</summary>
    [Hyperparameter("Only products of distinct columns (x0·x1, never x0²).")]
    public bool InteractionOnly { get; init; }

    /// <summary>Include the constant column named "1" (default true).</summary>
    [Hyperparameter("Include the constant column '1' (degree 0).")]
    public bool IncludeBias { get; init; } = true;

    /// <inheritdoc/>
    public EstimatorTags Tags { get; } = new() { SupportsSampleWeight = false, AllowsMissingValues = true };

    /// <summary>Records the columns and lists the output monomials.</summary>
    /// <exception cref="InvalidHyperparameterException">degree 0 without the bias (no output).</exception>
    /// <exception cref="InvalidInputException">No rows or columns; a text or date column; an infinite value.</exception>
    public PolynomialFeaturesModel Fit(DataFrame x, FitContext? context = null)
    {
        Hyperparameters.Validate(this);
        if (Degree == 0 && !IncludeBias)
            throw new InvalidHyperparameterException("degree", "PolynomialFeatures: degree = 0 with include_bias = false produces no columns; raise degree or include the bias.");
        var (names, kinds, _) = NumericColumns.ReadFit(x, nameof(PolynomialFeatures), allowMissing: true);
        var combos = new List<int[]>();
        if (IncludeBias) combos.Add([]);
        for (int d = 1; d <= Degree; d++) Combine(names.Length, d, 0, [], combos);
        if (combos.Count > 100_000)
            throw new InvalidHyperparameterException("degree", $"PolynomialFeatures: degree = {Degree} on {names.Length} columns gives {combos.Count} output columns; lower the degree or select columns first.");
        return new PolynomialFeaturesModel(this, names, kinds, combos.ToArray());
    }

    private void Combine(int p, int left, int start, List<int> prefix, List<int[]> into)
    {
        if (left == 0) { into.Add(prefix.ToArray()); return; }
        for (int j = start; j < p; j++)
        {
            prefix.Add(j);
            Combine(p, left - 1, InteractionOnly ? j + 1 : j, prefix, into);
            prefix.RemoveAt(prefix.Count - 1);
        }
    }

    ITransformerModel ITransformer.Fit(DataFrame x, FitContext? context) => Fit(x, context);
}
