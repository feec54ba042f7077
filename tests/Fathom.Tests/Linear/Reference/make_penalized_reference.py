#!/usr/bin/python3
"""Reference values for RidgeTests and LassoElasticNetTests, made with scikit-learn 1.2.1 (/usr/bin/python3).

    cd tests/Fathom.Tests/Linear/Reference && /usr/bin/python3 make_penalized_reference.py

Reads samples/diabetes.csv from the repository root and writes penalized_reference.json:
- ridge: sklearn.linear_model.Ridge coef_/intercept_ for several alphas, solvers cholesky and svd, with and
  without sample weights 1 + (i % 4), without intercept, and a wide design (first 8 rows, more features than rows).
- lasso / elastic_net: Lasso / ElasticNet coef_/intercept_ with tol=1e-12 and max_iter=100000 (so the
  solution is the optimum to ~1e-12), also positive=True, weighted and without intercept.
- paths: sklearn.linear_model.lasso_path / enet_path on the centred data (eps=1e-3, n_alphas=100, tol=1e-12),
  the alpha grid and the coefficients at a few grid points.
"""
import json
import os

import numpy as np
import pandas as pd
import sklearn
from sklearn.linear_model import ElasticNet, Lasso, Ridge, enet_path, lasso_path

ROOT = os.path.abspath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", ".."))
df = pd.read_csv(os.path.join(ROOT, "samples", "diabetes.csv"))
y = df.pop("target").to_numpy(dtype=float)
X = df.to_numpy(dtype=float)
w = 1.0 + (np.arange(len(y)) % 4)


def fit(cls, name, X, y, sample_weight=None, **params):
    m = cls(**params).fit(X, y, sample_weight=sample_weight)
    return {"name": name, "params": params, "weighted": sample_weight is not None, "rows": len(y),
            "coef": m.coef_.tolist(), "intercept": float(m.intercept_),
            "pred_first5": m.predict(X[:5]).tolist()}


ridge = []
for alpha in (0.0, 0.01, 0.1, 1.0, 10.0):
    for solver in ("cholesky", "svd"):
        ridge.append(fit(Ridge, f"a{alpha}_{solver}", X, y, alpha=alpha, solver=solver))
        ridge.append(fit(Ridge, f"a{alpha}_{solver}_w", X, y, w, alpha=alpha, solver=solver))
ridge.append(fit(Ridge, "a1_nointercept", X, y, alpha=1.0, fit_intercept=False))
ridge.append(fit(Ridge, "a0.1_wide", X[:8], y[:8], alpha=0.1, solver="cholesky"))
ridge.append(fit(Ridge, "a0.1_wide_svd", X[:8], y[:8], alpha=0.1, solver="svd"))

tight = dict(tol=1e-12, max_iter=100000)
lasso = []
for alpha in (0.01, 0.1, 0.5, 2.0):
    lasso.append(fit(Lasso, f"a{alpha}", X, y, alpha=alpha, **tight))
lasso.append(fit(Lasso, "a0.1_w", X, y, w, alpha=0.1, **tight))
lasso.append(fit(Lasso, "a0.1_positive", X, y, alpha=0.1, positive=True, **tight))
lasso.append(fit(Lasso, "a0.1_nointercept", X, y, alpha=0.1, fit_intercept=False, **tight))
lasso.append(fit(Lasso, "a1_default_tol", X, y, alpha=1.0))

enet = []
for alpha, l1 in ((0.001, 0.5), (0.01, 0.5), (0.01, 0.9), (0.1, 0.2), (0.005, 0.1)):
    enet.append(fit(ElasticNet, f"a{alpha}_l{l1}", X, y, alpha=alpha, l1_ratio=l1, **tight))
enet.append(fit(ElasticNet, "a0.01_l0.5_w", X, y, w, alpha=0.01, l1_ratio=0.5, **tight))
enet.append(fit(ElasticNet, "a0.01_l0.5_positive", X, y, alpha=0.01, l1_ratio=0.5, positive=True, **tight))

Xc = X - X.mean(axis=0)
yc = y - y.mean()
paths = []
for l1 in (1.0, 0.5):
    alphas, coefs, _ = enet_path(Xc, yc, l1_ratio=l1, eps=1e-3, n_alphas=100, tol=1e-12, max_iter=100000)
    picks = [0, 10, 50, 99]
    paths.append({"l1_ratio": l1, "alphas": alphas.tolist(), "picks": picks,
                  "coefs": [coefs[:, k].tolist() for k in picks]})

out = {"sklearn": sklearn.__version__, "ridge": ridge, "lasso": lasso, "elastic_net": enet, "paths": paths}
with open("penalized_reference.json", "w") as f:
    json.dump(out, f, indent=1)
print("wrote penalized_reference.json")
