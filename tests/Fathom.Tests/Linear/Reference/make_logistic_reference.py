#!/usr/bin/python3
"""Reference values for LogisticRegressionTests, made with scikit-learn 1.2.1 (/usr/bin/python3).

    cd tests/Fathom.Tests/Linear/Reference && /usr/bin/python3 make_logistic_reference.py

Reads samples/iris.csv and samples/breast_cancer.csv from the repository root and writes
logistic_reference.json. Every fit uses solver="lbfgs" with tol=1e-10 and max_iter=10000 so that the
stored numbers are the true optimum of the objective (not sklearn's early stop). Standardization is done by
hand: (x - mean) / std with the population std (ddof=0), fitted on all rows.
"""
import json
import os

import numpy as np
import pandas as pd
import sklearn
from scipy.optimize import minimize
from scipy.special import logsumexp
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import log_loss

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", "..", ".."))


def load(name):
    df = pd.read_csv(os.path.join(ROOT, "samples", name))
    y = df.pop("target").astype(str).to_numpy()
    return df.to_numpy(dtype=np.float64), y


def standardize(X):
    return (X - X.mean(axis=0)) / X.std(axis=0)


def objective(theta, X, Y, s, k, fit_intercept, l2):
    """sum_i s_i * loss_i + l2/2 ||W||^2 (intercept not penalized); k = 1 binary (Y in {0,1}), else one-hot Y."""
    n, p = X.shape
    W = theta[: k * p].reshape(k, p)
    b = theta[k * p:] if fit_intercept else np.zeros(k)
    Z = X @ W.T + b
    if k == 1:
        z = Z[:, 0]
        loss = np.logaddexp(0, z) - Y * z
        R = (s * (1 / (1 + np.exp(-z)) - Y))[:, None]
    else:
        lse = logsumexp(Z, axis=1)
        loss = lse - (Z * Y).sum(axis=1)
        R = s[:, None] * (np.exp(Z - lse[:, None]) - Y)
    f = (s * loss).sum() + 0.5 * l2 * (W ** 2).sum()
    gW = R.T @ X + l2 * W
    g = np.concatenate([gW.ravel(), R.sum(axis=0)]) if fit_intercept else gW.ravel()
    return f, g


def polish(m, X, y, sample_weight, params):
    """Re-minimizes sklearn's objective from sklearn's solution with ftol=0 (SciPy's L-BFGS-B otherwise stops on
    a relative decrease of 2.2e-9, which leaves ~1e-4 error in the coefficients)."""
    classes = m.classes_
    k = 1 if len(classes) == 2 else len(classes)
    codes = np.searchsorted(classes, y)
    Y = codes.astype(float) if k == 1 else np.eye(len(classes))[codes]
    s = np.ones(len(y)) if sample_weight is None else np.asarray(sample_weight, float).copy()
    if params.get("class_weight") == "balanced":
        cw = len(y) / (len(classes) * np.bincount(codes))
        s = s * cw[codes]
    fit_intercept = params.get("fit_intercept", True)
    l2 = 0.0 if params.get("penalty") == "none" else 1.0 / params.get("C", 1.0)
    theta0 = m.coef_.ravel()
    if fit_intercept:
        theta0 = np.concatenate([theta0, np.atleast_1d(m.intercept_)])
    r = minimize(objective, theta0, args=(X, Y, s, k, fit_intercept, l2), jac=True, method="L-BFGS-B",
                 options=dict(ftol=0, gtol=1e-12, maxiter=100000, maxls=100))
    f, g = objective(r.x, X, Y, s, k, fit_intercept, l2)
    p = X.shape[1]
    W = r.x[: k * p].reshape(k, p)
    b = r.x[k * p:] if fit_intercept else np.zeros(k)
    Z = X @ W.T + b
    if k == 1:
        p1 = 1 / (1 + np.exp(-Z[:, 0]))
        proba = np.column_stack([1 - p1, p1])
    else:
        proba = np.exp(Z - logsumexp(Z, axis=1)[:, None])
    return W, b, f, float(np.abs(g).max()), proba


def case(name, X, y, sample_weight=None, **params):
    p = dict(solver="lbfgs", tol=1e-10, max_iter=10000)
    p.update(params)
    m = LogisticRegression(**p).fit(X, y, sample_weight=sample_weight)
    proba = m.predict_proba(X)
    W, b, f, gmax, proba_opt = polish(m, X, y, sample_weight, params)
    return {
        "optimum_coef": W.tolist(),
        "optimum_intercept": b.tolist(),
        "optimum_objective": float(f),
        "optimum_gradient_max_abs": gmax,
        "optimum_log_loss": float(log_loss(y, proba_opt, sample_weight=sample_weight, labels=m.classes_)),
        "name": name,
        "params": {k: v for k, v in params.items()},
        "sample_weight": None if sample_weight is None else list(map(float, sample_weight)),
        "classes": [str(c) for c in m.classes_],
        "coef": m.coef_.tolist(),
        "intercept": np.atleast_1d(m.intercept_).tolist(),
        "log_loss": float(log_loss(y, proba, sample_weight=sample_weight, labels=m.classes_)),
        "proba_first5": proba[:5].tolist(),
        "n_iter": int(m.n_iter_[0]),
    }


Xb, yb = load("breast_cancer.csv")
Xb = standardize(Xb)
Xi, yi = load("iris.csv")
Xis = standardize(Xi)
wb = 1.0 + (np.arange(len(yb)) % 3)          # weights 1, 2, 3, 1, 2, 3, ...
two = np.isin(yi, ["versicolor", "virginica"])

cases = [
    case("breast_cancer_std_C1", Xb, yb, C=1.0),
    case("breast_cancer_std_C0.05_weighted_balanced", Xb, yb, sample_weight=wb, C=0.05, class_weight="balanced"),
    case("iris_raw_C1", Xi, yi, C=1.0),
    case("iris_std_C10_no_intercept", Xis, yi, C=10.0, fit_intercept=False),
    case("iris_std_C0.1_balanced_weighted", Xis, yi, sample_weight=1.0 + (np.arange(len(yi)) % 2), C=0.1,
         class_weight="balanced"),
    case("iris_versicolor_virginica_sepal_no_penalty", Xi[two][:, :2], yi[two], penalty="none"),
]
out = {
    "generated_by": "make_logistic_reference.py",
    "sklearn_version": sklearn.__version__,
    "note": "optimum_*: sklearn's objective re-minimized from sklearn's solution with SciPy L-BFGS-B ftol=0, "
            "gtol=1e-12 (the true optimum; optimum_gradient_max_abs is the final gradient). Other fields: "
            "LogisticRegression(solver='lbfgs', tol=1e-10, max_iter=10000, **params); standardization by hand "
            "with population std on all rows (std cases); log_loss = sklearn.metrics.log_loss of predict_proba on "
            "the training rows (weighted when sample_weight is given, no class weights in the metric).",
    "cases": cases,
}
with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "logistic_reference.json"), "w") as f:
    json.dump(out, f, indent=1)
print("\n".join(f"{c['name']}: n_iter={c['n_iter']} log_loss={c['log_loss']:.12g} optimum={c['optimum_log_loss']:.12g} "
                f"|g|={c['optimum_gradient_max_abs']:.2g} coef_diff={np.abs(np.array(c['coef']) - c['optimum_coef']).max():.2g}"
                for c in cases))
