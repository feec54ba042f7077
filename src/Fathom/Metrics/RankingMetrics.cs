using Fathom.Core;
using Fathom.Numerics;

namespace Fathom.Metrics;

/// <summary>
/// Ranking metrics over queries: each row of <c>relevance</c> holds the true relevance of a query's candidate
/// items (0 = irrelevant) and the same row of <c>scores</c> the model's scores; items are ranked by score,
/// highest first. DCG/NDCG follow scikit-learn's dcg_score/ndcg_score (log₂ discount, tied scores share the
/// average gain); mean average precision is scikit-learn's label_ranking_average_precision_score (ties ranked
/// pessimistically); MRR and precision/recall@k rank ties by item order. Each is O(q · m log m) for q queries of m items.
/// </summary>
public static class RankingMetrics
{
    /// <summary>Mean over queries of the discounted cumulative gain Σ_{r ≤ k} rel_r / log₂(r + 1) (k = all when null).</summary>
    public static double Dcg(Matrix relevance, Matrix scores, int? k = null) => Mean(relevance, scores, k, nameof(Dcg), (rel, sc, kk) => TieAveragedDcg(rel, sc, kk));

    /// <summary>Mean over queries of DCG / ideal DCG (the DCG of the best ordering); a query with no relevant item scores 0. Relevance must be non-negative.</summary>
    public static double Ndcg(Matrix relevance, Matrix scores, int? k = null)
    {
        for (int i = 0; i < relevance.Rows; i++)
            foreach (double v in relevance.Row(i))
                if (v < 0) throw new InvalidInputException($"{nameof(Ndcg)}: query {i} has a negative relevance {v}; NDCG needs non-negative relevance.", i);
        return Mean(relevance, scores, k, nameof(Ndcg), (rel, sc, kk) =>
        {
            double ideal = TieAveragedDcg(rel, rel, kk);
            return ideal == 0 ? 0 : TieAveragedDcg(rel, sc, kk) / ideal;
        });
    }

    /// <summary>
    /// Mean average precision over queries (label ranking average precision): for each relevant item j, the share
    /// of relevant items among those scored at least as high as j, averaged over relevant items; queries without a
    /// relevant item (or with all items relevant) score 1, as scikit-learn.
    /// </summary>
    public static double MeanAveragePrecision(Matrix relevance, Matrix scores) => Mean(relevance, scores, null, nameof(MeanAveragePrecision), (rel, sc, _) =>
    {
        int m = rel.Length, relevant = 0;
        for (int j = 0; j < m; j++) if (rel[j] > 0) relevant++;
        if (relevant == 0 || relevant == m) return 1;
        double sum = 0;
        for (int j = 0; j < m; j++)
        {
            if (rel[j] <= 0) continue;
            int atLeast = 0, relevantAtLeast = 0;
            for (int o = 0; o < m; o++)
                if (sc[o] >= sc[j]) { atLeast++; if (rel[o] > 0) relevantAtLeast++; }
            sum += (double)relevantAtLeast / atLeast;
        }
        return sum / relevant;
    });

    /// <summary>Mean reciprocal rank: mean over queries of 1 / rank of the first relevant item (0 when none is relevant).</summary>
    public static double MeanReciprocalRank(Matrix relevance, Matrix scores) => Mean(relevance, scores, null, nameof(MeanReciprocalRank), (rel, sc, _) =>
    {
        var order = Order(sc);
        for (int r = 0; r < order.Length; r++) if (rel[order[r]] > 0) return 1.0 / (r + 1);
        return 0;
    });

    /// <summary>Mean over queries of the share of relevant items among the top k.</summary>
    public static double PrecisionAtK(Matrix relevance, Matrix scores, int k) => Mean(relevance, scores, k, nameof(PrecisionAtK), (rel, sc, kk) =>
    {
        var order = Order(sc);
        int hits = 0;
        for (int r = 0; r < kk; r++) if (rel[order[r]] > 0) hits++;
        return (double)hits / kk;
    });

    /// <summary>Mean over queries of the share of a query's relevant items found in its top k (queries without relevant items score 0).</summary>
    public static double RecallAtK(Matrix relevance, Matrix scores, int k) => Mean(relevance, scores, k, nameof(RecallAtK), (rel, sc, kk) =>
    {
        var order = Order(sc);
        int hits = 0, relevant = 0;
        foreach (double v in rel) if (v > 0) relevant++;
        for (int r = 0; r < kk; r++) if (rel[order[r]] > 0) hits++;
        return relevant == 0 ? 0 : (double)hits / relevant;
    });

    // Items by decreasing score; equal scores keep item order.
    private static int[] Order(double[] scores) =>
        Enumerable.Range(0, scores.Length).OrderByDescending(j => scores[j]).ThenBy(j => j).ToArray();

    // DCG where each group of tied scores gets its average gain at every rank it occupies (scikit-learn's _tie_averaged_dcg).
    private static double TieAveragedDcg(double[] rel, double[] scores, int k)
    {
        var order = Order(scores);
        double dcg = 0;
        int start = 0;
        while (start < order.Length && start < k)
        {
            int end = start;
            double gain = 0;
            while (end < order.Length && scores[order[end]] == scores[order[start]]) gain += rel[order[end++]];
            gain /= end - start;
            for (int r = start; r < Math.Min(end, k); r++) dcg += gain / Math.Log2(r + 2);
            start = end;
        }
        return dcg;
    }

    private static double Mean(Matrix relevance, Matrix scores, int? k, string what, Func<double[], double[], int, double> perQuery)
    {
        ArgumentNullException.ThrowIfNull(relevance);
        ArgumentNullException.ThrowIfNull(scores);
        if (relevance.Rows != scores.Rows || relevance.Columns != scores.Columns)
            throw new InvalidInputException($"{what}: relevance is {relevance.Rows} x {relevance.Columns} but scores are {scores.Rows} x {scores.Columns}; they must match.");
        if (relevance.Rows == 0 || relevance.Columns < 2)
            throw new InvalidInputException($"{what}: needs at least one query with two or more items.");
        if (k is < 1) throw new InvalidHyperparameterException("k", $"{what}: k must be at least 1; {k} was given.");
        int kk = Math.Min(k ?? relevance.Columns, relevance.Columns);
        double sum = 0;
        for (int i = 0; i < relevance.Rows; i++)
        {
            var sc = scores.Row(i).ToArray();
            for (int j = 0; j < sc.Length; j++)
                if (!double.IsFinite(sc[j])) throw new InvalidInputException($"{what}: query {i}, item {j} has score {sc[j]}; scores must be finite.", i);
            sum += perQuery(relevance.Row(i).ToArray(), sc, kk);
        }
        return sum / relevance.Rows;
    }
}
