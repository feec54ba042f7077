using Fathom.Core;
using Fathom.Data;

namespace Fathom.Compose;

/// <summary>
/// Fits several transformers on the SAME input and concatenates their outputs side by side, like
/// scikit-learn's <c>FeatureUnion</c>: e.g. imputed values next to missing-value indicators,
/// <c>new FeatureUnion(("impute", new SimpleImputer()), ("missing", new MissingIndicator()))</c>. Output names
/// are <c>member__column</c> (scikit-learn's <c>get_feature_names_out</c>). The fitted union saves and loads as
/// one model. Fit and transform cost the sum of the members'.
/// </summary>
public sealed record FeatureUnion : ITransformer
{
    /// <summary>An empty union (fitting it is an error; set <see cref="Members"/>).</summary>
    public FeatureUnion() { }

    /// <summary>A union of named members.</summary>
    public FeatureUnion(params UnionMember[] members)
    {
        ArgumentNullException.ThrowIfNull(members);
        Members = members;
    }

    /// <summary>A union of (name, transformer) members.</summary>
    public FeatureUnion(params (string Name, ITransformer Transformer)[] members)
    {
        ArgumentNullException.ThrowIfNull(members);
        Members = members.Select(m => new UnionMember(m.Name, m.Transformer)).ToArray();
    }

    /// <summary>The members, in output order.</summary>
    public IReadOnlyList<UnionMember> Members { get; init; } = [];

    /// <summary>Missing values are accepted when every member accepts them.</summary>
    public EstimatorTags Tags => new()
    {
        SupportsSampleWeight = false,
        AllowsMissingValues = Members.Count > 0 && Members.All(m => m?.Transformer?.Tags.AllowsMissingValues ?? false),
        IsStochastic = Members.Any(m => m?.Transformer?.Tags.IsStochastic ?? false),
    };

    /// <summary>Fits every member on <paramref name="x"/>.</summary>
    /// <exception cref="InvalidHyperparameterException">No members; a null member; bad or repeated names.</exception>
    /// <exception cref="InvalidInputException">A member rejects the data.</exception>
    public FeatureUnionModel Fit(DataFrame x, FitContext? context = null)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (Members.Count == 0)
            throw new InvalidHyperparameterException("members", "FeatureUnion: there are no members; give at least one (name, transformer).");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var m in Members)
        {
            if (m?.Transformer is null)
                throw new InvalidHyperparameterException("members", "FeatureUnion: a member or its transformer is null.");
            if (string.IsNullOrEmpty(m.Name) || m.Name.Contains("__", StringComparison.Ordinal))
                throw new InvalidHyperparameterException("members", $"FeatureUnion: member name '{m.Name}' is not valid; names must be non-empty and must not contain '__'.");
            if (!seen.Add(m.Name))
                throw new InvalidHyperparameterException("members", $"FeatureUnion: member name '{m.Name}' is used twice; names must be unique.");
        }
        var models = new ITransformerModel[Members.Count];
        for (int k = 0; k < models.Length; k++)
        {
            context?.ThrowIfCancellationRequested();
            models[k] = Members[k].Transformer.Fit(x, context);
        }
        var used = models.SelectMany(m => m.FeatureNamesIn).ToHashSet(StringComparer.Ordinal);
        var inputs = x.Columns.Where(c => used.Contains(c.Name)).ToArray();
        return new FeatureUnionModel(Members.Select(m => m.Name).ToArray(), models,
            inputs.Select(c => c.Name).ToArray(), inputs.Select(c => c.Kind).ToArray());
    }

    ITransformerModel ITransformer.Fit(DataFrame x, FitContext? context) => Fit(x, context);
}
