using System.Collections.ObjectModel;
using Fathom.Core;
using Fathom.Linear;
using Fathom.Numerics;
using Fathom.Persistence;

namespace Fathom.Anomaly;

/// <summary>
/// A fitted <see cref="EllipticEnvelope"/>: the raw FastMCD estimate (<see cref="RawLocation"/>,
/// <see cref="RawCovariance"/>, <see cref="RawSupport"/>), the reweighted one (<see cref="Location"/>,
/// <see cref="Covariance"/>, <see cref="Precision"/>, <see cref="Support"/>) and the offset. Immutable and thread-safe.
/// </summary>
/// <remarks>
/// As scikit-learn 1.2.1: the raw covariance is kept as the C-steps left it (the consistency factor
/// median(d²)/χ²ₚ(0.5) only rescales the distances used to choose the reweighting rows); the reweighted estimate is
/// the plain mean and population covariance of the rows with corrected d² &lt; χ²ₚ(0.975).
/// </remarks>
public sealed class EllipticEnvelopeModel : IOutlierModel
{
    private readonly McdResult _mcd;

    internal EllipticEnvelopeModel(EllipticEnvelope options, McdResult mcd, double offset)
    {
        Options = options;
        _mcd = mcd;
        Offset = offset;
    }

    /// <summary>The hyperparameters it was fitted with.</summary>
    public EllipticEnvelope Options { get; }

    /// <inheritdoc/>
    public int FeatureCount => _mcd.Location.Length;

    /// <inheritdoc/>
    public string ModelKind => "elliptic-envelope";

    /// <inheritdoc/>
    /// <remarks>The contamination quantile of the training rows' −d² (numpy's linear percentile).</remarks>
    public double Offset { get; }

    /// <summary>Robust location (reweighted), scikit-learn's <c>location_</c>.</summary>
    public IReadOnlyList<double> Location => new ReadOnlyCollection<double>(_mcd.Location);

    /// <summary>Robust covariance (reweighted), as a copy.</summary>
    public Matrix Covariance => _mcd.Covariance.Clone();

    /// <summary>Pseudo-inverse of <see cref="Covariance"/>, as a copy.</summary>
    public Matrix Precision => _mcd.Precision.Clone();

    /// <summary>Rows used for the reweighted estimate (training rows).</summary>
    public IReadOnlyList<bool> Support => new ReadOnlyCollection<bool>(_mcd.Support);

    /// <summary>Raw FastMCD location (mean of the h rows found).</summary>
    public IReadOnlyList<double> RawLocation => new ReadOnlyCollection<double>(_mcd.RawLocation);

    /// <summary>Raw FastMCD covariance (population covariance of the h rows found), as a copy.</summary>
    public Matrix RawCovariance => _mcd.RawCovariance.Clone();

    /// <summary>The h rows of the raw estimate (training rows).</summary>
    public IReadOnlyList<bool> RawSupport => new ReadOnlyCollection<bool>(_mcd.RawSupport);

    /// <summary>Squared Mahalanobis distance of each training row to the reweighted estimate (scikit-learn's <c>dist_</c>).</summary>
    public IReadOnlyList<double> TrainingDistances => new ReadOnlyCollection<double>(_mcd.Distances);

    /// <inheritdoc/>
    public IReadOnlyList<double>? TrainingScores => _mcd.Distances.Select(d => -d).ToArray();

    /// <summary>Squared Mahalanobis distance (x − μ)ᵀ P (x − μ) of each row.</summary>
    /// <exception cref="InvalidInputException">Wrong column count or NaN/infinity.</exception>
    public double[] Mahalanobis(Matrix x)
    {
        InputChecks.FeatureCount(x, FeatureCount, nameof(EllipticEnvelopeModel));
        InputChecks.Finite(x, nameof(EllipticEnvelopeModel));
        return FastMcd.Mahalanobis(x, _mcd.Location, _mcd.Precision);
    }

    /// <summary>−<see cref="Mahalanobis"/>: higher is more normal.</summary>
    /// <exception cref="InvalidInputException">Wrong column count or NaN/infinity.</exception>
    public double[] ScoreSamples(Matrix x) => Mahalanobis(x).Select(d => -d).ToArray();

    /// <inheritdoc/>
    /// <exception cref="InvalidInputException">Wrong column count or NaN/infinity.</exception>
    public double[] DecisionFunction(Matrix x)
    {
        var s = ScoreSamples(x);
        for (int i = 0; i < s.Length; i++) s[i] -= Offset;
        return s;
    }

    /// <inheritdoc/>
    /// <exception cref="InvalidInputException">Wrong column count or NaN/infinity.</exception>
    public int[] Predict(Matrix x) => DecisionFunction(x).Select(d => d < 0 ? -1 : 1).ToArray();

    /// <inheritdoc/>
    public void WriteTo(ModelWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteHyperparameters(Options);
        writer.SetProperty("offset", Offset);
        writer.WriteDoubles("raw_location", _mcd.RawLocation);
        writer.WriteMatrix("raw_covariance", _mcd.RawCovariance);
        writer.WriteInts("raw_support", _mcd.RawSupport.Select(b => b ? 1 : 0).ToArray());
        writer.WriteDoubles("raw_distances", _mcd.RawDistances);
        writer.WriteDoubles("location", _mcd.Location);
        writer.WriteMatrix("covariance", _mcd.Covariance);
        writer.WriteMatrix("precision", _mcd.Precision);
        writer.WriteInts("support", _mcd.Support.Select(b => b ? 1 : 0).ToArray());
        writer.WriteDoubles("distances", _mcd.Distances);
    }

    internal static EllipticEnvelopeModel ReadFrom(ModelReader reader)
    {
        var options = reader.ReadHyperparameters<EllipticEnvelope>();
        double offset = reader.GetDouble("offset");
        var location = reader.ReadDoubles("location");
        int p = location.Length;
        var covariance = reader.ReadMatrix("covariance");
        var precision = reader.ReadMatrix("precision");
        var rawCovariance = reader.ReadMatrix("raw_covariance");
        var rawLocation = reader.ReadDoubles("raw_location", p);
        var distances = reader.ReadDoubles("distances");
        int n = distances.Length;
        var support = reader.ReadInts("support", n).Select(v => v != 0).ToArray();
        var rawSupport = reader.ReadInts("raw_support", n).Select(v => v != 0).ToArray();
        var rawDistances = reader.ReadDoubles("raw_distances", n);
        foreach (var m in new[] { covariance, precision, rawCovariance })
            if (m.Rows != p || m.Columns != p)
                throw new ModelFormatException("The model file is damaged: the covariance matrices of an elliptic envelope do not match its location.");
        return new EllipticEnvelopeModel(options,
            new McdResult(rawLocation, rawCovariance, rawSupport, rawDistances, location, covariance, precision, support, distances), offset);
    }
}
