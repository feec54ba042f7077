#!/usr/bin/python3
"""Reference values for the GaussianMixture tests, made with scikit-learn 1.2.1 (/usr/bin/python3).

    cd tests/Fathom.Tests/Cluster/Reference && /usr/bin/python3 make_gmm_reference.py

Reads samples/iris.csv (raw features). For each covariance type the initial parameters are built here,
explicitly, from KMeans(n_clusters=3, n_init=1, random_state=1) labels the way scikit-learn's
init_params="kmeans" does (weights = cluster shares, means = cluster means, covariances = cluster
covariances + reg_covar on the diagonal, precisions = their inverses in scikit-learn's shapes), stored in
the JSON and passed to GaussianMixture as weights_init / means_init / precisions_init, so that Fathom can
start from exactly the same point. Two fits per type: the default tol (1e-3) and a tight tol (1e-10,
max_iter 1000). Writes gmm_reference.json with the fitted weights, means, covariances, lower bound,
n_iter, mean log-likelihood (score), score_samples / predict_proba of a few rows, labels, BIC and AIC.
"""
import json
import os

import numpy as np
import pandas as pd
import sklearn
from sklearn.cluster import KMeans
from sklearn.mixture import GaussianMixture

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", "..", ".."))
HERE = os.path.dirname(os.path.abspath(__file__))
iris = pd.read_csv(os.path.join(ROOT, "samples", "iris.csv"))
X = iris.drop(columns=["target"]).to_numpy(dtype=np.float64)
n, d = X.shape
k = 3
reg = 1e-6
lab = KMeans(n_clusters=k, n_init=1, random_state=1).fit(X).labels_
# deliberately a rough start: swap a handful of labels so EM has work to do
lab = lab.copy()
lab[::7] = (lab[::7] + 1) % k
weights = np.bincount(lab, minlength=k) / n
means = np.array([X[lab == j].mean(0) for j in range(k)])
covs = np.array([np.cov(X[lab == j].T, bias=True) + reg * np.eye(d) for j in range(k)])


def precisions_for(ct):
    if ct == "full":
        return np.array([np.linalg.inv(c) for c in covs])
    if ct == "tied":
        tied = sum(weights[j] * covs[j] for j in range(k))
        return np.linalg.inv(tied)
    if ct == "diag":
        return 1.0 / np.array([np.diag(c) for c in covs])
    return 1.0 / np.array([np.diag(c).mean() for c in covs])


rows = [0, 1, 50, 70, 77, 100, 133, 149]
out = {"sklearn": sklearn.__version__, "n_components": k, "reg_covar": reg, "rows": rows,
       "init": {"weights": weights.tolist(), "means": means.tolist()}}
for ct in ("full", "tied", "diag", "spherical"):
    prec = precisions_for(ct)
    entry = {"precisions_init": prec.tolist()}
    for name, tol, max_iter in (("default", 1e-3, 100), ("tight", 1e-10, 1000)):
        gm = GaussianMixture(n_components=k, covariance_type=ct, reg_covar=reg, tol=tol, max_iter=max_iter,
                             weights_init=weights, means_init=means, precisions_init=prec, random_state=0).fit(X)
        entry[name] = {
            "tol": tol, "max_iter": max_iter, "n_iter": int(gm.n_iter_), "converged": bool(gm.converged_),
            "lower_bound": float(gm.lower_bound_), "score": float(gm.score(X)),
            "weights": gm.weights_.tolist(), "means": gm.means_.tolist(), "covariances": gm.covariances_.tolist(),
            "score_samples": gm.score_samples(X[rows]).tolist(), "predict_proba": gm.predict_proba(X[rows]).tolist(),
            "labels": gm.predict(X).tolist(), "bic": float(gm.bic(X)), "aic": float(gm.aic(X)),
        }
    out[ct] = entry
    print(ct, {nm: (entry[nm]["n_iter"], entry[nm]["score"]) for nm in ("default", "tight")})
with open(os.path.join(HERE, "gmm_reference.json"), "w") as f:
    json.dump(out, f)
