using System.Text.Json.Nodes;
using Fathom.Core;
using Fathom.Data;
using Fathom.Linear;
using Fathom.Numerics;
using Fathom.Persistence;

namespace Fathom.Preprocessing;

/// <summary>
/// A fitted <see cref="IterativeImputer"/>: the column means of the first fill and the sequence of per-column
/// regressions (scikit-learn's <c>imputation_sequence_</c>), replayed in order on new data. Immutable and thread-safe.
/// </summary>
public sealed class IterativeImputerModel : ITransformerModel
{
    private readonly string[] _names;
    private readonly ColumnKind[] _kinds;
    private readonly double[] _means;
    private readonly int[] _columns;
    private readonly IRegressionModel[] _models;

    internal IterativeImputerModel(IterativeImputer options, string[] names, ColumnKind[] kinds, double[] means, int[] columns, IRegressionModel[] models, int rounds)
    {
        Options = options;
        _names = names;
        _kinds = kinds;
        _means = means;
        _columns = columns;
        _models = models;
        Rounds = rounds;
    }

    /// <summary>The hyperparameters it was fitted with (after loading, without a custom estimator).</summary>
    public IterativeImputer Options { get; }

    /// <summary>Rounds run at fit (scikit-learn's <c>n_iter_</c>).</summary>
    public int Rounds { get; }

    /// <summary>Column means used for the first fill.</summary>
    public IReadOnlyList<double> InitialFill => _means;

    /// <summary>The imputed column of each regression, in the order they are applied.</summary>
    public IReadOnlyList<int> SequenceColumns => _columns;

    /// <inheritdoc/>
    public IReadOnlyList<string> FeatureNamesIn => _names;

    /// <inheritdoc/>
    public IReadOnlyList<string> FeatureNamesOut => _names;

    /// <inheritdoc/>
    public int FeatureCount => _names.Length;

    /// <inheritdoc/>
    public string ModelKind => "iterative-imputer";

    /// <summary>Fills missing cells: column means, then each stored regression in order. O(steps × n × p).</summary>
    /// <exception cref="InvalidInputException">A fitted column is missing or changed kind; an infinite value.</exception>
    public DataFrame Transform(DataFrame x)
    {
        var cols = NumericColumns.ReadTransform(x, _names, _kinds, "IterativeImputer", allowMissing: true);
        var missing = cols.Select(c => c.Select(double.IsNaN).ToArray()).ToArray();
        for (int j = 0; j < cols.Length; j++)
            for (int i = 0; i < cols[j].Length; i++) if (missing[j][i]) cols[j][i] = _means[j];
        for (int s = 0; s < _models.Length; s++)
            ImputeOne(_models[s], cols, missing[_columns[s]], _columns[s], Options.MinValue, Options.MaxValue);
        return NumericColumns.ToFrame(_names, cols);
    }

    /// <summary>Fits the estimator for column <paramref name="j"/> on the rows where it is present.</summary>
    internal static IRegressionModel FitOne(IRegressor estimator, double[][] filled, bool[] missing, int j, FitContext? context)
    {
        var rows = Enumerable.Range(0, missing.Length).Where(i => !missing[i]).ToArray();
        return estimator.Fit(Design(filled, rows, j), rows.Select(i => filled[j][i]).ToArray(), null, context);
    }

    /// <summary>Replaces the missing cells of column <paramref name="j"/> by the model's clipped predictions.</summary>
    internal static void ImputeOne(IRegressionModel model, double[][] filled, bool[] missing, int j, double lo, double hi)
    {
        var rows = Enumerable.Range(0, missing.Length).Where(i => missing[i]).ToArray();
        if (rows.Length == 0) return;
        var pred = model.Predict(Design(filled, rows, j));
        for (int r = 0; r < rows.Length; r++) filled[j][rows[r]] = Math.Clamp(pred[r], lo, hi);
    }

    private static Matrix Design(double[][] filled, int[] rows, int skip)
    {
        int p = filled.Length;
        var m = new Matrix(rows.Length, p - 1);
        for (int r = 0; r < rows.Length; r++)
            for (int j = 0, c = 0; j < p; j++)
                if (j != skip) m[r, c++] = filled[j][rows[r]];
        return m;
    }

    /// <inheritdoc/>
    public void WriteTo(ModelWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteHyperparameters(Options);
        FrameInput.WriteSchema(writer, _names, _kinds);
        writer.WriteDoubles("initial_fill", _means);
        writer.WriteInts("sequence_columns", _columns);
        writer.SetProperty("rounds", JsonValue.Create(Rounds));
        for (int s = 0; s < _models.Length; s++) writer.WriteModel("step" + s, _models[s]);
    }

    internal static IterativeImputerModel ReadFrom(ModelReader reader)
    {
        var options = reader.ReadHyperparameters<IterativeImputer>();
        var (names, kinds) = FrameInput.ReadSchema(reader);
        var means = reader.ReadDoubles("initial_fill", names.Length);
        var columns = reader.ReadInts("sequence_columns");
        if (columns.Any(j => j < 0 || j >= names.Length)) throw new ModelFormatException("The model file is damaged or was not written by Fathom: an imputed column out of range.");
        var models = new IRegressionModel[columns.Length];
        for (int s = 0; s < models.Length; s++) models[s] = reader.ReadModel<IRegressionModel>("step" + s);
        return new IterativeImputerModel(options, names, kinds, means, columns, models, reader.GetInt("rounds"));
    }
}
