namespace Fathom.Tests.Contract;

/// <summary>
/// The one visible list of estimator × check pairs the common checks skip, each with its reason. Keep it
/// short: an exemption is a known gap, not a place to hide failures. A bug found in another area's
/// estimator is listed as "bug reported: …" only while it blocks the suite.
/// </summary>
public static class ContractExemptions
{
    /// <summary>(case name — full type name or variant <c>Type[label]</c> —, check method name or "*" for all, reason).</summary>
    public static readonly IReadOnlyList<(string Type, string Check, string Reason)> List =
    [
        ("Fathom.ModelSelection.IsotonicRegression", "*",
            "by design, as scikit-learn's IsotonicRegression: X has exactly one column and the checks use several; IsotonicRegressionTests cover fit, weights, bounds, save/load and the one-column error against scikit-learn 1.2.1"),
        ("Fathom.ModelSelection.ThresholdTuner", "*",
            "by design: binary only (a decision threshold on P(positive)) and the checks' classification data have three classes; ThresholdTunerTests cover tuning, prediction, save/load and errors"),
        ("Fathom.ModelSelection.CalibratedClassifier", "IntegerWeightsEqualRepeatedRows",
            "by design, as scikit-learn's CalibratedClassifierCV: the folds split rows, so repeating rows changes which rows each fold trains and calibrates on"),
        ("Fathom.Dummy.DummyRegressor[median]", "UnitWeightsEqualNoWeights",
            "by design, as scikit-learn 1.2.1: no weights = numpy's interpolating median, weights = lower weighted percentile (documented on DummyRegressor)"),
        ("Fathom.Dummy.DummyRegressor[quantile]", "UnitWeightsEqualNoWeights",
            "by design, as scikit-learn 1.2.1: no weights = numpy's interpolating percentile, weights = lower weighted percentile (documented on DummyRegressor)"),
        ("Fathom.Ensemble.RandomForestClassifier", "IntegerWeightsEqualRepeatedRows",
            "by design, as scikit-learn: the bootstrap draws n rows from the n given rows, so repeating rows changes every tree's sample"),
        ("Fathom.Ensemble.RandomForestRegressor", "IntegerWeightsEqualRepeatedRows",
            "by design, as scikit-learn: the bootstrap draws n rows from the n given rows, so repeating rows changes every tree's sample"),
        ("Fathom.Ensemble.AdaBoostRegressor", "IntegerWeightsEqualRepeatedRows",
            "by design, as scikit-learn's AdaBoost.R2: each round draws n rows from the n given rows with probability = weight, so repeating rows changes the number and makeup of the draws"),
        ("Fathom.Ensemble.BaggingClassifier", "IntegerWeightsEqualRepeatedRows",
            "by design, as scikit-learn: each member draws n rows from the n given rows, so repeating rows changes every member's sample"),
        ("Fathom.Ensemble.BaggingRegressor", "IntegerWeightsEqualRepeatedRows",
            "by design, as scikit-learn: each member draws n rows from the n given rows, so repeating rows changes every member's sample"),
        ("Fathom.Ensemble.VotingRegressor", "IntegerWeightsEqualRepeatedRows",
            "inherited from a default member: the random forest's bootstrap draws n rows from the n given rows, so repeating rows changes its trees (voting itself passes weights through unchanged)"),
        ("Fathom.Ensemble.StackingClassifier", "IntegerWeightsEqualRepeatedRows",
            "by design, as scikit-learn: the out-of-fold predictions come from folds over rows, so repeating rows changes the folds and the final estimator's input"),
        ("Fathom.Ensemble.StackingRegressor", "IntegerWeightsEqualRepeatedRows",
            "by design, as scikit-learn: the out-of-fold predictions come from folds over rows, so repeating rows changes the folds and the final estimator's input"),
        ("Fathom.Boosting.GradientBoostingClassifier", "IntegerWeightsEqualRepeatedRows",
            "by design, as scikit-learn's HistGradientBoosting: min_samples_leaf counts rows (not weight), so repeating rows lets leaves split that integer weights keep whole"),
        ("Fathom.Boosting.GradientBoostingClassifier[sampled]", "IntegerWeightsEqualRepeatedRows",
            "by design: min_samples_leaf counts rows, and the row sample is drawn from the rows given, so repeated rows change it"),
        ("Fathom.Boosting.GradientBoostingRegressor[absolute_error]", "IntegerWeightsEqualRepeatedRows",
            "by design, as scikit-learn's HistGradientBoosting: min_samples_leaf counts rows (not weight)"),
        ("Fathom.Boosting.GradientBoostingRegressor[quantile]", "IntegerWeightsEqualRepeatedRows",
            "by design, as scikit-learn's HistGradientBoosting: min_samples_leaf counts rows (not weight)"),
        ("Fathom.Boosting.GradientBoostingRegressor[pseudo_huber_sampled]", "IntegerWeightsEqualRepeatedRows",
            "by design: min_samples_leaf counts rows, and the row sample is drawn from the rows given, so repeated rows change it"),
        ("Fathom.Boosting.GradientBoostingRegressor[absolute_error]", "UnitWeightsEqualNoWeights",
            "by design, as scikit-learn 1.2.1: without weights leaf values are numpy's interpolating median, with weights the lower weighted percentile"),
        ("Fathom.Boosting.GradientBoostingRegressor[quantile]", "UnitWeightsEqualNoWeights",
            "by design, as scikit-learn 1.2.1: without weights leaf values are numpy's interpolating percentile, with weights the lower weighted percentile"),
        ("Fathom.Boosting.GradientBoostingRegressor", "IntegerWeightsEqualRepeatedRows",
            "by design, as scikit-learn's HistGradientBoosting: min_samples_leaf counts rows (not weight), so repeating rows lets leaves split that integer weights keep whole"),
        ("Fathom.Linear.SGDRegressor", "IntegerWeightsEqualRepeatedRows",
            "by design, as scikit-learn: SGD takes one step per row, so a row of weight 2 makes one doubled step while two copies make two steps at other learning rates and epoch positions (weights are checked against scikit-learn in SgdTests)"),
        ("Fathom.Linear.SGDRegressor[huber,l1]", "IntegerWeightsEqualRepeatedRows",
            "by design, as scikit-learn: SGD takes one step per row, so a row of weight 2 makes one doubled step while two copies make two steps at other learning rates and epoch positions (weights are checked against scikit-learn in SgdTests)"),
        ("Fathom.Linear.SGDClassifier[log_loss,elastic_net,average]", "IntegerWeightsEqualRepeatedRows",
            "by design, as scikit-learn: SGD takes one step per row, so a row of weight 2 makes one doubled step while two copies make two steps at other learning rates and epoch positions (weights are checked against scikit-learn in SgdTests)"),
        ("Fathom.Linear.SGDClassifier[modified_huber,adaptive]", "IntegerWeightsEqualRepeatedRows",
            "by design, as scikit-learn: SGD takes one step per row, so a row of weight 2 makes one doubled step while two copies make two steps at other learning rates and epoch positions (weights are checked against scikit-learn in SgdTests)"),
        ("Fathom.Linear.LogisticRegressionCV", "IntegerWeightsEqualRepeatedRows",
            "by design, as scikit-learn: the stratified folds are drawn from rows, so repeated rows change the folds (and a copy can sit on both sides of a split), hence the fold accuracies and possibly the chosen C"),
        ("Fathom.Discriminant.QuadraticDiscriminantAnalysis", "ConstantFeatureBehaves",
            "by design: with reg_param = 0 a constant feature makes every class covariance singular (scikit-learn 1.2.1 warns and returns NaN); Fit throws an InvalidInputException asking for reg_param > 0 (DiscriminantBehaviourTests.QdaConstantFeatureWithoutRegularizationThrowsClearError); the [reg_param] variant passes the check"),
        ("Fathom.Cluster.GaussianMixture[3,random]", "IntegerWeightsEqualRepeatedRows",
            "by design, as scikit-learn's init_params='random': every row draws its own random responsibilities, so a repeated row starts from different numbers than its weighted original; from the same k-means or given start, weights equal repeated rows (GaussianMixtureTests.IntegerWeightsEqualRepeatedRowsFromTheSameStart)"),
        ("Fathom.Anomaly.KernelDensity", "IntegerWeightsEqualRepeatedRows",
            "by design: the densities match (KernelDensityTests.IntegerWeightsEqualRepeatedRows checks them to 1e-12), but the offset is the unweighted contamination quantile over training rows, which repeating rows moves"),
        ("Fathom.Anomaly.KernelDensity[epanechnikov,scott]", "IntegerWeightsEqualRepeatedRows",
            "by design: as the default variant, and Scott's bandwidth depends on the total weight n, which equals the repeated row count, so only the offset differs"),
        ("Fathom.Decomposition.PCA", "ColumnOrderDoesNotMatter",
            "PCA mixes all columns: refitting on permuted columns gives the same components mathematically (checked to 1e-10 in PCAColumnOrderTests.RefitOnPermutedColumnsGivesTheSameProjection) but the SVD rounding differs, so not bit for bit; transforming a frame with columns in another order is bit-identical (also checked there)"),
        ("Fathom.Preprocessing.PolynomialFeatures", "ColumnOrderDoesNotMatter",
            "by design, as scikit-learn: the products are named and ordered after the fitted column order (x0 x2 vs x2 x0), so a refit on reordered columns names its outputs differently; transforming a reordered frame is bit-identical (BinsPolynomialTests.PolynomialTransformOfReorderedFrameIsIdentical; names are checked against scikit-learn there too)"),
        ("Fathom.FeatureSelection.CorrelationFilter", "ColumnOrderDoesNotMatter",
            "by design: of two correlated columns the earlier one in the input is kept (documented rule), so refitting on reordered columns keeps the other one; transforming a reordered frame keeps the same columns (FeatureSelectionModel looks columns up by name)"),
        ("Fathom.Decomposition.FactorAnalysis", "ColumnOrderDoesNotMatter",
            "the SVD mixes all columns: refitting on permuted columns gives the same factors to rounding (checked to 1e-8 in FactorAnalysisTests.RefitOnPermutedColumnsGivesTheSameFactors), not bit for bit; transforming a frame with columns in another order is bit-identical (also checked there)"),
        ("Fathom.Decomposition.IncrementalPCA", "ColumnOrderDoesNotMatter",
            "the SVD mixes all columns: refitting on permuted columns gives the same projection to rounding (checked to 1e-9 in IncrementalPCATests.RefitOnPermutedColumnsGivesTheSameProjection), not bit for bit; transforming a frame with columns in another order is bit-identical (also checked there)"),
        ("Fathom.Decomposition.KernelPCA", "ColumnOrderDoesNotMatter",
            "the kernel sums over all columns: refitting on permuted columns gives the same scores to rounding (checked to 1e-9 in KernelPCATests.RefitOnPermutedColumnsGivesTheSameScores), not bit for bit; transforming a frame with columns in another order is bit-identical (also checked there)"),
        ("Fathom.Decomposition.FastICA", "ColumnOrderDoesNotMatter",
            "the whitening SVD mixes all columns and the random start lives in the whitened basis, so refitting on permuted columns may reach the components in another order or sign (an ICA is defined only up to those) and is not bit for bit; transforming a frame with columns in another order is bit-identical (columns are found by name)"),
        ("Fathom.Decomposition.NMF", "ColumnOrderDoesNotMatter",
            "the NNDSVD start and the coordinate-descent sums run over all columns: refitting on permuted columns gives the same factors to rounding (checked to 1e-9 in NMFTests.RefitOnPermutedColumnsGivesTheSameFactors), not bit for bit"),
        ("Fathom.Decomposition.TruncatedSVD[arpack]", "ColumnOrderDoesNotMatter",
            "as the default TruncatedSVD: the Gram products sum over all columns and the Lanczos start vector pairs with columns by position, so the refit on permuted columns agrees to rounding (checked to 1e-9 in TruncatedSVDTests.RefitOnPermutedColumnsGivesTheSameProjection), not bit for bit"),
        ("Fathom.Decomposition.TruncatedSVD", "ColumnOrderDoesNotMatter",
            "the SVD mixes all columns: refitting on permuted columns gives the same projection to rounding (checked to 1e-9 in TruncatedSVDTests.RefitOnPermutedColumnsGivesTheSameProjection), not bit for bit; transforming a frame with columns in another order is bit-identical (also checked there)"),
        ("Fathom.Decomposition.TruncatedSVD", "OneFeatureDataBehaves",
            "by design, as scikit-learn 1.2.1: the default n_components = 2 cannot exceed 1 feature, so Fit throws an InvalidHyperparameterException naming n_components (TruncatedSVDTests.TransformIsProjectionWithoutCentringAndSurvivesSaveLoad checks the error)"),
        ("Fathom.Decomposition.TruncatedSVD[arpack]", "OneFeatureDataBehaves",
            "by design, as scikit-learn 1.2.1: the default n_components = 2 cannot exceed 1 feature, so Fit throws an InvalidHyperparameterException naming n_components (TruncatedSVDTests.TransformIsProjectionWithoutCentringAndSurvivesSaveLoad checks the error)"),
        ("Fathom.Manifold.Isomap", "ColumnOrderDoesNotMatter",
            "Isomap's distances sum over all columns: refitting on permuted columns gives the same embedding to rounding (checked to 1e-9 in IsomapTests.RefitOnPermutedColumnsGivesTheSameEmbedding), not bit for bit; transforming a frame with columns in another order is bit-identical (also checked there)"),
        ("Fathom.Manifold.UMAP", "ColumnOrderDoesNotMatter",
            "UMAP's distances sum over all columns, so refitting on permuted columns rounds them differently and the stochastic layout then drifts apart (as umap-learn); transforming a frame with columns in another order is bit-identical (UMAPTests.TransformIgnoresColumnOrder)"),
        ("Fathom.Svm.SVC", "IntegerWeightsEqualRepeatedRows",
            "by design, as scikit-learn: gamma = scale is 1 / (p·Var(X)) over the given rows, which repeating rows changes, and SMO stops at tol = 1e-3 at different points of the two problems; with a fixed gamma and a tight tol, weights = repeated rows is checked in SvmWeightTests"),
        ("Fathom.Svm.SVC[linear,balanced]", "IntegerWeightsEqualRepeatedRows",
            "by design, as scikit-learn: gamma = scale is 1 / (p·Var(X)) over the given rows, which repeating rows changes, and SMO stops at tol = 1e-3 at different points of the two problems; with a fixed gamma and a tight tol, weights = repeated rows is checked in SvmWeightTests"),
        ("Fathom.Svm.NuSVC", "IntegerWeightsEqualRepeatedRows",
            "by design, as scikit-learn: gamma = scale is 1 / (p·Var(X)) over the given rows, which repeating rows changes, and SMO stops at tol = 1e-3 at different points of the two problems; with a fixed gamma and a tight tol, weights = repeated rows is checked in SvmWeightTests"),
        ("Fathom.Svm.SVR", "IntegerWeightsEqualRepeatedRows",
            "by design, as scikit-learn: gamma = scale is 1 / (p·Var(X)) over the given rows, which repeating rows changes, and SMO stops at tol = 1e-3 at different points of the two problems; with a fixed gamma and a tight tol, weights = repeated rows is checked in SvmWeightTests"),
        ("Fathom.Svm.SVR[linear]", "IntegerWeightsEqualRepeatedRows",
            "by design, as scikit-learn: gamma = scale is 1 / (p·Var(X)) over the given rows, which repeating rows changes, and SMO stops at tol = 1e-3 at different points of the two problems; with a fixed gamma and a tight tol, weights = repeated rows is checked in SvmWeightTests"),
        ("Fathom.Svm.NuSVR", "IntegerWeightsEqualRepeatedRows",
            "by design, as scikit-learn: gamma = scale is 1 / (p·Var(X)) over the given rows, which repeating rows changes, and SMO stops at tol = 1e-3 at different points of the two problems; with a fixed gamma and a tight tol, weights = repeated rows is checked in SvmWeightTests"),
        ("Fathom.Svm.SVC[poly,probability]", "IntegerWeightsEqualRepeatedRows",
            "by design, as libsvm: Platt scaling uses an internal 5-fold cross-validation over rows, so repeating rows changes the folds"),
        ("Fathom.Svm.LinearSVC", "IntegerWeightsEqualRepeatedRows",
            "equal at the optimum, but dual coordinate descent stops at tol = 1e-4 after passes in a random order over the rows, which repeating rows changes (as liblinear); checked at tol = 1e-10 in SvmWeightTests"),
        ("Fathom.Svm.LinearSVC[hinge]", "IntegerWeightsEqualRepeatedRows",
            "equal at the optimum, but dual coordinate descent stops at tol = 1e-4 after passes in a random order over the rows, which repeating rows changes (as liblinear); checked at tol = 1e-10 in SvmWeightTests"),
        ("Fathom.Svm.LinearSVR", "IntegerWeightsEqualRepeatedRows",
            "equal at the optimum, but dual coordinate descent stops at tol = 1e-4 after passes in a random order over the rows, which repeating rows changes (as liblinear); checked at tol = 1e-10 in SvmWeightTests"),
        ("Fathom.Svm.LinearSVR[squared]", "IntegerWeightsEqualRepeatedRows",
            "equal at the optimum, but dual coordinate descent stops at tol = 1e-4 after passes in a random order over the rows, which repeating rows changes (as liblinear); checked at tol = 1e-10 in SvmWeightTests"),
    ];

    /// <summary>The reason the pair is exempt, or null.</summary>
    public static string? Reason(string type, string check) =>
        List.FirstOrDefault(e => e.Type == type && (e.Check == check || e.Check == "*")).Reason;
}

public class ContractExemptionListTests
{
    [Fact]
    public void EveryExemptionNamesAnExistingEstimatorAndCheckAndGivesAReason()
    {
        var checks = typeof(ContractExemptionListTests).Assembly.GetTypes()
            .Where(t => t.Namespace == typeof(ContractExemptions).Namespace)
            .SelectMany(t => t.GetMethods()).Select(m => m.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var (type, check, reason) in ContractExemptions.List)
        {
            Assert.True(EstimatorCatalog.All().Any(row => (string)row[0] == type), $"exempt estimator {type} does not exist");
            Assert.True(check == "*" || checks.Contains(check), $"exempt check {check} does not exist");
            Assert.True(reason.Length >= 15, $"exemption {type} × {check} needs a written reason");
        }
    }

    [Fact]
    public void DiscoveryFindsTheKnownEstimators()
    {
        Assert.Contains("Fathom.Dummy.DummyClassifier", EstimatorCatalog.Types.Keys);
        Assert.Contains("Fathom.Dummy.DummyRegressor", EstimatorCatalog.Types.Keys);
        Assert.DoesNotContain(EstimatorCatalog.Types.Values, t => t.IsAbstract || !t.IsPublic);
    }
}
