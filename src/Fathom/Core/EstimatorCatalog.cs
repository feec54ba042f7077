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
        new("gradient-boosting", EstimatorTask.Classification, typeof(Boosting.GradientBoostingClassifier), () => new Boosting.GradientBoostingClassifier(),
            "Histogram gradient boosting for classification (binned features, leaf-wise trees, missing values learned)."),
        new("gradient-boosting-regressor", EstimatorTask.Regression, typeof(Boosting.GradientBoostingRegressor), () => new Boosting.GradientBoostingRegressor(),
            "Histogram gradient boosting for regression (squared error or Poisson; binned features, leaf-wise trees)."),
        new("kmeans", EstimatorTask.Clustering, typeof(Cluster.KMeans), () => new Cluster.KMeans(),
            "k-means clustering (k-means++ start, Lloyd iterations, best of n_init runs)."),
        new("pca", EstimatorTask.Transform, typeof(Decomposition.PCA), () => new Decomposition.PCA(),
            "Principal component analysis (full or randomized SVD, whitening)."),
        new("kernel-pca", EstimatorTask.Transform, typeof(Decomposition.KernelPCA), () => new Decomposition.KernelPCA(),
            "Kernel PCA (linear, poly, rbf, sigmoid or cosine kernel; eigendecomposition of the centred kernel)."),
        new("factor-analysis", EstimatorTask.Transform, typeof(Decomposition.FactorAnalysis), () => new Decomposition.FactorAnalysis(),
            "Factor analysis (Gaussian latent factors with per-feature noise; SVD-based maximum likelihood)."),
        new("incremental-pca", EstimatorTask.Transform, typeof(Decomposition.IncrementalPCA), () => new Decomposition.IncrementalPCA(),
            "Incremental PCA (batch-by-batch SVD updates; partial fits)."),
        new("truncated-svd", EstimatorTask.Transform, typeof(Decomposition.TruncatedSVD), () => new Decomposition.TruncatedSVD(),
            "Truncated SVD / latent semantic analysis (randomized, no centring)."),
        new("umap", EstimatorTask.Transform, typeof(Manifold.UMAP), () => new Manifold.UMAP(),
            "Uniform manifold approximation and projection (fuzzy k-NN graph, spectral start, SGD layout; transforms new rows)."),
        new("isomap", EstimatorTask.Transform, typeof(Manifold.Isomap), () => new Manifold.Isomap(),
            "Isometric mapping (geodesic distances on the k-NN graph, kernel PCA; transforms new rows)."),
        new("dbscan", EstimatorTask.Clustering, typeof(Cluster.DBSCAN), () => new Cluster.DBSCAN(),
            "Density-based clustering with noise (eps neighbourhoods, min_samples core rule)."),
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
