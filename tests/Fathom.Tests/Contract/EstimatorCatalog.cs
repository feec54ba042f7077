using Fathom.Core;
using Fathom.Data;
using Fathom.Persistence;

namespace Fathom.Tests.Contract;

/// <summary>
/// Finds every estimator the common checks run on: each public, non-abstract type of the Fathom assembly
/// that implements <see cref="IClassifier"/>, <see cref="IRegressor"/>, <see cref="ITransformer"/> or
/// <see cref="IClusterer"/>. A new estimator is picked up with no change here.
/// </summary>
/// <remarks>
/// Estimators are built with their parameterless constructor (scikit-learn's defaults). An estimator that
/// has no meaningful default — a <c>Pipeline</c> or <c>ColumnTransformer</c> needs its steps — gets one
/// line in <see cref="Factories"/>: its full type name and a function building a small, typical instance
/// for the family given (the checks' data are numeric matrices with columns named x0, x1, …). An
/// estimator with neither fails the <c>DefaultConstructible</c> check, whose message points here.
/// </remarks>
public static class EstimatorCatalog
{
    /// <summary>How to build estimators that need constructor arguments, by full type name and family.</summary>
    private static readonly Dictionary<string, Func<Family, object>> Factories = new(StringComparer.Ordinal)
    {
        // An empty pipeline cannot be fitted: the checks use the typical numeric preprocessing.
        ["Fathom.Compose.Pipeline"] = _ => new Fathom.Compose.Pipeline(
            ("impute", new Fathom.Preprocessing.SimpleImputer { Strategy = Fathom.Preprocessing.ImputeStrategy.Median }),
            ("scale", new Fathom.Preprocessing.StandardScaler())),
        // A column transformer without branches outputs nothing: the checks scale the numeric columns.
        ["Fathom.Compose.ColumnTransformer"] = _ => new Fathom.Compose.ColumnTransformer(
            new Fathom.Compose.ColumnBranch("num", new Fathom.Preprocessing.StandardScaler(), Fathom.Compose.ColumnSelector.Numeric)),
        // The check data have no missing values, so missing_only would indicate nothing: indicate every column.
        ["Fathom.Preprocessing.MissingIndicator"] = _ => new Fathom.Preprocessing.MissingIndicator { Features = Fathom.Preprocessing.MissingFeatures.All },
        // An empty union cannot be fitted: the checks join scaled values with min-max values.
        ["Fathom.Compose.FeatureUnion"] = _ => new Fathom.Compose.FeatureUnion(
            ("std", new Fathom.Preprocessing.StandardScaler()), ("minmax", new Fathom.Preprocessing.MinMaxScaler())),
        // Without novelty a local outlier factor describes only its training rows (scoring new rows throws by design,
        // LocalOutlierFactorTests checks it): the checks score rows, so they use novelty mode.
        ["Fathom.Anomaly.LocalOutlierFactor"] = _ => new Fathom.Anomaly.LocalOutlierFactor { Novelty = true },
    };

    /// <summary>
    /// Extra configurations run through every check besides the default one, named <c>Type[label]</c>: the
    /// non-default strategies and solvers whose code paths the defaults never reach (stochastic ones
    /// especially). Add a line when an estimator has such a path.
    /// </summary>
    private static readonly Dictionary<string, Func<object>> Variants = new(StringComparer.Ordinal)
    {
        ["Fathom.Dummy.DummyClassifier[most_frequent]"] = () => new Fathom.Dummy.DummyClassifier { Strategy = Fathom.Dummy.DummyClassifierStrategy.MostFrequent },
        ["Fathom.Dummy.DummyClassifier[stratified]"] = () => new Fathom.Dummy.DummyClassifier { Strategy = Fathom.Dummy.DummyClassifierStrategy.Stratified, Seed = 3 },
        ["Fathom.Dummy.DummyClassifier[uniform]"] = () => new Fathom.Dummy.DummyClassifier { Strategy = Fathom.Dummy.DummyClassifierStrategy.Uniform },
        ["Fathom.Boosting.GradientBoostingClassifier[sampled]"] = () => new Fathom.Boosting.GradientBoostingClassifier { Subsample = 0.7, ColsampleByTree = 0.8, MaxFeatures = 0.5, MaxIter = 20 },
        ["Fathom.Boosting.GradientBoostingRegressor[absolute_error]"] = () => new Fathom.Boosting.GradientBoostingRegressor { Loss = Fathom.Boosting.BoostingLoss.AbsoluteError, MaxIter = 20 },
        ["Fathom.Boosting.GradientBoostingRegressor[quantile]"] = () => new Fathom.Boosting.GradientBoostingRegressor { Loss = Fathom.Boosting.BoostingLoss.Quantile, Quantile = 0.8, MaxIter = 20 },
        ["Fathom.Boosting.GradientBoostingRegressor[pseudo_huber_sampled]"] = () => new Fathom.Boosting.GradientBoostingRegressor { Loss = Fathom.Boosting.BoostingLoss.PseudoHuber, Subsample = 0.7, MaxFeatures = 0.5, MaxIter = 20 },
        ["Fathom.Dummy.DummyRegressor[median]"] = () => new Fathom.Dummy.DummyRegressor { Strategy = Fathom.Dummy.DummyRegressorStrategy.Median },
        ["Fathom.Dummy.DummyRegressor[quantile]"] = () => new Fathom.Dummy.DummyRegressor { Strategy = Fathom.Dummy.DummyRegressorStrategy.Quantile, Quantile = 0.3 },
        ["Fathom.Discriminant.LinearDiscriminantAnalysis[lsqr,auto]"] = () => new Fathom.Discriminant.LinearDiscriminantAnalysis { Solver = Fathom.Discriminant.LdaSolver.Lsqr, AutoShrinkage = true },
        ["Fathom.Discriminant.LinearDiscriminantAnalysis[eigen,shrinkage]"] = () => new Fathom.Discriminant.LinearDiscriminantAnalysis { Solver = Fathom.Discriminant.LdaSolver.Eigen, Shrinkage = 0.1 },
        ["Fathom.Discriminant.QuadraticDiscriminantAnalysis[reg_param]"] = () => new Fathom.Discriminant.QuadraticDiscriminantAnalysis { RegParam = 0.1 },
        ["Fathom.Linear.LogisticRegression[l1]"] = () => new Fathom.Linear.LogisticRegression { Penalty = Fathom.Linear.LogisticPenalty.L1 },
        ["Fathom.Linear.LogisticRegression[elastic_net,ovr]"] = () => new Fathom.Linear.LogisticRegression { Penalty = Fathom.Linear.LogisticPenalty.ElasticNet, L1Ratio = 0.5, MultiClass = Fathom.Linear.LogisticMultiClass.Ovr },
        ["Fathom.Linear.SGDClassifier[log_loss,elastic_net,average]"] = () => new Fathom.Linear.SGDClassifier { Loss = Fathom.Linear.SgdClassifierLoss.LogLoss, Penalty = Fathom.Linear.SgdPenalty.ElasticNet, Average = 1, Seed = 4 },
        ["Fathom.Linear.SGDClassifier[modified_huber,adaptive]"] = () => new Fathom.Linear.SGDClassifier { Loss = Fathom.Linear.SgdClassifierLoss.ModifiedHuber, LearningRate = Fathom.Linear.SgdLearningRate.Adaptive, Eta0 = 0.01 },
        ["Fathom.Linear.SGDRegressor[huber,l1]"] = () => new Fathom.Linear.SGDRegressor { Loss = Fathom.Linear.SgdRegressorLoss.Huber, Penalty = Fathom.Linear.SgdPenalty.L1 },
        ["Fathom.Linear.Ridge[svd]"] = () => new Fathom.Linear.Ridge { Solver = Fathom.Linear.RidgeSolver.Svd },
        ["Fathom.Cluster.AgglomerativeClustering[3,complete]"] = () => new Fathom.Cluster.AgglomerativeClustering { Clusters = 3, Linkage = Fathom.Cluster.AgglomerativeLinkage.Complete },
        ["Fathom.Cluster.AgglomerativeClustering[average,threshold]"] = () => new Fathom.Cluster.AgglomerativeClustering { Clusters = null, DistanceThreshold = 1.0, Linkage = Fathom.Cluster.AgglomerativeLinkage.Average },
        ["Fathom.Cluster.AgglomerativeClustering[3,single]"] = () => new Fathom.Cluster.AgglomerativeClustering { Clusters = 3, Linkage = Fathom.Cluster.AgglomerativeLinkage.Single },
        ["Fathom.Cluster.HDBSCAN[leaf,manhattan]"] = () => new Fathom.Cluster.HDBSCAN { ClusterSelectionMethod = Fathom.Cluster.HdbscanSelection.Leaf, Metric = Fathom.Neighbors.NeighborMetric.Manhattan, MinSamples = 3 },
        ["Fathom.Cluster.HDBSCAN[epsilon,single]"] = () => new Fathom.Cluster.HDBSCAN { ClusterSelectionEpsilon = 0.5, AllowSingleCluster = true, MaxClusterSize = 40 },
        ["Fathom.Cluster.OPTICS[dbscan,max_eps]"] = () => new Fathom.Cluster.OPTICS { ClusterMethod = Fathom.Cluster.OpticsClusterMethod.Dbscan, MaxEps = 3, Eps = 1 },
        ["Fathom.Cluster.OPTICS[xi,fractions]"] = () => new Fathom.Cluster.OPTICS { MinSamples = 0.1, MinClusterSize = 0.2, PredecessorCorrection = false },
        ["Fathom.Decomposition.TruncatedSVD[arpack]"] = () => new Fathom.Decomposition.TruncatedSVD { Algorithm = Fathom.Decomposition.TruncatedSvdAlgorithm.Arpack },
        ["Fathom.Cluster.KMeans[3,elkan]"] = () => new Fathom.Cluster.KMeans { Clusters = 3, Algorithm = Fathom.Cluster.KMeansAlgorithm.Elkan },
        ["Fathom.Cluster.GaussianMixture[3,full]"] = () => new Fathom.Cluster.GaussianMixture { Components = 3 },
        ["Fathom.Cluster.GaussianMixture[3,tied]"] = () => new Fathom.Cluster.GaussianMixture { Components = 3, CovarianceType = Fathom.Cluster.GaussianMixtureCovariance.Tied },
        ["Fathom.Cluster.GaussianMixture[3,random]"] = () => new Fathom.Cluster.GaussianMixture { Components = 3, Init = Fathom.Cluster.GaussianMixtureInit.Random },
        ["Fathom.Cluster.GaussianMixture[3,diag]"] = () => new Fathom.Cluster.GaussianMixture { Components = 3, CovarianceType = Fathom.Cluster.GaussianMixtureCovariance.Diag },
        ["Fathom.Cluster.GaussianMixture[3,spherical]"] = () => new Fathom.Cluster.GaussianMixture { Components = 3, CovarianceType = Fathom.Cluster.GaussianMixtureCovariance.Spherical },
        ["Fathom.Linear.Lasso[positive,residual]"] = () => new Fathom.Linear.Lasso { Alpha = 0.05, Positive = true, Precompute = false },
        ["Fathom.Linear.ElasticNet[residual]"] = () => new Fathom.Linear.ElasticNet { Alpha = 0.05, Precompute = false },
        ["Fathom.Neighbors.KNeighborsClassifier[distance,brute]"] = () => new Fathom.Neighbors.KNeighborsClassifier { Weights = Fathom.Neighbors.NeighborWeights.Distance, Algorithm = Fathom.Neighbors.NeighborAlgorithm.Brute },
        ["Fathom.Neighbors.KNeighborsClassifier[manhattan]"] = () => new Fathom.Neighbors.KNeighborsClassifier { Metric = Fathom.Neighbors.NeighborMetric.Manhattan },
        ["Fathom.Svm.SVC[linear,balanced]"] = () => new Fathom.Svm.SVC { Kernel = Fathom.Svm.SvmKernel.Linear, ClassWeight = Fathom.Linear.ClassWeightMode.Balanced },
        ["Fathom.Svm.SVC[poly,probability]"] = () => new Fathom.Svm.SVC { Kernel = Fathom.Svm.SvmKernel.Poly, Degree = 2, Probability = true, Seed = 2 },
        ["Fathom.Svm.LinearSVC[hinge]"] = () => new Fathom.Svm.LinearSVC { Loss = Fathom.Svm.LinearSvcLoss.Hinge, Seed = 4 },
        ["Fathom.Svm.LinearSVR[squared]"] = () => new Fathom.Svm.LinearSVR { Loss = Fathom.Svm.LinearSvrLoss.SquaredEpsilonInsensitive, Epsilon = 0.1 },
        ["Fathom.Svm.SVR[linear]"] = () => new Fathom.Svm.SVR { Kernel = Fathom.Svm.SvmKernel.Linear },
        ["Fathom.Anomaly.OutlierRule[z_score]"] = () => new Fathom.Anomaly.OutlierRule { Rule = Fathom.Anomaly.OutlierRuleKind.ZScore },
        ["Fathom.Anomaly.OutlierRule[mad]"] = () => new Fathom.Anomaly.OutlierRule { Rule = Fathom.Anomaly.OutlierRuleKind.Mad },
        ["Fathom.Anomaly.IsolationForest[bootstrap,max_features]"] = () => new Fathom.Anomaly.IsolationForest { Bootstrap = true, MaxFeatures = "0.5", Contamination = 0.1 },
        ["Fathom.Anomaly.KernelDensity[epanechnikov,scott]"] = () => new Fathom.Anomaly.KernelDensity { Kernel = Fathom.Anomaly.DensityKernel.Epanechnikov, BandwidthRule = Fathom.Anomaly.BandwidthRule.Scott },
        ["Fathom.Neighbors.KNeighborsClassifier[nan_euclidean]"] = () => new Fathom.Neighbors.KNeighborsClassifier { Metric = Fathom.Neighbors.NeighborMetric.NanEuclidean },
        ["Fathom.Neighbors.KNeighborsRegressor[cosine]"] = () => new Fathom.Neighbors.KNeighborsRegressor { Metric = Fathom.Neighbors.NeighborMetric.Cosine },
        ["Fathom.Neighbors.RadiusNeighborsClassifier[distance,most_frequent]"] = () => new Fathom.Neighbors.RadiusNeighborsClassifier { Weights = Fathom.Neighbors.NeighborWeights.Distance, OutlierLabel = "most_frequent", Radius = 0.5 },
        ["Fathom.Neighbors.RadiusNeighborsRegressor[chebyshev]"] = () => new Fathom.Neighbors.RadiusNeighborsRegressor { Metric = Fathom.Neighbors.NeighborMetric.Chebyshev, Radius = 2 },
        ["Fathom.Neighbors.KNeighborsRegressor[distance,kd_tree]"] = () => new Fathom.Neighbors.KNeighborsRegressor { Weights = Fathom.Neighbors.NeighborWeights.Distance, Algorithm = Fathom.Neighbors.NeighborAlgorithm.KDTree },
    };

    /// <summary>The type of a case name (a type name, or a variant <c>Type[label]</c>).</summary>
    public static Type TypeOf(string caseName)
    {
        ArgumentNullException.ThrowIfNull(caseName);
        int bracket = caseName.IndexOf('[', StringComparison.Ordinal);
        return Types[bracket < 0 ? caseName : caseName[..bracket]];
    }

    /// <summary>
    /// Transformers that cannot take the checks' numeric frames get them converted, by full type name: the
    /// function turns the numeric frame (columns x0, x1, …; NaN = missing) into the input the transformer
    /// takes, keeping the column names, row order and missing cells. Every check then runs unchanged.
    /// </summary>
    private static readonly Dictionary<string, Func<DataFrame, DataFrame>> InputAdapters = new(StringComparer.Ordinal)
    {
        ["Fathom.Preprocessing.DateTimeFeatures"] = AsDates, // takes only date columns
        ["Fathom.Preprocessing.LogTransformer"] = AsAbsolute, // log(1 + x) needs x > −1
    };

    /// <summary>The numeric check frame as the transformer of <paramref name="typeName"/> takes it.</summary>
    public static DataFrame AdaptInput(string typeName, DataFrame frame) =>
        InputAdapters.TryGetValue(typeName, out var adapt) ? adapt(frame) : frame;

    /// <summary>Absolute values of the numeric columns (NaN stays NaN), for transformers defined on x ≥ 0.</summary>
    public static DataFrame AsAbsolute(DataFrame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        return new DataFrame(frame.Columns.Select(c => c is NumericColumn n
            ? new NumericColumn(n.Name, n.Values.ToArray().Select(Math.Abs).ToArray())
            : c).ToArray());
    }

    /// <summary>Numeric columns as dates: value v becomes 2020-01-01 plus v·40 days (non-finite = missing).</summary>
    public static DataFrame AsDates(DataFrame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        var start = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        return new DataFrame(frame.Columns.Select(c => (DataColumn)new DateTimeColumn(c.Name,
            ((NumericColumn)c).ToArray().Select(v => double.IsFinite(v) ? start.AddDays(v * 40) : (DateTime?)null).ToArray())));
    }

    /// <summary>Placeholder case name while a family has no estimator yet; checks return at once for it.</summary>
    public const string None = "(none yet)";

    /// <summary>All discovered estimator types, by full name.</summary>
    public static IReadOnlyDictionary<string, Type> Types { get; } = typeof(ModelFile).Assembly.GetTypes()
        .Where(t => t.IsPublic && !t.IsAbstract && !t.IsInterface && typeof(IEstimator).IsAssignableFrom(t))
        .Where(t => Family.All.Any(f => f.Matches(t)))
        .ToDictionary(t => t.FullName!, StringComparer.Ordinal);

    /// <summary>True when the type has a factory line (i.e. no usable default constructor is expected).</summary>
    public static bool HasFactory(string typeName) => Factories.ContainsKey(typeName) || Variants.ContainsKey(typeName);

    /// <summary>A fresh estimator of the type for checks of <paramref name="family"/>.</summary>
    public static object Create(string typeName, Family family)
    {
        ArgumentNullException.ThrowIfNull(family);
        if (Variants.TryGetValue(typeName, out var variant)) return variant();
        if (Factories.TryGetValue(typeName, out var make)) return make(family);
        var type = Types[typeName];
        if (type.GetConstructor(Type.EmptyTypes) is null)
            throw new InvalidOperationException(
                $"{typeName} has no parameterless constructor; add a line for it to EstimatorCatalog.Factories (tests/Fathom.Tests/Contract).");
        return Activator.CreateInstance(type)!;
    }

    /// <summary>The estimator with its <c>Seed</c> hyperparameter (if it has one) set to <paramref name="seed"/>.</summary>
    public static object WithSeed(object estimator, int seed)
    {
        ArgumentNullException.ThrowIfNull(estimator);
        return Hyperparameters.Describe(estimator.GetType()).Any(h => h.Key == "seed")
            ? Hyperparameters.With(estimator, [new KeyValuePair<string, string>("seed", seed.ToString(System.Globalization.CultureInfo.InvariantCulture))])
            : estimator;
    }

    /// <summary>(type, family) pairs for every discovered estimator, for [MemberData].</summary>
    public static TheoryData<string, string> All()
    {
        var data = new TheoryData<string, string>();
        foreach (var (name, type) in Types.OrderBy(t => t.Key, StringComparer.Ordinal))
            foreach (var f in Family.All.Where(f => f.Matches(type)))
            {
                data.Add(name, f.Name);
                foreach (var v in Variants.Keys.Where(k => k.StartsWith(name + "[", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
                    data.Add(v, f.Name);
            }
        return data;
    }

    /// <summary>Discovered estimators of one family, for [MemberData].</summary>
    public static TheoryData<string> Of(string family)
    {
        var data = new TheoryData<string>();
        var f = Family.Get(family);
        foreach (var (name, type) in Types.OrderBy(t => t.Key, StringComparer.Ordinal))
            if (f.Matches(type))
            {
                data.Add(name);
                foreach (var v in Variants.Keys.Where(k => k.StartsWith(name + "[", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
                    data.Add(v);
            }
        if (data.Count == 0) data.Add(None); // xunit refuses a theory without data
        return data;
    }
}
