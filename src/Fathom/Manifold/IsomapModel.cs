using System.Globalization;
using Fathom.Core;
using Fathom.Decomposition;
using Fathom.Data;
using Fathom.Neighbors;
using Fathom.Numerics;
using Fathom.Persistence;
using Fathom.Preprocessing;

namespace Fathom.Manifold;

/// <summary>
/// A fitted <see cref="Isomap"/>: <see cref="Embedding"/> of the training rows, output columns isomap0, isomap1, ….
/// <see cref="Transform(Matrix)"/> places new rows as scikit-learn does: geodesic distance to each training row =
/// min over the k nearest training rows of (distance to it + its geodesic distance), then the kernel PCA projection of
/// −G²/2. Immutable and thread-safe.
/// </summary>
public sealed class IsomapModel : ITransformerModel
{
    private readonly string[] _names;
    private readonly ColumnKind[] _kinds;
    private readonly string[] _outNames;
    private readonly Matrix _data;
    private readonly Matrix _geodesic;
    private readonly KernelEigen _eig;
    private readonly NearestNeighbors _index;

    internal IsomapModel(Isomap options, string[] names, ColumnKind[] kinds, Matrix data, Matrix geodesic, KernelEigen eig)
    {
        Options = options;
        _names = names;
        _kinds = kinds;
        _data = data;
        _geodesic = geodesic;
        _eig = eig;
        _outNames = ManifoldInput.OutputNames("isomap", eig.Eigenvalues.Length);
        _index = NearestNeighbors.Build(data);
    }

    /// <summary>The hyperparameters it was fitted with.</summary>
    public Isomap Options { get; }

    /// <summary>Embedding of the training rows (scikit-learn's <c>embedding_</c>), as a copy.</summary>
    public Matrix Embedding => _eig.Embedding();

    /// <summary>Eigenvalues of the centred kernel −G²/2 for the kept components, descending.</summary>
    public IReadOnlyList<double> Eigenvalues => Array.AsReadOnly((double[])_eig.Eigenvalues.Clone());

    /// <summary>Geodesic distances between the training rows (scikit-learn's <c>dist_matrix_</c>), as a copy.</summary>
    public Matrix GeodesicDistances => _geodesic.Clone();

    /// <inheritdoc/>
    public IReadOnlyList<string> FeatureNamesIn => _names;

    /// <inheritdoc/>
    public IReadOnlyList<string> FeatureNamesOut => _outNames;

    /// <inheritdoc/>
    public int FeatureCount => _names.Length;

    /// <inheritdoc/>
    public string ModelKind => "isomap";

    /// <summary>Embeds new rows (columns found by name).</summary>
    /// <exception cref="InvalidInputException">A fitted column is missing or changed kind, or holds NaN/infinity.</exception>
    public DataFrame Transform(DataFrame x)
    {
        ArgumentNullException.ThrowIfNull(x);
        var m = FrameInput.FiniteMatrix(x, _names, _kinds, "Isomap");
        return DataFrame.FromMatrix(Transform(m), _outNames);
    }

    /// <summary>Embeds new rows whose columns are in fitted order. O(m·(n·p + k·n)).</summary>
    /// <exception cref="InvalidInputException">Wrong column count, NaN or infinity.</exception>
    public Matrix Transform(Matrix x)
    {
        ArgumentNullException.ThrowIfNull(x);
        Linear.InputChecks.FeatureCount(x, FeatureCount, "IsomapModel");
        Linear.InputChecks.Finite(x, "IsomapModel");
        int m = x.Rows, n = _data.Rows, k = Math.Min(Options.NNeighbors, n);
        if (m == 0) return new Matrix(0, _outNames.Length);
        var nn = _index.KNeighbors(x, k);
        var kernel = new Matrix(m, n);
        for (int i = 0; i < m; i++)
        {
            var row = kernel.Row(i);
            row.Fill(double.PositiveInfinity);
            for (int t = 0; t < k; t++)
            {
                double d = nn.Distances[i, t];
                var g = _geodesic.Row(nn[i, t]);
                for (int j = 0; j < n; j++) row[j] = Math.Min(row[j], d + g[j]);
            }
            for (int j = 0; j < n; j++) row[j] = -0.5 * row[j] * row[j];
        }
        return _eig.Project(kernel);
    }

    /// <inheritdoc/>
    public void WriteTo(ModelWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteHyperparameters(Options);
        FrameInput.WriteSchema(writer, _names, _kinds);
        writer.WriteMatrix("data", _data);
        writer.WriteMatrix("geodesic", _geodesic);
        writer.WriteDoubles("kernel_column_means", _eig.ColumnMeans);
        writer.SetProperty("kernel_mean", _eig.AllMean);
        writer.WriteDoubles("eigenvalues", _eig.Eigenvalues);
        writer.WriteMatrix("eigenvectors", _eig.Vectors);
    }

    internal static IsomapModel ReadFrom(ModelReader reader)
    {
        var options = reader.ReadHyperparameters<Isomap>();
        var (names, kinds) = FrameInput.ReadSchema(reader);
        var data = reader.ReadMatrix("data");
        var g = reader.ReadMatrix("geodesic");
        int n = data.Rows;
        var vectors = reader.ReadMatrix("eigenvectors");
        if (data.Columns != names.Length || g.Rows != n || g.Columns != n || vectors.Rows != n || n < 1)
            throw new ModelFormatException("The model file is damaged: Isomap data, geodesic distances and eigenvectors disagree in size.");
        var eig = KernelEigen.FromState(reader.ReadDoubles("kernel_column_means", n), reader.GetDouble("kernel_mean"),
            reader.ReadDoubles("eigenvalues", vectors.Columns), vectors);
        return new IsomapModel(options, names, kinds, data, g, eig);
    }
}
