namespace Fathom.Core;

/// <summary>
/// Estimators by their command-line name (kebab-case, as DESIGN.md lists them). A new estimator becomes
/// reachable as <c>fathom train --model NAME</c> by adding one entry here.
/// </summary>
public static class EstimatorCatalog
{
    private static readonly EstimatorEntry[] Entries =
    [
        new("logistic-regression", EstimatorTask.Classification, typeof(Linear.LogisticRegression), () => new Linear.LogisticRegression(),
            "Logistic regression (multinomial, L2 penalty, L-BFGS)."),
        new("linear-regression", EstimatorTask.Regression, typeof(Linear.LinearRegression), () => new Linear.LinearRegression(),
            "Ordinary least squares (QR; minimum-norm solution when rank-deficient)."),
        new("ols", EstimatorTask.Regression, typeof(Linear.OrdinaryLeastSquares), () => new Linear.OrdinaryLeastSquares(),
            "Ordinary least squares with statsmodels' summary: standard errors, t tests, intervals, R², F, AIC/BIC, diagnostics."),
        new("ridge", EstimatorTask.Regression, typeof(Linear.Ridge), () => new Linear.Ridge(),
            "Ridge regression (L2 penalty; Cholesky or SVD)."),
        new("lasso", EstimatorTask.Regression, typeof(Linear.Lasso), () => new Linear.Lasso(),
            "Lasso (L1 penalty; coordinate descent)."),
        new("elastic-net", EstimatorTask.Regression, typeof(Linear.ElasticNet), () => new Linear.ElasticNet(),
            "Elastic net (L1 + L2 penalty; coordinate descent)."),
        new("gaussian-nb", EstimatorTask.Classification, typeof(NaiveBayes.GaussianNB), () => new NaiveBayes.GaussianNB(),
            "Gaussian naive Bayes (per-class normal densities)."),
        new("multinomial-nb", EstimatorTask.Classification, typeof(NaiveBayes.MultinomialNB), () => new NaiveBayes.MultinomialNB(),
            "Multinomial naive Bayes for counts (Laplace/Lidstone smoothing; non-negative features)."),
        new("bernoulli-nb", EstimatorTask.Classification, typeof(NaiveBayes.BernoulliNB), () => new NaiveBayes.BernoulliNB(),
            "Bernoulli naive Bayes for binary (binarized) features."),
        new("complement-nb", EstimatorTask.Classification, typeof(NaiveBayes.ComplementNB), () => new NaiveBayes.ComplementNB(),
            "Complement naive Bayes for imbalanced count data (non-negative features)."),
        new("lda", EstimatorTask.Classification, typeof(Discriminant.LinearDiscriminantAnalysis), () => new Discriminant.LinearDiscriminantAnalysis(),
            "Linear discriminant analysis (shared covariance; svd, lsqr or eigen solver, shrinkage)."),
        new("qda", EstimatorTask.Classification, typeof(Discriminant.QuadraticDiscriminantAnalysis), () => new Discriminant.QuadraticDiscriminantAnalysis(),
            "Quadratic discriminant analysis (one covariance per class, reg_param)."),
        new("knn", EstimatorTask.Classification, typeof(Neighbors.KNeighborsClassifier), () => new Neighbors.KNeighborsClassifier(),
            "k-nearest-neighbours vote (brute force on GEMM distances or KD-tree)."),
        new("knn-regressor", EstimatorTask.Regression, typeof(Neighbors.KNeighborsRegressor), () => new Neighbors.KNeighborsRegressor(),
            "k-nearest-neighbours mean (brute force on GEMM distances or KD-tree)."),
        new("svc", EstimatorTask.Classification, typeof(Svm.SVC), () => new Svm.SVC(),
            "Support vector classifier (libsvm-style SMO; rbf, linear, poly or sigmoid kernel; one-vs-one)."),
        new("nu-svc", EstimatorTask.Classification, typeof(Svm.NuSVC), () => new Svm.NuSVC(),
            "Nu-support vector classifier (nu bounds the fraction of margin errors and support vectors)."),
        new("svr", EstimatorTask.Regression, typeof(Svm.SVR), () => new Svm.SVR(),
            "Epsilon-support vector regression (kernel SMO)."),
        new("nu-svr", EstimatorTask.Regression, typeof(Svm.NuSVR), () => new Svm.NuSVR(),
            "Nu-support vector regression (the tube width is learned)."),
        new("linear-svc", EstimatorTask.Classification, typeof(Svm.LinearSVC), () => new Svm.LinearSVC(),
            "Linear support vector classifier (squared hinge, L2; liblinear-style dual coordinate descent; one-vs-rest)."),
        new("linear-svr", EstimatorTask.Regression, typeof(Svm.LinearSVR), () => new Svm.LinearSVR(),
            "Linear support vector regression (epsilon-insensitive; dual coordinate descent)."),
        new("radius-neighbors", EstimatorTask.Classification, typeof(Neighbors.RadiusNeighborsClassifier), () => new Neighbors.RadiusNeighborsClassifier(),
            "Vote of the training rows within a radius (outlier_label for rows without neighbours)."),
        new("radius-neighbors-regressor", EstimatorTask.Regression, typeof(Neighbors.RadiusNeighborsRegressor), () => new Neighbors.RadiusNeighborsRegressor(),
            "Mean target of the training rows within a radius."),
        new("dummy-classifier", EstimatorTask.Classification, typeof(Dummy.DummyClassifier), () => new Dummy.DummyClassifier(),
            "Baseline that ignores the features (class prior, most frequent, stratified, uniform or constant)."),
        new("dummy-regressor", EstimatorTask.Regression, typeof(Dummy.DummyRegressor), () => new Dummy.DummyRegressor(),
            "Baseline that ignores the features (mean, median, quantile or constant)."),
        new("decision-tree", EstimatorTask.Classification, typeof(Trees.DecisionTreeClassifier), () => new Trees.DecisionTreeClassifier(),
            "CART classification tree (gini or entropy; scikit-learn's splits, text and Graphviz export)."),
        new("decision-tree-regressor", EstimatorTask.Regression, typeof(Trees.DecisionTreeRegressor), () => new Trees.DecisionTreeRegressor(),
            "CART regression tree (squared error, Friedman MSE or Poisson)."),
        new("random-forest", EstimatorTask.Classification, typeof(Ensemble.RandomForestClassifier), () => new Ensemble.RandomForestClassifier(),
            "Random forest of classification trees (bootstrap, sqrt features per node, parallel, out-of-bag score)."),
        new("random-forest-regressor", EstimatorTask.Regression, typeof(Ensemble.RandomForestRegressor), () => new Ensemble.RandomForestRegressor(),
            "Random forest of regression trees (bootstrap, parallel, out-of-bag R2)."),
        new("extra-trees", EstimatorTask.Classification, typeof(Ensemble.ExtraTreesClassifier), () => new Ensemble.ExtraTreesClassifier(),
            "Extremely randomized trees for classification (random thresholds, sqrt features per node, parallel)."),
        new("extra-trees-regressor", EstimatorTask.Regression, typeof(Ensemble.ExtraTreesRegressor), () => new Ensemble.ExtraTreesRegressor(),
            "Extremely randomized trees for regression (random thresholds, parallel)."),
        new("adaboost-classifier", EstimatorTask.Classification, typeof(Ensemble.AdaBoostClassifier), () => new Ensemble.AdaBoostClassifier(),
            "AdaBoost of decision stumps (SAMME.R or SAMME)."),
        new("adaboost-regressor", EstimatorTask.Regression, typeof(Ensemble.AdaBoostRegressor), () => new Ensemble.AdaBoostRegressor(),
            "AdaBoost.R2 of depth-3 regression trees (linear, square or exponential loss; weighted-median prediction)."),
        new("bagging-classifier", EstimatorTask.Classification, typeof(Ensemble.BaggingClassifier), () => new Ensemble.BaggingClassifier(),
            "Bagging of decision trees (bootstrap rows, optional feature sampling, parallel, out-of-bag score)."),
        new("bagging-regressor", EstimatorTask.Regression, typeof(Ensemble.BaggingRegressor), () => new Ensemble.BaggingRegressor(),
            "Bagging of regression trees (bootstrap rows, optional feature sampling, parallel, out-of-bag R2)."),
        new("voting-classifier", EstimatorTask.Classification, typeof(Ensemble.VotingClassifier), () => new Ensemble.VotingClassifier(),
            "Vote of logistic regression, Gaussian naive Bayes and a depth-5 tree (hard or soft voting)."),
        new("voting-regressor", EstimatorTask.Regression, typeof(Ensemble.VotingRegressor), () => new Ensemble.VotingRegressor(),
            "Mean of ridge, a depth-5 regression tree and a 50-tree random forest."),
        new("stacking-classifier", EstimatorTask.Classification, typeof(Ensemble.StackingClassifier), () => new Ensemble.StackingClassifier(),
            "Stacking of logistic regression, Gaussian naive Bayes and a depth-5 tree (out-of-fold probabilities into logistic regression)."),
        new("stacking-regressor", EstimatorTask.Regression, typeof(Ensemble.StackingRegressor), () => new Ensemble.StackingRegressor(),
            "Stacking of ridge, a depth-5 tree and a 50-tree random forest (out-of-fold predictions into ridge)."),
        new("gradient-boosting", EstimatorTask.Classification, typeof(Boosting.GradientBoostingClassifier), () => new Boosting.GradientBoostingClassifier(),
            "Histogram gradient boosting for classification (binned features, leaf-wise trees, missing values learned)."),
        new("gradient-boosting-regressor", EstimatorTask.Regression, typeof(Boosting.GradientBoostingRegressor), () => new Boosting.GradientBoostingRegressor(),
            "Histogram gradient boosting for regression (squared error or Poisson; binned features, leaf-wise trees)."),
        new("kmeans", EstimatorTask.Clustering, typeof(Cluster.KMeans), () => new Cluster.KMeans(),
            "k-means clustering (k-means++ start, Lloyd iterations, best of n_init runs)."),
        new("pca", EstimatorTask.Transform, typeof(Decomposition.PCA), () => new Decomposition.PCA(),
            "Principal component analysis (full or randomized SVD, whitening)."),
        new("dbscan", EstimatorTask.Clustering, typeof(Cluster.DBSCAN), () => new Cluster.DBSCAN(),
            "Density-based clustering with noise (eps neighbourhoods, min_samples core rule)."),
        new("isolation-forest", EstimatorTask.OutlierDetection, typeof(Anomaly.IsolationForest), () => new Anomaly.IsolationForest(),
            "Isolation forest outlier scores (random splits on small row samples; short paths = outliers)."),
        new("lof", EstimatorTask.OutlierDetection, typeof(Anomaly.LocalOutlierFactor), () => new Anomaly.LocalOutlierFactor(),
            "Local outlier factor (density relative to the k nearest neighbours' densities)."),
        new("elliptic-envelope", EstimatorTask.OutlierDetection, typeof(Anomaly.EllipticEnvelope), () => new Anomaly.EllipticEnvelope(),
            "Robust Gaussian envelope (minimum covariance determinant; far in Mahalanobis distance = outlier)."),
        new("iqr", EstimatorTask.OutlierDetection, typeof(Anomaly.OutlierRule), () => new Anomaly.OutlierRule(),
            "Tukey's fences per column (outside Q1 - 1.5 IQR, Q3 + 1.5 IQR); rule=z_score or mad for the other classic rules."),
        new("kernel-density", EstimatorTask.OutlierDetection, typeof(Anomaly.KernelDensity), () => new Anomaly.KernelDensity(),
            "Kernel density estimate (six kernels); low log density = outlier."),
    ];

    /// <summary>All entries, in listing order.</summary>
    public static IReadOnlyList<EstimatorEntry> All => Entries;

    /// <summary>The entry named <paramref name="name"/> (case-insensitive; '_' and '-' are the same).</summary>
    /// <exception cref="InvalidInputException">Unknown name; the message lists the known names for the task.</exception>
    public static EstimatorEntry Find(string name, EstimatorTask? task = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        string norm = name.Trim().Replace('_', '-').ToLowerInvariant();
        var entry = Entries.FirstOrDefault(e => e.Name == norm);
        var candidates = Entries.Where(e => task is null || e.Task == task).Select(e => e.Name);
        if (entry is null)
            throw new InvalidInputException($"Unknown model '{name}'. Known models: {string.Join(", ", candidates)}.");
        if (task is not null && entry.Task != task)
            throw new InvalidInputException(
                $"Model '{entry.Name}' does {entry.Task.ToString().ToLowerInvariant()}, but this target needs {task.Value.ToString().ToLowerInvariant()}. Use one of: {string.Join(", ", candidates)}.");
        return entry;
    }
}
