using Fathom.Core;
using Fathom.Data;

namespace Fathom.Cli.Training;

/// <summary>The target as class labels (classification) or numbers (regression).</summary>
internal sealed record TargetValues(ClassLabels? Labels, double[]? Values)
{
    public int Count => Labels?.Count ?? Values!.Length;

    public static TargetValues From(DataColumn column, TrainingTask task)
    {
        if (task == TrainingTask.Regression)
        {
            if (column is not NumericColumn n)
                throw new InvalidInputException($"The target '{column.Name}' is {column.Kind.ToString().ToLowerInvariant()}, so it cannot be predicted by a regressor; choose a classifier.", column: column.Name);
            return new TargetValues(null, n.ToArray());
        }
        var labels = column switch
        {
            TextColumn t => ClassLabels.FromStrings(t.Values.ToArray()),
            NumericColumn n => ClassLabels.FromDoubles(n.ToArray()),
            BoolColumn b => ClassLabels.FromBools(b.Values.ToArray().Select(v => v!.Value).ToArray()),
            _ => throw new InvalidInputException($"The target '{column.Name}' holds dates; a date cannot be a class label or a regression target here.", column: column.Name),
        };
        if (labels.ClassCount < 2)
            throw new InvalidInputException(
                $"The target '{column.Name}' has only one class ('{labels.Classes[0]}'); a classifier needs at least two classes.", column: column.Name);
        return new TargetValues(labels, null);
    }

    /// <summary>The target of evaluation data, encoded with the classes of a saved classifier (a value the
    /// model has never seen is an error naming its row).</summary>
    public static TargetValues FromForModel(DataColumn column, TrainingTask task, LoadedTableModel model)
    {
        if (task == TrainingTask.Regression || model.Final is not IClassificationModel c) return From(column, TrainingTask.Regression);
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int k = 0; k < c.Classes.Count; k++) index[c.Classes[k]] = k;
        var codes = new int[column.Length];
        for (int i = 0; i < codes.Length; i++)
        {
            string name = column switch
            {
                BoolColumn b => b[i] == true ? "True" : "False",
                _ => column.Format(i)!,
            };
            if (!index.TryGetValue(name, out codes[i]))
                throw new InvalidInputException(
                    $"Row {i + 1}: target value '{name}' is not a class the model knows ({string.Join(", ", c.Classes.Take(20))}).", i, column.Name);
        }
        return new TargetValues(ClassLabels.FromCodes(c.Classes, codes, c.LabelKind), null);
    }

    public TargetValues Take(int[] rows) =>
        Labels is not null ? new TargetValues(Labels.Subset(rows), null) : new TargetValues(null, rows.Select(i => Values![i]).ToArray());
}
