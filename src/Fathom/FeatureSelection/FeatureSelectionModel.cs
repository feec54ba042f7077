using Fathom.Core;
using Fathom.Data;
using Fathom.Persistence;
using Fathom.Preprocessing;

namespace Fathom.FeatureSelection;

/// <summary>
/// A fitted feature selector (any of this namespace's): which input columns are kept (<see cref="Support"/>),
/// with the statistics that decided it. Transform returns the kept columns unchanged (same names, kinds and
/// values), in input order. Immutable and thread-safe. Saved with the selection and statistics; a selector's
/// inner estimator (SelectFromModel, RFE) is not saved — the model does not need it to transform.
/// </summary>
public sealed class FeatureSelectionModel : ITransformerModel
{
    private readonly string[] _names;
    private readonly ColumnKind[] _kinds;
    private readonly bool[] _support;
    private readonly double[] _scores;
    private readonly double[] _pValues;
    private readonly int[] _ranking;
    private readonly string[] _namesOut;

    internal FeatureSelectionModel(string selector, object options, string[] names, ColumnKind[] kinds, bool[] support,
        double[]? scores = null, double[]? pValues = null, int[]? ranking = null, double threshold = double.NaN)
    {
        Selector = selector;
        Options = options;
        _names = names;
        _kinds = kinds;
        _support = support;
        _scores = scores ?? [];
        _pValues = pValues ?? [];
        _ranking = ranking ?? [];
        Threshold = threshold;
        _namesOut = names.Where((_, j) => support[j]).ToArray();
    }

    /// <summary>Which selector made it: variance-threshold, correlation-filter, select-k-best, select-percentile,
    /// select-from-model, rfe, rfecv or sequential.</summary>
    public string Selector { get; }

    /// <summary>The selector's hyperparameters (its estimator record; after loading, without any inner estimator).</summary>
    public object Options { get; }

    /// <summary>True for each kept input column (scikit-learn's <c>get_support()</c>).</summary>
    public IReadOnlyList<bool> Support => _support;

    /// <summary>The per-column statistic that decided the selection (variances, test scores, importances,
    /// largest absolute correlation with a kept column, the CV score when a column was added/removed by the
    /// sequential selector), or, for RFECV, the mean CV score per subset size from all columns down.</summary>
    public IReadOnlyList<double> Scores => _scores;

    /// <summary>P-values of the univariate test (SelectKBest/SelectPercentile), else empty.</summary>
    public IReadOnlyList<double> PValues => _pValues;

    /// <summary>RFE's ranking: 1 for kept columns, larger for columns eliminated earlier; else empty.</summary>
    public IReadOnlyList<int> Ranking => _ranking;

    /// <summary>The threshold a score had to pass (SelectFromModel, VarianceThreshold), else NaN.</summary>
    public double Threshold { get; }

    /// <inheritdoc/>
    public IReadOnlyList<string> FeatureNamesIn => _names;

    /// <inheritdoc/>
    public IReadOnlyList<string> FeatureNamesOut => _namesOut;

    /// <inheritdoc/>
    public int FeatureCount => _names.Length;

    /// <inheritdoc/>
    public string ModelKind => "feature-selection";

    /// <summary>The kept columns of <paramref name="x"/> (all fitted columns must be present, by name). O(n·k).</summary>
    /// <exception cref="InvalidInputException">A fitted column is missing or changed kind.</exception>
    public DataFrame Transform(DataFrame x)
    {
        var cols = FrameInput.Resolve(x, _names, _kinds, "FeatureSelection(" + Selector + ")");
        return new DataFrame(cols.Where((_, j) => _support[j]));
    }

    /// <inheritdoc/>
    public void WriteTo(ModelWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.SetProperty("selector", Selector);
        writer.WriteHyperparameters(Options);
        FrameInput.WriteSchema(writer, _names, _kinds);
        writer.WriteInts("support", _support.Select(b => b ? 1 : 0).ToArray());
        writer.WriteDoubles("scores", _scores);
        writer.WriteDoubles("p_values", _pValues);
        writer.WriteInts("ranking", _ranking);
        writer.WriteDoubles("threshold", [Threshold]);
    }

    internal static FeatureSelectionModel ReadFrom(ModelReader reader)
    {
        string selector = reader.GetString("selector") ?? "";
        object options = selector switch
        {
            "variance-threshold" => reader.ReadHyperparameters<VarianceThreshold>(),
            "correlation-filter" => reader.ReadHyperparameters<CorrelationFilter>(),
            "select-k-best" => reader.ReadHyperparameters<SelectKBest>(),
            "select-percentile" => reader.ReadHyperparameters<SelectPercentile>(),
            "select-from-model" => reader.ReadHyperparameters<SelectFromModel>(),
            "rfe" => reader.ReadHyperparameters<RFE>(),
            "rfecv" => reader.ReadHyperparameters<RFECV>(),
            "sequential" => reader.ReadHyperparameters<SequentialFeatureSelector>(),
            _ => throw new ModelFormatException($"The model file is damaged or was not written by Fathom: unknown feature selector '{selector}'."),
        };
        var (names, kinds) = FrameInput.ReadSchema(reader);
        var support = reader.ReadInts("support", names.Length).Select(v => v != 0).ToArray();
        return new FeatureSelectionModel(selector, options, names, kinds, support,
            reader.ReadDoubles("scores"), reader.ReadDoubles("p_values"), reader.ReadInts("ranking"), reader.ReadDoubles("threshold", 1)[0]);
    }
}
