using System.Globalization;
using Fathom.Core;
using Fathom.Data;
using Fathom.Numerics;
using Fathom.Persistence;
using Fathom.Preprocessing;

namespace Fathom.Decomposition;

/// <summary>
/// A fitted <see cref="KernelPCA"/>: output columns kernelpca0, kernelpca1, … (scikit-learn's feature names). Keeps
/// the training rows to evaluate the kernel of new rows. Immutable and thread-safe.
/// </summary>
public sealed class KernelPCAModel : ITransformerModel
{
    private readonly string[] _names;
    private readonly ColumnKind[] _kinds;
    private readonly string[] _outNames;
    private readonly Matrix _data;
    private readonly KernelEigen _eig;

    internal KernelPCAModel(KernelPCA options, string[] names, ColumnKind[] kinds, Matrix data, double gamma, KernelEigen eig)
    {
        Options = options;
        _names = names;
        _kinds = kinds;
        _data = data;
        Gamma = gamma;
        _eig = eig;
        _outNames = Enumerable.Range(0, eig.Eigenvalues.Length).Select(i => "kernelpca" + i.ToString(CultureInfo.InvariantCulture)).ToArray();
    }

    /// <summary>The hyperparameters it was fitted with.</summary>
    public KernelPCA Options { get; }

    /// <summary>γ used (resolved from null to 1 / features).</summary>
    public double Gamma { get; }

    /// <summary>Eigenvalues of the centred kernel, descending (scikit-learn's <c>eigenvalues_</c>).</summary>
    public IReadOnlyList<double> Eigenvalues => Array.AsReadOnly((double[])_eig.Eigenvalues.Clone());

    /// <summary>Unit eigenvectors of the centred kernel, rows × components (scikit-learn's <c>eigenvectors_</c>), as a copy.</summary>
    public Matrix Eigenvectors => _eig.Vectors.Clone();

    /// <summary>Scores of the training rows, Vᵢ·√λᵢ (scikit-learn's <c>fit_transform</c>).</summary>
    public Matrix TrainingScores => _eig.Embedding();

    /// <inheritdoc/>
    public IReadOnlyList<string> FeatureNamesIn => _names;

    /// <inheritdoc/>
    public IReadOnlyList<string> FeatureNamesOut => _outNames;

    /// <inheritdoc/>
    public int FeatureCount => _names.Length;

    /// <inheritdoc/>
    public string ModelKind => "kernel-pca";

    /// <summary>Projects rows (columns found by name).</summary>
    /// <exception cref="InvalidInputException">A fitted column is missing or changed kind, or holds NaN/infinity.</exception>
    public DataFrame Transform(DataFrame x)
    {
        ArgumentNullException.ThrowIfNull(x);
        var m = FrameInput.FiniteMatrix(x, _names, _kinds, "KernelPCA");
        return DataFrame.FromMatrix(Transform(m), _outNames);
    }

    /// <summary>Projects rows whose columns are in fitted order: Kc(x, train)·Vᵢ/√λᵢ. O(m·n·(p + k)).</summary>
    /// <exception cref="InvalidInputException">Wrong column count, NaN or infinity.</exception>
    public Matrix Transform(Matrix x)
    {
        ArgumentNullException.ThrowIfNull(x);
        Linear.InputChecks.FeatureCount(x, FeatureCount, "KernelPCAModel");
        Linear.InputChecks.Finite(x, "KernelPCAModel");
        if (x.Rows == 0) return new Matrix(0, _outNames.Length);
        return _eig.Project(Options.KernelMatrix(x, _data, Gamma, 1));
    }

    /// <inheritdoc/>
    public void WriteTo(ModelWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteHyperparameters(Options);
        FrameInput.WriteSchema(writer, _names, _kinds);
        writer.SetProperty("gamma", Gamma);
        writer.WriteMatrix("data", _data);
        writer.WriteDoubles("kernel_column_means", _eig.ColumnMeans);
        writer.SetProperty("kernel_mean", _eig.AllMean);
        writer.WriteDoubles("eigenvalues", _eig.Eigenvalues);
        writer.WriteMatrix("eigenvectors", _eig.Vectors);
    }

    internal static KernelPCAModel ReadFrom(ModelReader reader)
    {
        var options = reader.ReadHyperparameters<KernelPCA>();
        var (names, kinds) = FrameInput.ReadSchema(reader);
        var data = reader.ReadMatrix("data");
        var vectors = reader.ReadMatrix("eigenvectors");
        int n = data.Rows;
        if (data.Columns != names.Length || vectors.Rows != n || n < 1)
            throw new ModelFormatException("The model file is damaged: KernelPCA data, eigenvectors and input names disagree in size.");
        var eig = KernelEigen.FromState(reader.ReadDoubles("kernel_column_means", n), reader.GetDouble("kernel_mean"),
            reader.ReadDoubles("eigenvalues", vectors.Columns), vectors);
        return new KernelPCAModel(options, names, kinds, data, reader.GetDouble("gamma"), eig);
    }
}
