#!/usr/bin/python3
"""Reference values for RidgeClassifierTests and LinearCVTests, made with scikit-learn 1.2.1 (/usr/bin/python3):

    cd tests/Fathom.Tests/Linear/Reference && /usr/bin/python3 make_linear_cv_reference.py

Data: samples/iris.csv and samples/breast_cancer.csv with standardized features; samples/diabetes.csv with raw
features and target. RidgeCV uses its default leave-one-out (GCV) mode or cv=5 (unshuffled KFold); LassoCV and
ElasticNetCV use cv=5 with tol=1e-10 and max_iter=100000 so that the paths are converged. Writes
linear_cv_reference.json.
"""
import json
import os
import warnings

import numpy as np
import pandas as pd
import sklearn
from sklearn.linear_model import ElasticNetCV, LassoCV, RidgeClassifier, RidgeCV

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", "..", ".."))


def load(name):
    df = pd.read_csv(os.path.join(ROOT, "samples", name))
    y = df.pop("target")
    return df.to_numpy(dtype=np.float64), y


def std(a):
    return (a - a.mean(axis=0)) / a.std(axis=0)


out = {"sklearn": sklearn.__version__, "ridge_classifier": [], "ridge_cv": [], "sparse_cv": []}
for name, file, params in [("iris", "iris.csv", dict()), ("iris_balanced_alpha10", "iris.csv", dict(alpha=10.0, class_weight="balanced")),
                           ("breast_cancer", "breast_cancer.csv", dict(alpha=0.5)), ("breast_cancer_nointercept", "breast_cancer.csv", dict(fit_intercept=False))]:
    X, y = load(file)
    X, y = std(X), y.astype(str).to_numpy()
    if "balanced" in name:
        keep = np.array([not (y[i] == "virginica" and i % 2 == 0) for i in range(len(y))])
        X, y = X[keep], y[keep]
    m = RidgeClassifier(**params).fit(X, y)
    out["ridge_classifier"].append({"name": name, "file": file, "params": params, "classes": m.classes_.tolist(),
                                    "coef": m.coef_.tolist(), "intercept": np.atleast_1d(m.intercept_).tolist(),
                                    "predict": m.predict(X).tolist(), "keep": None if "balanced" not in name else np.flatnonzero(keep).tolist()})

X, y = load("diabetes.csv")
y = y.to_numpy(dtype=np.float64)
Xs = std(X)
sw = 0.5 + (np.arange(len(y)) % 3) * 0.75
ALPHAS = [1e-3, 1e-2, 0.1, 1.0, 10.0, 100.0]
for name, XX, params, w in [("gcv_default", Xs, dict(), None), ("gcv_grid", Xs, dict(alphas=ALPHAS), None),
                            ("gcv_grid_weighted", Xs, dict(alphas=ALPHAS), sw),
                            ("gcv_nointercept", Xs, dict(alphas=ALPHAS, fit_intercept=False), None),
                            ("gcv_wide", Xs[:8], dict(alphas=ALPHAS), None),
                            ("kfold5", Xs, dict(alphas=ALPHAS, cv=5), None)]:
    yy = y[: XX.shape[0]]
    m = RidgeCV(**params).fit(XX, yy, sample_weight=w)
    out["ridge_cv"].append({"name": name, "params": params, "rows": XX.shape[0], "alpha": float(m.alpha_), "best_score": float(m.best_score_),
                            "coef": m.coef_.tolist(), "intercept": float(m.intercept_), "weighted": w is not None})

for name, est in [("lasso_cv", LassoCV(cv=5, tol=1e-10, max_iter=100000)),
                  ("lasso_cv_n20", LassoCV(cv=4, n_alphas=20, eps=1e-2, tol=1e-10, max_iter=100000)),
                  ("enet_cv", ElasticNetCV(l1_ratio=0.5, cv=5, tol=1e-10, max_iter=100000))]:
    m = est.fit(Xs, y)
    out["sparse_cv"].append({"name": name, "alpha": float(m.alpha_), "alphas": m.alphas_.tolist(), "coef": m.coef_.tolist(),
                             "intercept": float(m.intercept_), "mse_path_mean": m.mse_path_.mean(axis=-1).tolist()})
    print(name, m.alpha_)

with open(os.path.join(os.path.dirname(__file__), "linear_cv_reference.json"), "w") as f:
    json.dump(out, f, indent=1)
