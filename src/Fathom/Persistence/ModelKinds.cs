using Fathom.Core;

namespace Fathom.Persistence;

/// <summary>
/// The allow-list of model kinds a file may name. Loading looks the manifest's kind up here and calls the
/// registered reader; it never creates a type named by the file, so a crafted file cannot instantiate
/// arbitrary code. Every model type adds one line to <see cref="Readers"/>.
/// </summary>
public static class ModelKinds
{
    private static readonly Dictionary<string, Func<ModelReader, IModel>> Readers = new(StringComparer.Ordinal)
    {
        ["dummy-classifier"] = r => Dummy.DummyClassificationModel.ReadFrom(r),
        ["dummy-regressor"] = r => Dummy.DummyRegressionModel.ReadFrom(r),
        ["logistic-regression"] = r => Fathom.Linear.LogisticRegressionModel.ReadFrom(r),
        ["logistic-regression-cv"] = r => Fathom.Linear.LogisticRegressionCVModel.ReadFrom(r),
        ["linear-regression"] = r => Fathom.Linear.LinearRegressionModel.ReadFrom(r),
        ["ols"] = r => Fathom.Linear.OrdinaryLeastSquaresModel.ReadFrom(r),
        ["ridge"] = r => Fathom.Linear.RidgeModel.ReadFrom(r),
        ["lasso"] = r => Fathom.Linear.LassoModel.ReadFrom(r),
        ["elastic-net"] = r => Fathom.Linear.ElasticNetModel.ReadFrom(r),
        ["ridge-cv"] = r => Fathom.Linear.RidgeCVModel.ReadFrom(r),
        ["lasso-cv"] = r => Fathom.Linear.LassoCVModel.ReadFrom(r),
        ["elastic-net-cv"] = r => Fathom.Linear.ElasticNetCVModel.ReadFrom(r),
        ["ridge-classifier"] = r => Fathom.Linear.RidgeClassifierModel.ReadFrom(r),
        ["sgd-classifier"] = r => Fathom.Linear.SGDClassifierModel.ReadFrom(r),
        ["sgd-regressor"] = r => Fathom.Linear.SGDRegressorModel.ReadFrom(r),
        ["multinomial-nb"] = r => Fathom.NaiveBayes.MultinomialNBModel.ReadFrom(r),
        ["bernoulli-nb"] = r => Fathom.NaiveBayes.BernoulliNBModel.ReadFrom(r),
        ["complement-nb"] = r => Fathom.NaiveBayes.ComplementNBModel.ReadFrom(r),
        ["gaussian-nb"] = r => Fathom.NaiveBayes.GaussianNBModel.ReadFrom(r),
        ["lda"] = r => Fathom.Discriminant.LinearDiscriminantAnalysisModel.ReadFrom(r),
        ["qda"] = r => Fathom.Discriminant.QuadraticDiscriminantAnalysisModel.ReadFrom(r),
        ["knn"] = r => Fathom.Neighbors.KNeighborsClassifierModel.ReadFrom(r),
        ["knn-regressor"] = r => Fathom.Neighbors.KNeighborsRegressorModel.ReadFrom(r),
        ["radius-neighbors-classifier"] = r => Fathom.Neighbors.RadiusNeighborsClassifierModel.ReadFrom(r),
        ["radius-neighbors-regressor"] = r => Fathom.Neighbors.RadiusNeighborsRegressorModel.ReadFrom(r),
        ["standard-scaler"] = r => Fathom.Preprocessing.StandardScalerModel.ReadFrom(r),
        ["simple-imputer"] = r => Fathom.Preprocessing.SimpleImputerModel.ReadFrom(r),
        ["one-hot-encoder"] = r => Fathom.Preprocessing.OneHotEncoderModel.ReadFrom(r),
        ["min-max-scaler"] = r => Fathom.Preprocessing.MinMaxScalerModel.ReadFrom(r),
        ["robust-scaler"] = r => Fathom.Preprocessing.RobustScalerModel.ReadFrom(r),
        ["max-abs-scaler"] = r => Fathom.Preprocessing.MaxAbsScalerModel.ReadFrom(r),
        ["normalizer"] = r => Fathom.Preprocessing.NormalizerModel.ReadFrom(r),
        ["binarizer"] = r => Fathom.Preprocessing.BinarizerModel.ReadFrom(r),
        ["power-transformer"] = r => Fathom.Preprocessing.PowerTransformerModel.ReadFrom(r),
        ["quantile-transformer"] = r => Fathom.Preprocessing.QuantileTransformerModel.ReadFrom(r),
        ["k-bins-discretizer"] = r => Fathom.Preprocessing.KBinsDiscretizerModel.ReadFrom(r),
        ["polynomial-features"] = r => Fathom.Preprocessing.PolynomialFeaturesModel.ReadFrom(r),
        ["log-transformer"] = r => Fathom.Preprocessing.LogTransformerModel.ReadFrom(r),
        ["winsorizer"] = r => Fathom.Preprocessing.WinsorizerModel.ReadFrom(r),
        ["ordinal-encoder"] = r => Fathom.Preprocessing.OrdinalEncoderModel.ReadFrom(r),
        ["target-encoder"] = r => Fathom.Preprocessing.TargetEncoderModel.ReadFrom(r),
        ["knn-imputer"] = r => Fathom.Preprocessing.KNNImputerModel.ReadFrom(r),
        ["missing-indicator"] = r => Fathom.Preprocessing.MissingIndicatorModel.ReadFrom(r),
        ["iterative-imputer"] = r => Fathom.Preprocessing.IterativeImputerModel.ReadFrom(r),
        ["date-time-features"] = r => Fathom.Preprocessing.DateTimeFeaturesModel.ReadFrom(r),
        ["column-transformer"] = r => Fathom.Compose.ColumnTransformerModel.ReadFrom(r),
        ["feature-selection"] = r => Fathom.FeatureSelection.FeatureSelectionModel.ReadFrom(r),
        ["feature-union"] = r => Fathom.Compose.FeatureUnionModel.ReadFrom(r),
        ["pipeline"] = r => Fathom.Compose.PipelineModel.ReadFrom(r),
        ["decision-tree"] = r => Fathom.Trees.DecisionTreeClassificationModel.ReadFrom(r),
        ["decision-tree-regressor"] = r => Fathom.Trees.DecisionTreeRegressionModel.ReadFrom(r),
        ["random-forest"] = r => Fathom.Ensemble.RandomForestClassificationModel.ReadFrom(r),
        ["random-forest-regressor"] = r => Fathom.Ensemble.RandomForestRegressionModel.ReadFrom(r),
        ["extra-trees"] = r => Fathom.Ensemble.ExtraTreesClassificationModel.ReadFrom(r),
        ["extra-trees-regressor"] = r => Fathom.Ensemble.ExtraTreesRegressionModel.ReadFrom(r),
        ["adaboost-classifier"] = r => Fathom.Ensemble.AdaBoostClassificationModel.ReadFrom(r),
        ["adaboost-regressor"] = r => Fathom.Ensemble.AdaBoostRegressionModel.ReadFrom(r),
        ["bagging-classifier"] = r => Fathom.Ensemble.BaggingClassificationModel.ReadFrom(r),
        ["bagging-regressor"] = r => Fathom.Ensemble.BaggingRegressionModel.ReadFrom(r),
        ["voting-classifier"] = r => Fathom.Ensemble.VotingClassificationModel.ReadFrom(r),
        ["voting-regressor"] = r => Fathom.Ensemble.VotingRegressionModel.ReadFrom(r),
        ["stacking-classifier"] = r => Fathom.Ensemble.StackingClassificationModel.ReadFrom(r),
        ["stacking-regressor"] = r => Fathom.Ensemble.StackingRegressionModel.ReadFrom(r),
        ["gradient-boosting"] = r => Fathom.Boosting.GradientBoostingClassificationModel.ReadFrom(r),
        ["gradient-boosting-regressor"] = r => Fathom.Boosting.GradientBoostingRegressionModel.ReadFrom(r),
        ["kmeans"] = r => Fathom.Cluster.KMeansModel.ReadFrom(r),
        ["pca"] = r => Fathom.Decomposition.PCAModel.ReadFrom(r),
        ["kernel-pca"] = r => Fathom.Decomposition.KernelPCAModel.ReadFrom(r),
        ["factor-analysis"] = r => Fathom.Decomposition.FactorAnalysisModel.ReadFrom(r),
        ["incremental-pca"] = r => Fathom.Decomposition.IncrementalPCAModel.ReadFrom(r),
        ["truncated-svd"] = r => Fathom.Decomposition.TruncatedSVDModel.ReadFrom(r),
        ["umap"] = r => Fathom.Manifold.UMAPModel.ReadFrom(r),
        ["isomap"] = r => Fathom.Manifold.IsomapModel.ReadFrom(r),
        ["fast-ica"] = r => Fathom.Decomposition.FastICAModel.ReadFrom(r),
        ["nmf"] = r => Fathom.Decomposition.NMFModel.ReadFrom(r),
        ["mean-shift"] = r => Fathom.Cluster.MeanShiftModel.ReadFrom(r),
        ["dbscan"] = r => Fathom.Cluster.DBSCANModel.ReadFrom(r),
        ["agglomerative"] = r => Fathom.Cluster.AgglomerativeClusteringModel.ReadFrom(r),
        ["hdbscan"] = r => Fathom.Cluster.HDBSCANModel.ReadFrom(r),
        ["optics"] = r => Fathom.Cluster.OPTICSModel.ReadFrom(r),
        ["minibatch-kmeans"] = r => Fathom.Cluster.MiniBatchKMeansModel.ReadFrom(r),
        ["gaussian-mixture"] = r => Fathom.Cluster.GaussianMixtureModel.ReadFrom(r),
        ["svc"] = r => Fathom.Svm.SVCModel.ReadFrom(r, nu: false),
        ["nu-svc"] = r => Fathom.Svm.SVCModel.ReadFrom(r, nu: true),
        ["svr"] = r => Fathom.Svm.SVRModel.ReadFrom(r, nu: false),
        ["nu-svr"] = r => Fathom.Svm.SVRModel.ReadFrom(r, nu: true),
        ["one-class-svm"] = r => Fathom.Svm.OneClassSVMModel.ReadFrom(r),
        ["linear-svc"] = r => Fathom.Svm.LinearSVCModel.ReadFrom(r),
        ["linear-svr"] = r => Fathom.Svm.LinearSVRModel.ReadFrom(r),
        ["isotonic-regression"] = r => Fathom.ModelSelection.IsotonicRegressionModel.ReadFrom(r),
        ["calibrated-classifier"] = r => Fathom.ModelSelection.CalibratedClassificationModel.ReadFrom(r),
        ["threshold-classifier"] = r => Fathom.ModelSelection.ThresholdClassificationModel.ReadFrom(r),
        ["isolation-forest"] = r => Fathom.Anomaly.IsolationForestModel.ReadFrom(r),
        ["elliptic-envelope"] = r => Fathom.Anomaly.EllipticEnvelopeModel.ReadFrom(r),
        ["outlier-rule"] = r => Fathom.Anomaly.OutlierRuleModel.ReadFrom(r),
        ["kernel-density"] = r => Fathom.Anomaly.KernelDensityModel.ReadFrom(r),
        ["local-outlier-factor"] = r => Fathom.Anomaly.LocalOutlierFactorModel.ReadFrom(r),
    };

    /// <summary>The allow-list itself (read-only), for <see cref="ModelReader"/>.</summary>
    internal static IReadOnlyDictionary<string, Func<ModelReader, IModel>> Table => Readers;

    /// <summary>The kinds this library can load.</summary>
    public static IReadOnlyCollection<string> Known => Readers.Keys;

    /// <summary>True when <paramref name="kind"/> is on the allow-list.</summary>
    public static bool IsKnown(string kind) => Readers.ContainsKey(kind ?? "");

    /// <summary>Loads the model a reader points at through its registered reader.</summary>
    /// <exception cref="ModelFormatException">The kind is not on the allow-list.</exception>
    internal static IModel Load(ModelReader reader)
    {
        string kind = reader.Kind;
        if (!reader.Readers.TryGetValue(kind, out var read))
            throw new ModelFormatException(
                $"The model file names model kind '{kind}', which this version of Fathom does not know; it may come from a newer version or be damaged.");
        return read(reader);
    }
}
