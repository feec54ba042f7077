using System.Globalization;
using Fathom.Core;
using Fathom.Linear;
using Fathom.Numerics;

namespace Fathom.Neighbors;

/// <summary>
/// An index over a set of points for k-nearest-neighbour queries, reusable by any algorithm that needs neighbours
/// (k-NN models, clustering, outlier scores). Brute force computes squared Euclidean distances with the shared GEMM
/// kernel (<see cref="Distances"/>) in blocks of query rows, so memory stays bounded (about 32 MB of distances at a
/// time), then re-ranks the candidates at the k-th place with exact distances; a <see cref="NeighborAlgorithm.KDTree"/>
/// answers low-dimensional queries in about O(log n) each. Immutable and safe to query from many threads.
/// </summary>
/// <remarks>
/// Ties: neighbours at equal distance are ordered by index, and when several points tie for the k-th place the
/// lowest indices are kept. For Euclidean distance, distances within a relative 1e-10 count as equal here, so that
/// mathematical ties blurred by rounding (decimal data) are also broken by index. scikit-learn keeps the lower
/// index in simple cases (its heap rejects a candidate equal to the current k-th) but its choice also depends on
/// heap order and on how it splits the work between threads, so on tied rows the two may pick different, equally
/// near, points. Both of our searches give the same answer.
/// </remarks>
public sealed class NearestNeighbors
{
    private const int BlockDoubles = 1 << 22; // distances held at once by brute force (32 MB)

    private readonly Matrix _points;
    private readonly double[] _norms;
    private readonly double _maxNorm;
    private readonly KDTree? _tree;
    private readonly BallTree? _ball;

    private NearestNeighbors(Matrix points, NeighborMetric metric, NeighborAlgorithm algorithm, double p)
    {
        _points = points;
        Metric = metric;
        P = p;
        _norms = Reductions.RowSquaredNorms(points);
        _maxNorm = _norms.Max();
        Algorithm = algorithm;
        if (algorithm == NeighborAlgorithm.KDTree) _tree = new KDTree(points);
        if (algorithm == NeighborAlgorithm.BallTree) _ball = new BallTree(points, this);
    }

    /// <summary>Number of indexed points.</summary>
    public int Count => _points.Rows;

    /// <summary>Number of dimensions (features).</summary>
    public int Dimensions => _points.Columns;

    /// <summary>The distance used.</summary>
    public NeighborMetric Metric { get; }

    /// <summary>The power p of <see cref="NeighborMetric.Minkowski"/> (2 unless given; unused by the other metrics).</summary>
    public double P { get; }

    /// <summary>The search actually used (never <see cref="NeighborAlgorithm.Auto"/>).</summary>
    public NeighborAlgorithm Algorithm { get; }

    /// <summary>The indexed points, as a copy.</summary>
    public Matrix Points => _points.Clone();

    /// <summary>
    /// Indexes a copy of <paramref name="points"/>. <see cref="NeighborAlgorithm.Auto"/> picks a KD-tree for Euclidean
    /// distance in at most 15 dimensions with at least 64 points and k below half of them, brute force otherwise (every
    /// other metric is searched by brute force).
    /// </summary>
    /// <param name="points">The points (n × d); NaN only with <see cref="NeighborMetric.NanEuclidean"/>, never infinity.</param>
    /// <param name="metric">The distance (default euclidean).</param>
    /// <param name="algorithm">The search (default auto).</param>
    /// <param name="p">Power of the Minkowski metric, ≥ 1 (default 2).</param>
    /// <exception cref="InvalidInputException">No rows or columns, infinity, or NaN with a metric that cannot handle it (named by row and column).</exception>
    /// <exception cref="InvalidHyperparameterException">A KD-tree was asked for with a metric it does not support, or p &lt; 1.</exception>
    public static NearestNeighbors Build(Matrix points, NeighborMetric metric = NeighborMetric.Euclidean,
        NeighborAlgorithm algorithm = NeighborAlgorithm.Auto, double p = 2)
    {
        ArgumentNullException.ThrowIfNull(points);
        if (points.Rows == 0 || points.Columns == 0)
            throw new InvalidInputException($"{nameof(NearestNeighbors)}: the data has no {(points.Rows == 0 ? "rows" : "columns")}; index at least one point with one feature.");
        CheckValues(points, metric, nameof(NearestNeighbors));
        return Create(points.Clone(), metric, algorithm, k: 1, p);
    }

    /// <summary>Builds on an already checked, owned matrix; <paramref name="k"/> informs the automatic choice.</summary>
    internal static NearestNeighbors Create(Matrix owned, NeighborMetric metric, NeighborAlgorithm algorithm, int k, double p = 2)
    {
        if (algorithm == NeighborAlgorithm.KDTree && metric != NeighborMetric.Euclidean)
            throw new InvalidHyperparameterException("algorithm", $"{nameof(NearestNeighbors)}: the KD-tree supports only the euclidean metric; use algorithm=brute or auto for {Name(metric)}.");
        if (algorithm == NeighborAlgorithm.BallTree && metric is NeighborMetric.Cosine or NeighborMetric.NanEuclidean)
            throw new InvalidHyperparameterException("algorithm", $"{nameof(NearestNeighbors)}: the ball tree needs a metric with the triangle inequality; use algorithm=brute or auto for {Name(metric)}.");
        if (!(p >= 1))
            throw new InvalidHyperparameterException("p", $"{nameof(NearestNeighbors)}: the Minkowski power p must be at least 1 (a distance); got {p.ToString(CultureInfo.InvariantCulture)}.");
        if (algorithm == NeighborAlgorithm.Auto)
        {
            bool tree = owned.Columns <= 15 && owned.Rows >= 64 && k < owned.Rows / 2;
            algorithm = !tree ? NeighborAlgorithm.Brute : metric switch
            {
                NeighborMetric.Euclidean => NeighborAlgorithm.KDTree,
                NeighborMetric.Manhattan or NeighborMetric.Chebyshev or NeighborMetric.Minkowski => NeighborAlgorithm.BallTree,
                _ => NeighborAlgorithm.Brute,
            };
        }
        return new NearestNeighbors(owned, metric, algorithm, p);
    }

    /// <summary>snake_case name of a metric, as on the command line.</summary>
    internal static string Name(NeighborMetric metric) => metric == NeighborMetric.NanEuclidean ? "nan_euclidean" : metric.ToString().ToLowerInvariant();

    /// <summary>
    /// Rejects infinity always, and NaN unless the metric is <see cref="NeighborMetric.NanEuclidean"/>, naming the row and
    /// column and saying what to do.
    /// </summary>
    internal static void CheckValues(Matrix x, NeighborMetric metric, string who)
    {
        for (int i = 0; i < x.Rows; i++)
        {
            var row = x.Row(i);
            for (int j = 0; j < row.Length; j++)
            {
                double v = row[j];
                if (double.IsFinite(v) || (double.IsNaN(v) && metric == NeighborMetric.NanEuclidean)) continue;
                string col = j.ToString(CultureInfo.InvariantCulture);
                if (double.IsNaN(v))
                    throw new InvalidInputException(string.Create(CultureInfo.InvariantCulture,
                        $"{who}: feature {j} of row {i} is NaN (missing); the {Name(metric)} metric cannot measure distances with missing values. Impute them first, or use metric nan_euclidean."), i, col);
                throw new InvalidInputException(string.Create(CultureInfo.InvariantCulture,
                    $"{who}: feature {j} of row {i} is {v}; distances need finite values. Drop or clip infinite values first."), i, col);
            }
        }
    }

    /// <summary>The <paramref name="k"/> nearest indexed points of each query row, nearest first (ties by lower index).</summary>
    /// <param name="query">Query rows with <see cref="Dimensions"/> columns, finite.</param>
    /// <param name="k">Neighbours per row, 1 ≤ k ≤ <see cref="Count"/>.</param>
    /// <param name="threads">Threads to use; 0 = all processors. The result does not depend on it.</param>
    /// <exception cref="InvalidInputException">Wrong column count, NaN/infinity, or k out of range.</exception>
    public NeighborResult KNeighbors(Matrix query, int k, int threads = 0)
    {
        InputChecks.FeatureCount(query, Dimensions, nameof(NearestNeighbors));
        CheckValues(query, Metric, nameof(NearestNeighbors));
        if (k < 1 || k > Count)
            throw new InvalidInputException(string.Create(CultureInfo.InvariantCulture,
                $"{nameof(NearestNeighbors)}: asked for {k} neighbours but the index holds {Count} points; n_neighbors must be between 1 and {Count}."));
        return Search(query, k, threads);
    }

    /// <summary>
    /// The k nearest neighbours of each indexed point among the other points (scikit-learn's <c>kneighbors()</c>
    /// without a query): each point is left out of its own list. When more than k points duplicate a point so that
    /// it is not among its own k + 1 nearest, the first neighbour is dropped instead, as scikit-learn does.
    /// </summary>
    /// <param name="k">Neighbours per point, 1 ≤ k &lt; <see cref="Count"/>.</param>
    /// <param name="threads">Threads to use; 0 = all processors.</param>
    /// <exception cref="InvalidInputException">k out of range.</exception>
    public NeighborResult KNeighborsOfPoints(int k, int threads = 0)
    {
        if (k < 1 || k >= Count)
            throw new InvalidInputException(string.Create(CultureInfo.InvariantCulture,
                $"{nameof(NearestNeighbors)}: asked for {k} neighbours of each of {Count} points excluding itself; n_neighbors must be between 1 and {Count - 1}."));
        var full = Search(_points, k + 1, threads);
        int n = Count;
        var dist = new Matrix(n, k);
        var idx = new int[n * k];
        for (int i = 0; i < n; i++)
        {
            var ids = full.IndicesOf(i);
            int skip = ids.IndexOf(i);
            if (skip < 0) skip = 0;
            for (int j = 0, o = 0; j <= k; j++)
            {
                if (j == skip) continue;
                dist[i, o] = full.Distances[i, j];
                idx[i * k + o] = ids[j];
                o++;
            }
        }
        return new NeighborResult(dist, idx, k);
    }

    /// <summary>
    /// The indexed points within distance <paramref name="radius"/> (inclusive) of each query row, sorted by
    /// (distance, index). Euclidean membership is decided on exact distances (candidates come from the GEMM kernel
    /// or the KD-tree); Manhattan distances are summed in feature order as scikit-learn does.
    /// </summary>
    /// <param name="query">Query rows with <see cref="Dimensions"/> columns, finite.</param>
    /// <param name="radius">Radius ≥ 0.</param>
    /// <param name="threads">Threads to use; 0 = all processors. The result does not depend on it.</param>
    /// <exception cref="InvalidInputException">Wrong column count, NaN/infinity, or a negative or non-finite radius.</exception>
    public RadiusNeighborResult RadiusNeighbors(Matrix query, double radius, int threads = 0)
    {
        InputChecks.FeatureCount(query, Dimensions, nameof(NearestNeighbors));
        CheckValues(query, Metric, nameof(NearestNeighbors));
        if (!(radius >= 0) || double.IsInfinity(radius))
            throw new InvalidInputException($"{nameof(NearestNeighbors)}: the radius must be finite and ≥ 0; got {radius.ToString(CultureInfo.InvariantCulture)}.");
        int m = query.Rows, n = Count;
        var lists = new List<(double D, int I)>[m];
        var options = new ParallelOptions { MaxDegreeOfParallelism = threads > 0 ? threads : Environment.ProcessorCount };
        double r2 = radius * radius;
        if (Metric != NeighborMetric.Euclidean)
        {
            Parallel.For(0, m, options, i =>
            {
                var list = new List<(double, int)>();
                var q = query.Row(i);
                if (_ball is not null) _ball.Radius(q, radius, list);
                else
                {
                    for (int j = 0; j < n; j++)
                    {
                        double d = Distance(q, _points.Row(j));
                        if (d <= radius) list.Add((d, j));
                    }
                }
                lists[i] = list;
            });
        }
        else if (_tree is not null)
        {
            Parallel.For(0, m, options, i =>
            {
                var list = new List<(double, int)>();
                _tree.Radius(query.Row(i), r2, list);
                lists[i] = list;
            });
        }
        else
        {
            int block = Math.Clamp(BlockDoubles / n, 1, Math.Max(1, m));
            var buffer = new double[block * n];
            var qNorms = Reductions.RowSquaredNorms(query);
            for (int q0 = 0; q0 < m; q0 += block)
            {
                int b = Math.Min(block, m - q0);
                Distances.SquaredEuclidean(query.RowRange(q0, b), qNorms.AsSpan(q0, b), _points, _norms, buffer, n, options.MaxDegreeOfParallelism);
                Parallel.For(0, b, options, r =>
                {
                    int i = q0 + r;
                    var q = query.Row(i);
                    double limit = r2 * (1 + 1e-9) + 1e-12 * (qNorms[i] + _maxNorm);
                    var row = buffer.AsSpan(r * n, n);
                    var list = new List<(double, int)>();
                    for (int j = 0; j < n; j++)
                    {
                        if (row[j] > limit) continue;
                        double d = Distances.SquaredEuclidean(q, _points.Row(j));
                        if (d <= r2) list.Add((d, j));
                    }
                    lists[i] = list;
                });
            }
        }
        var offsets = new int[m + 1];
        for (int i = 0; i < m; i++) offsets[i + 1] = offsets[i] + lists[i].Count;
        var idx = new int[offsets[m]];
        var dist = new double[offsets[m]];
        for (int i = 0; i < m; i++)
        {
            var list = lists[i];
            list.Sort((a, b) => a.D != b.D ? a.D.CompareTo(b.D) : a.I.CompareTo(b.I));
            for (int j = 0; j < list.Count; j++)
            {
                idx[offsets[i] + j] = list[j].I;
                dist[offsets[i] + j] = Metric == NeighborMetric.Euclidean ? Math.Sqrt(list[j].D) : list[j].D;
            }
        }
        return new RadiusNeighborResult(offsets, idx, dist);
    }

    /// <summary>The search without argument checks (callers have validated).</summary>
    internal NeighborResult Search(Matrix query, int k, int threads)
    {
        int m = query.Rows;
        int t = threads > 0 ? threads : Environment.ProcessorCount;
        var dist = new Matrix(m, k);
        var idx = new int[m * k];
        var options = new ParallelOptions { MaxDegreeOfParallelism = t };
        if (_tree is not null)
        {
            const int chunk = 64;
            int kk = Math.Min(Count, k + 8); // slack for ties within the tolerance at the k-th place
            Parallel.For(0, (m + chunk - 1) / chunk, options, () => (new double[kk], new int[kk], new List<(double, int)>()), (c, _, state) =>
            {
                var (best, bestIdx, candidates) = state;
                for (int i = c * chunk, end = Math.Min(m, i + chunk); i < end; i++)
                {
                    var q = query.Row(i);
                    _tree.Query(q, kk, best, bestIdx);
                    double limit = best[k - 1] * (1 + 4 * TieTolerance);
                    if (kk < Count && best[kk - 1] <= limit)
                    {
                        ExactAll(q, k, candidates, dist.Row(i), idx.AsSpan(i * k, k));
                        continue;
                    }
                    candidates.Clear();
                    for (int j = 0; j < kk && best[j] <= limit; j++) candidates.Add((best[j], bestIdx[j]));
                    PickWithTies(candidates, k, dist.Row(i), idx.AsSpan(i * k, k), squared: true);
                }
                return state;
            }, _ => { });
        }
        else if (_ball is not null) BallSearch(query, k, options, dist, idx);
        else if (Metric == NeighborMetric.Euclidean) BruteEuclidean(query, k, t, options, dist, idx);
        else BruteGeneric(query, k, options, dist, idx);
        return new NeighborResult(dist, idx, k);
    }

    /// <summary>
    /// Ball-tree search. Other metrics: the exact k smallest (distance, index) pairs, the same as brute force. Euclidean:
    /// k + 8 candidates, then the same tie handling as the KD-tree (all points when ties overflow the slack).
    /// </summary>
    private void BallSearch(Matrix query, int k, ParallelOptions options, Matrix dist, int[] idx)
    {
        bool euclidean = Metric == NeighborMetric.Euclidean;
        int kk = euclidean ? Math.Min(Count, k + 8) : k;
        Parallel.For(0, query.Rows, options, () => (new double[kk], new int[kk], new List<(double, int)>()), (i, _, state) =>
        {
            var (best, bestIdx, candidates) = state;
            var q = query.Row(i);
            _ball!.Query(q, kk, best, bestIdx);
            if (!euclidean)
            {
                best.AsSpan(0, k).CopyTo(dist.Row(i));
                bestIdx.AsSpan(0, k).CopyTo(idx.AsSpan(i * k, k));
                return state;
            }
            double limit = best[k - 1] * (1 + 4 * TieTolerance);
            if (kk < Count && best[kk - 1] <= limit)
            {
                ExactAll(q, k, candidates, dist.Row(i), idx.AsSpan(i * k, k));
                return state;
            }
            candidates.Clear();
            for (int j = 0; j < kk && best[j] <= limit; j++) candidates.Add((best[j] * best[j], bestIdx[j]));
            PickWithTies(candidates, k, dist.Row(i), idx.AsSpan(i * k, k), squared: true);
            return state;
        }, _ => { });
    }

    private void BruteEuclidean(Matrix query, int k, int threads, ParallelOptions options, Matrix dist, int[] idx)
    {
        int m = query.Rows, n = Count;
        int block = Math.Clamp(BlockDoubles / n, 1, m);
        var buffer = new double[block * n];
        var qNorms = Reductions.RowSquaredNorms(query);
        for (int q0 = 0; q0 < m; q0 += block)
        {
            int b = Math.Min(block, m - q0);
            var view = query.RowRange(q0, b);
            Distances.SquaredEuclidean(view, qNorms.AsSpan(q0, b), _points, _norms, buffer, n, threads);
            Parallel.For(0, b, options, () => new List<(double, int)>(), (r, _, candidates) =>
            {
                int i = q0 + r;
                SelectRefined(buffer.AsSpan(r * n, n), query.Row(i), qNorms[i], k, candidates, dist.Row(i), idx.AsSpan(i * k, k));
                return candidates;
            }, _ => { });
        }
    }

    /// <summary>
    /// Top k of one row of expansion-based squared distances: finds the k-th smallest value, gathers every point
    /// within a rounding margin (and the tie band) of it, recomputes those distances exactly and applies
    /// <see cref="PickWithTies"/>.
    /// </summary>
    private void SelectRefined(ReadOnlySpan<double> approx, ReadOnlySpan<double> q, double qNorm, int k,
        List<(double D, int I)> candidates, Span<double> outDist, Span<int> outIdx)
    {
        Span<double> top = k <= 64 ? stackalloc double[k] : new double[k];
        top.Fill(double.PositiveInfinity);
        for (int j = 0; j < approx.Length; j++)
        {
            double v = approx[j];
            if (v >= top[k - 1]) continue;
            int pos = k - 1;
            while (pos > 0 && top[pos - 1] > v) { top[pos] = top[pos - 1]; pos--; }
            top[pos] = v;
        }
        double threshold = top[k - 1] * (1 + 4 * TieTolerance) + 1e-12 * (qNorm + _maxNorm) + double.Epsilon;
        candidates.Clear();
        for (int j = 0; j < approx.Length; j++)
            if (approx[j] <= threshold) candidates.Add((Distances.SquaredEuclidean(q, _points.Row(j)), j));
        PickWithTies(candidates, k, outDist, outIdx, squared: true);
    }

    /// <summary>Relative difference of distances below which two neighbours count as tied (rounding noise, e.g. of decimal data).</summary>
    internal const double TieTolerance = 1e-10;

    /// <summary>
    /// Picks k neighbours from candidates holding every point that can be among them: sorted by distance, the k-th
    /// distance D is found; points closer than D by more than the tie tolerance are kept, and the places left go
    /// to the lowest indices among points within the tolerance of D. Output is ordered by (distance, index).
    /// </summary>
    internal static void PickWithTies(List<(double D, int I)> candidates, int k, Span<double> outDist, Span<int> outIdx, bool squared,
        double tolerance = TieTolerance)
    {
        static int ByDistance((double D, int I) a, (double D, int I) b) => a.D != b.D ? a.D.CompareTo(b.D) : a.I.CompareTo(b.I);
        candidates.Sort(ByDistance);
        double dk = candidates[k - 1].D;
        double band = tolerance * (squared ? 2 : 1) * dk;
        int sure = 0;
        while (sure < k && candidates[sure].D < dk - band) sure++;
        int end = sure;
        while (end < candidates.Count && candidates[end].D <= dk + band) end++;
        if (end - sure > k - sure)
        {
            // Ties at the k-th place: keep the lowest indices, then restore distance order.
            candidates.Sort(sure, end - sure, Comparer<(double D, int I)>.Create((a, b) => a.I.CompareTo(b.I)));
            candidates.Sort(sure, k - sure, Comparer<(double D, int I)>.Create(ByDistance));
        }
        for (int j = 0; j < k; j++)
        {
            outDist[j] = squared ? Math.Sqrt(candidates[j].D) : candidates[j].D;
            outIdx[j] = candidates[j].I;
        }
    }

    /// <summary>Brute force for every metric but Euclidean: exact distances to all points, the k-th smallest, then
    /// <see cref="PickWithTies"/> without tolerance (distances are computed in feature order, as scikit-learn).</summary>
    private void BruteGeneric(Matrix query, int k, ParallelOptions options, Matrix dist, int[] idx)
    {
        int n = Count;
        Parallel.For(0, query.Rows, options, () => (0, new double[n], new List<(double, int)>()), (i, _, state) =>
        {
            var (_, all, candidates) = state;
            var q = query.Row(i);
            for (int j = 0; j < n; j++) all[j] = Distance(q, _points.Row(j));
            double dk = KthSmallest(all, k);
            candidates.Clear();
            for (int j = 0; j < n; j++) if (all[j] <= dk) candidates.Add((all[j], j));
            PickWithTies(candidates, k, dist.Row(i), idx.AsSpan(i * k, k), squared: false, tolerance: 0);
            return state;
        }, _ => { });
    }

    /// <summary>The distance of the index's metric between two rows (NaN-Euclidean rows sharing no present coordinate: +∞).</summary>
    internal double Distance(ReadOnlySpan<double> a, ReadOnlySpan<double> b) => Metric switch
    {
        NeighborMetric.Euclidean => Math.Sqrt(Distances.SquaredEuclidean(a, b)),
        NeighborMetric.Manhattan => Manhattan(a, b),
        NeighborMetric.Chebyshev => Chebyshev(a, b),
        NeighborMetric.Minkowski => Minkowski(a, b, P),
        NeighborMetric.Cosine => Cosine(a, b),
        _ => NanEuclidean(a, b),
    };

    /// <summary>maxⱼ |aⱼ − bⱼ|.</summary>
    internal static double Chebyshev(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        double m = 0;
        for (int j = 0; j < a.Length; j++) m = Math.Max(m, Math.Abs(a[j] - b[j]));
        return m;
    }

    /// <summary>(Σ |aⱼ − bⱼ|ᵖ)^(1/p), summed in feature order.</summary>
    internal static double Minkowski(ReadOnlySpan<double> a, ReadOnlySpan<double> b, double p)
    {
        double s = 0;
        for (int j = 0; j < a.Length; j++) s += Math.Pow(Math.Abs(a[j] - b[j]), p);
        return Math.Pow(s, 1.0 / p);
    }

    /// <summary>1 − a·b/(‖a‖‖b‖) clipped to [0, 2]; 1 when either vector is zero (scikit-learn's <c>cosine_distances</c>).</summary>
    internal static double Cosine(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        double ab = 0, aa = 0, bb = 0;
        for (int j = 0; j < a.Length; j++)
        {
            ab += a[j] * b[j];
            aa += a[j] * a[j];
            bb += b[j] * b[j];
        }
        if (aa == 0 || bb == 0) return 1.0;
        return Math.Clamp(1.0 - ab / (Math.Sqrt(aa) * Math.Sqrt(bb)), 0.0, 2.0);
    }

    /// <summary>√(d/m · Σ over coordinates present in both of (aⱼ − bⱼ)²), +∞ when no coordinate is present in both.</summary>
    internal static double NanEuclidean(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        double s = 0;
        int present = 0;
        for (int j = 0; j < a.Length; j++)
        {
            double d = a[j] - b[j];
            if (double.IsNaN(d)) continue;
            s += d * d;
            present++;
        }
        return present == 0 ? double.PositiveInfinity : Math.Sqrt(s * a.Length / present);
    }

    /// <summary>
    /// Σ |aⱼ − bⱼ| summed in feature order, as scikit-learn's ManhattanDistance does, so that distances (and hence
    /// ties) are bit for bit the same as there. (No shared kernel exists for this metric yet.)
    /// </summary>
    internal static double Manhattan(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        double s = 0;
        for (int j = 0; j < a.Length; j++) s += Math.Abs(a[j] - b[j]);
        return s;
    }

    /// <summary>The k-th smallest value (a bounded insertion pass, O(n·k) worst case, O(n) typically).</summary>
    private static double KthSmallest(ReadOnlySpan<double> values, int k)
    {
        var top = new double[k];
        Array.Fill(top, double.PositiveInfinity);
        foreach (double v in values)
        {
            if (v >= top[k - 1]) continue;
            int pos = k - 1;
            while (pos > 0 && top[pos - 1] > v) { top[pos] = top[pos - 1]; pos--; }
            top[pos] = v;
        }
        return top[k - 1];
    }

    /// <summary>Exact squared Euclidean distances to all points (the KD-tree's fallback when ties overflow its slack).</summary>
    internal void ExactAll(ReadOnlySpan<double> q, int k, List<(double D, int I)> candidates, Span<double> outDist, Span<int> outIdx)
    {
        var all = new double[Count];
        for (int j = 0; j < all.Length; j++) all[j] = Distances.SquaredEuclidean(q, _points.Row(j));
        double limit = KthSmallest(all, k) * (1 + 4 * TieTolerance);
        candidates.Clear();
        for (int j = 0; j < all.Length; j++) if (all[j] <= limit) candidates.Add((all[j], j));
        PickWithTies(candidates, k, outDist, outIdx, squared: true);
    }
}
