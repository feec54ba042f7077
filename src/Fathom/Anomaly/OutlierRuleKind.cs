namespace Fathom.Anomaly;

/// <summary>A per-column rule of <see cref="OutlierRule"/>. Each gives a column's exceedance e; a value is flagged when e &gt; threshold.</summary>
public enum OutlierRuleKind
{
    /// <summary>Tukey's fences: e = (Q1 − x)/IQR below Q1, (x − Q3)/IQR above Q3, 0 between (numpy's linear quartiles);
    /// default threshold k = 1.5, i.e. flagged outside [Q1 − 1.5·IQR, Q3 + 1.5·IQR].</summary>
    Iqr,

    /// <summary>z-score: e = |x − mean| / std (population std, ddof = 0, as scipy.stats.zscore); default threshold 3.</summary>
    ZScore,

    /// <summary>Modified z-score (Iglewicz and Hoaglin): e = 0.6745·|x − median| / MAD with MAD = median |x − median|;
    /// default threshold 3.5.</summary>
    Mad,
}
