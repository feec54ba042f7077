using System.Globalization;
using Fathom.Core;
using Fathom.Numerics;
using Fathom.Persistence;

namespace Fathom.Ensemble;

/// <summary>Helpers the voting and stacking ensembles share: default members, combined tags, class maps and saving
/// named members as nested models.</summary>
internal static class EnsembleMembers
{
    /// <summary>Default classifiers when none are given: logistic regression, Gaussian naive Bayes and a depth-5 tree.</summary>
    internal static IReadOnlyList<(string Name, IClassifier Estimator)> DefaultClassifiers { get; } =
    [
        ("logistic_regression", new Linear.LogisticRegression()),
        ("gaussian_nb", new NaiveBayes.GaussianNB()),
        ("decision_tree", new Trees.DecisionTreeClassifier { MaxDepth = 5 }),
    ];

    /// <summary>Default regressors when none are given: ridge, a depth-5 tree and a 50-tree random forest (all take
    /// sample weights).</summary>
    internal static IReadOnlyList<(string Name, IRegressor Estimator)> DefaultRegressors { get; } =
    [
        ("ridge", new Linear.Ridge()),
        ("decision_tree", new Trees.DecisionTreeRegressor { MaxDepth = 5 }),
        ("random_forest", new RandomForestRegressor { NEstimators = 50 }),
    ];

    /// <summary>Tags of an ensemble of <paramref name="members"/>: weights and missing values only if all accept them,
    /// scale-invariant only if all are, stochastic (or needing non-negative features) if any is.</summary>
    internal static EstimatorTags Combine(IEnumerable<IEstimator> members)
    {
        var tags = members.Select(m => m.Tags).ToArray();
        return new EstimatorTags
        {
            SupportsSampleWeight = tags.All(t => t.SupportsSampleWeight),
            AllowsMissingValues = tags.All(t => t.AllowsMissingValues),
            IsScaleInvariant = tags.All(t => t.IsScaleInvariant),
            IsStochastic = tags.Any(t => t.IsStochastic),
            RequiresNonNegativeFeatures = tags.Any(t => t.RequiresNonNegativeFeatures),
        };
    }

    /// <summary>Checks the member list: at least one, distinct non-empty names, weights (if any) one per member, finite, ≥ 0, not all 0.</summary>
    internal static void Check<T>(IReadOnlyList<(string Name, T Estimator)> members, IReadOnlyList<double>? weights, string who)
    {
        if (members.Count == 0)
            throw new InvalidHyperparameterException("estimators", $"{who}: give at least one estimator.");
        if (members.Any(m => string.IsNullOrWhiteSpace(m.Name) || m.Estimator is null))
            throw new InvalidHyperparameterException("estimators", $"{who}: every estimator needs a name and an estimator.");
        if (members.Select(m => m.Name).Distinct(StringComparer.Ordinal).Count() != members.Count)
            throw new InvalidHyperparameterException("estimators", $"{who}: estimator names must be distinct.");
        if (weights is null) return;
        if (weights.Count != members.Count)
            throw new InvalidHyperparameterException("weights", $"{who}: {weights.Count} weights were given for {members.Count} estimators; give one per estimator.");
        if (weights.Any(w => !double.IsFinite(w) || w < 0) || !(weights.Sum() > 0))
            throw new InvalidHyperparameterException("weights", $"{who}: weights must be finite, non-negative and not all zero.");
    }

    /// <summary>For each member, the ensemble index of each of its classes.</summary>
    internal static int[][] ClassMaps(IReadOnlyList<IClassificationModel> members, string[] classes)
    {
        var maps = members.Select(m => m.Classes.Select(c => Array.IndexOf(classes, c)).ToArray()).ToArray();
        if (maps.Any(map => map.Any(i => i < 0)))
            throw new ModelFormatException("The model file is damaged: an ensemble member predicts a class the ensemble does not know.");
        return maps;
    }

    /// <summary>The member's probabilities in the ensemble's class order (0 for classes it never saw).</summary>
    internal static Matrix Proba(IClassificationModel member, int[] map, Matrix x, int k)
    {
        var raw = member.PredictProba(x);
        var p = new Matrix(x.Rows, k);
        for (int i = 0; i < x.Rows; i++)
            for (int c = 0; c < map.Length; c++) p[i, map[c]] = raw[i, c];
        return p;
    }

    /// <summary>Writes named members as nested models "estimator0", "estimator1", …</summary>
    internal static void Write(ModelWriter writer, IReadOnlyList<string> names, IReadOnlyList<IModel> members)
    {
        writer.WriteStrings("estimator_names", names.ToArray());
        for (int t = 0; t < members.Count; t++) writer.WriteModel("estimator" + t.ToString(CultureInfo.InvariantCulture), members[t]);
    }

    /// <summary>Reads what <see cref="Write"/> wrote; every member must be a <typeparamref name="T"/> of the given feature count.</summary>
    internal static (string[] Names, T[] Members) Read<T>(ModelReader reader, int featureCount, string what) where T : class, IModel
    {
        var names = reader.ReadStrings("estimator_names");
        if (names.Length == 0 || names.Any(n => n is null)) throw new ModelFormatException($"The model file is damaged: {what} without named members.");
        var members = new T[names.Length];
        for (int t = 0; t < names.Length; t++)
        {
            members[t] = reader.ReadModel("estimator" + t.ToString(CultureInfo.InvariantCulture)) as T
                ?? throw new ModelFormatException($"The model file is damaged: member '{names[t]}' of {what} has the wrong kind.");
            if (members[t].FeatureCount != featureCount)
                throw new ModelFormatException($"The model file is damaged: member '{names[t]}' of {what} expects another feature count.");
        }
        return (names.Select(n => n!).ToArray(), members);
    }
}
