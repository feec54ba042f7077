using System.Collections.ObjectModel;
using System.Globalization;
using System.Numerics.Tensors;
using Fathom.Core;
using Fathom.Data;
using Fathom.Numerics;
using Fathom.Persistence;
using Fathom.Preprocessing;

namespace Fathom.Decomposition;

/// <summary>
/// What <see cref="PCAModel"/> and <see cref="IncrementalPCAModel"/> share: the fitted input schema (columns found by
/// name), the output names <c>PREFIX0, PREFIX1, …</c>, read-only views of the fitted arrays, the projection
/// <c>Z = (X − Mean)·Componentsᵀ</c> (÷ √ExplainedVariance when whitened) and its inverse, and the head of the saved
/// model (hyperparameters, schema, components checked against the schema). Holds the fitted arrays without copying
/// them and never writes to them: immutable and thread-safe.
/// </summary>
internal sealed class PcaProjection
{
    private readonly double[] _mean;
    private readonly double[] _explainedVariance;
    private readonly double[] _explainedVarianceRatio;
    private readonly double[] _singularValues;
    private readonly double[]? _scale;
    private readonly string _who;

    /// <param name="who">Estimator name used in messages ("PCA", "IncrementalPCA"); the model is <c>who + "Model"</c>.</param>
    /// <param name="outPrefix">Prefix of the output column names ("pca", "incrementalpca").</param>
    /// <param name="names">Fitted input column names.</param>
    /// <param name="kinds">Fitted input column kinds.</param>
    /// <param name="mean">Column means, one per input column.</param>
    /// <param name="components">Principal axes, components × input columns.</param>
    /// <param name="explainedVariance">Variance along each component.</param>
    /// <param name="explainedVarianceRatio">Share of the total variance along each component.</param>
    /// <param name="singularValues">Singular values of the centred data for the kept components.</param>
    /// <param name="whiten">Divide the projections by √ExplainedVariance.</param>
    internal PcaProjection(string who, string outPrefix, string[] names, ColumnKind[] kinds, double[] mean, Matrix components,
        double[] explainedVariance, double[] explainedVarianceRatio, double[] singularValues, bool whiten)
    {
        _who = who;
        Names = names;
        Kinds = kinds;
        _mean = mean;
        ComponentsMatrix = components;
        _explainedVariance = explainedVariance;
        _explainedVarianceRatio = explainedVarianceRatio;
        _singularValues = singularValues;
        _scale = whiten ? explainedVariance.Select(Math.Sqrt).ToArray() : null;
        OutNames = Enumerable.Range(0, components.Rows).Select(i => outPrefix + i.ToString(CultureInfo.InvariantCulture)).ToArray();
    }

    /// <summary>Fitted input column names (not copied).</summary>
    internal string[] Names { get; }

    /// <summary>Fitted input column kinds (not copied).</summary>
    internal ColumnKind[] Kinds { get; }

    /// <summary>Output column names <c>PREFIX0, PREFIX1, …</c>.</summary>
    internal string[] OutNames { get; }

    /// <summary>The fitted principal axes (not copied: callers hand out clones).</summary>
    internal Matrix ComponentsMatrix { get; }

    /// <summary>Number of input columns.</summary>
    internal int FeatureCount => Names.Length;

    /// <summary>Number of components kept.</summary>
    internal int ComponentCount => ComponentsMatrix.Rows;

    /// <summary>Read-only view of the column means.</summary>
    internal IReadOnlyList<double> Mean => new ReadOnlyCollection<double>(_mean);

    /// <summary>Read-only view of the variance along each component.</summary>
    internal IReadOnlyList<double> ExplainedVariance => new ReadOnlyCollection<double>(_explainedVariance);

    /// <summary>Read-only view of the share of the total variance along each component.</summary>
    internal IReadOnlyList<double> ExplainedVarianceRatio => new ReadOnlyCollection<double>(_explainedVarianceRatio);

    /// <summary>Read-only view of the singular values.</summary>
    internal IReadOnlyList<double> SingularValues => new ReadOnlyCollection<double>(_singularValues);

    /// <summary>Projects the fitted columns of <paramref name="x"/> (found by name, centred while read). O(n·p·k).</summary>
    /// <exception cref="InvalidInputException">A fitted column is missing or changed kind, or holds NaN/infinity.</exception>
    internal DataFrame Transform(DataFrame x)
    {
        var centred = FrameInput.FiniteMatrix(x, Names, Kinds, _who, _mean);
        return DataFrame.FromMatrix(Project(centred), OutNames);
    }

    /// <summary>Projects rows whose columns are in fitted order (the input is not modified).</summary>
    /// <exception cref="InvalidInputException">Wrong column count, NaN or infinity.</exception>
    internal Matrix Transform(Matrix x)
    {
        CheckRows(x);
        var centred = new Matrix(x.Rows, x.Columns);
        for (int i = 0; i < x.Rows; i++) TensorPrimitives.Subtract(x.Row(i), _mean, centred.Row(i));
        return Project(centred);
    }

    /// <summary>Checks that <paramref name="x"/> has the fitted column count and only finite values, naming the model.</summary>
    /// <exception cref="InvalidInputException">Wrong column count, NaN or infinity.</exception>
    internal void CheckRows(Matrix x)
    {
        ArgumentNullException.ThrowIfNull(x);
        Linear.InputChecks.FeatureCount(x, FeatureCount, _who + "Model");
        Linear.InputChecks.Finite(x, _who + "Model");
    }

    /// <summary>Z = centred·Componentsᵀ, each column ÷ √ExplainedVariance when whitened.</summary>
    private Matrix Project(Matrix centred)
    {
        var z = MatrixOps.MultiplyTransposed(centred, ComponentsMatrix);
        if (_scale is not null)
            for (int i = 0; i < z.Rows; i++) TensorPrimitives.Divide(z.Row(i), _scale, z.Row(i));
        return z;
    }

    /// <summary><c>X = Z·Components + Mean</c> (Z × √ExplainedVariance first when whitened); <paramref name="z"/> is not modified.</summary>
    /// <exception cref="InvalidInputException">Wrong column count.</exception>
    internal Matrix InverseTransform(Matrix z)
    {
        ArgumentNullException.ThrowIfNull(z);
        if (z.Columns != ComponentCount)
            throw new InvalidInputException($"{_who}Model.InverseTransform: the model has {ComponentCount} components but the data has {z.Columns} columns.");
        var zz = z.Clone();
        if (_scale is not null)
            for (int i = 0; i < zz.Rows; i++) TensorPrimitives.Multiply(zz.Row(i), _scale, zz.Row(i));
        var x = MatrixOps.Multiply(zz, ComponentsMatrix);
        for (int i = 0; i < x.Rows; i++) TensorPrimitives.Add(x.Row(i), _mean, x.Row(i));
        return x;
    }

    /// <summary>Frame form of <see cref="InverseTransform(Matrix)"/>: reads the output columns by name, returns the input names.</summary>
    /// <exception cref="InvalidInputException">An output column is missing or not numeric.</exception>
    internal DataFrame InverseTransform(DataFrame z)
    {
        var numeric = Enumerable.Repeat(ColumnKind.Numeric, OutNames.Length).ToArray();
        var cols = FrameInput.Resolve(z, OutNames, numeric, _who + ".InverseTransform");
        var m = new Matrix(z.RowCount, OutNames.Length);
        for (int j = 0; j < cols.Length; j++)
        {
            var v = FrameInput.Numbers(cols[j]);
            for (int i = 0; i < v.Length; i++) m.Storage[i * m.Columns + j] = v[i];
        }
        return DataFrame.FromMatrix(InverseTransform(m), Names);
    }

    /// <summary>Writes the head every PCA model file starts with: the hyperparameters, then the input schema.</summary>
    internal void WriteHead(ModelWriter writer, object options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteHyperparameters(options);
        FrameInput.WriteSchema(writer, Names, Kinds);
    }

    /// <summary>Reads what <see cref="WriteHead"/> wrote and the <c>components</c> matrix, checked against the schema.</summary>
    /// <exception cref="ModelFormatException">Missing entries, or components whose width is not the input column count.</exception>
    internal static (TOptions Options, string[] Names, ColumnKind[] Kinds, Matrix Components) ReadHead<TOptions>(ModelReader reader, string who)
        where TOptions : class, new()
    {
        var options = reader.ReadHyperparameters<TOptions>();
        var (names, kinds) = FrameInput.ReadSchema(reader);
        var components = reader.ReadMatrix("components");
        if (components.Columns != names.Length)
            throw new ModelFormatException($"The model file is damaged: {who} components have {components.Columns} columns for {names.Length} input columns.");
        return (options, names, kinds, components);
    }
}
