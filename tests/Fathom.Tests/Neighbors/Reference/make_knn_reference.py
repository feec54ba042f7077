#!/usr/bin/python3
"""Reference values for KNeighborsTests, made with scikit-learn 1.2.1 (/usr/bin/python3).

    cd tests/Fathom.Tests/Neighbors/Reference && /usr/bin/python3 make_knn_reference.py

Reads samples/iris.csv, samples/digits.csv and samples/diabetes.csv from the repository root. Each dataset is
split by numpy.random.RandomState(0).permutation: the first 70% of the permuted rows train, the rest are queries
(the indices are stored). Stored per case: KNeighborsClassifier (algorithm="brute") predictions and
predict_proba for weights uniform and distance, metric euclidean and manhattan, k = 5 (and 1, 15 for iris); the
sorted neighbour distances and the neighbour index sets of the query rows (scikit-learn does not order indices
at equal distances, so sets are compared); KNeighborsRegressor predictions on diabetes. Also a tie case
(duplicated points) showing that the brute-force search keeps the lower training indices.

Ties: scikit-learn's brute-force search (ArgKmin) keeps the lower training index on an exact tie at the k-th place
when it parallelizes over query rows ("parallel_on_X"), but not always when it parallelizes over training rows
("parallel_on_Y", which its "auto" strategy picks for few query rows, depending on the thread count): merging the
per-thread heaps can keep a higher index. So the reference neighbours and the "x_" predictions/probabilities come
from a KNeighborsClassifier whose kneighbors forces strategy="parallel_on_X" (everything else is scikit-learn's own
code); the plain KNeighborsClassifier predictions are stored too ("predict_auto"), to count the rows where the two
scikit-learn strategies disagree.
"""
import json
import os

import numpy as np
import pandas as pd
import sklearn
from sklearn.metrics._pairwise_distances_reduction import ArgKmin
from sklearn.neighbors import KNeighborsClassifier, KNeighborsRegressor, NearestNeighbors


class OnX(KNeighborsClassifier):
    """scikit-learn's classifier with the brute-force search forced to strategy="parallel_on_X"."""

    def kneighbors(self, X=None, n_neighbors=None, return_distance=True):
        k = n_neighbors or self.n_neighbors
        dist, ind = ArgKmin.compute(np.asarray(X, dtype=float), self._fit_X, k, metric=self.effective_metric_,
                                    metric_kwargs=self.effective_metric_params_, strategy="parallel_on_X",
                                    return_distance=True)
        return (dist, ind) if return_distance else ind

ROOT = os.path.abspath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", ".."))


def load(name):
    df = pd.read_csv(os.path.join(ROOT, "samples", name))
    y = df.pop("target")
    return df.to_numpy(dtype=float), y.to_numpy()


def split(n):
    perm = np.random.RandomState(0).permutation(n)
    cut = int(0.7 * n)
    return perm[:cut], perm[cut:]


cases = []
for file, ks in (("iris.csv", (1, 5, 15)), ("digits.csv", (5,))):
    X, y = load(file)
    y = y.astype(str)
    tr, te = split(len(y))
    for k in ks:
        for weights in ("uniform", "distance"):
            for metric in ("euclidean", "manhattan"):
                auto = KNeighborsClassifier(n_neighbors=k, weights=weights, metric=metric, algorithm="brute").fit(X[tr], y[tr])
                m = OnX(n_neighbors=k, weights=weights, metric=metric, algorithm="brute").fit(X[tr], y[tr])
                dist, ind = m.kneighbors(X[te])
                cases.append({"name": f"{file.split('.')[0]}_k{k}_{weights}_{metric}", "file": file, "k": k,
                              "weights": weights, "metric": metric, "train": tr.tolist(), "test": te.tolist(),
                              "predict": [str(v) for v in m.predict(X[te])],
                              "predict_auto": [str(v) for v in auto.predict(X[te])], "proba": m.predict_proba(X[te]).tolist(),
                              "distances": dist.tolist(), "neighbor_sets": [sorted(r) for r in ind.tolist()]})

X, y = load("diabetes.csv")
tr, te = split(len(y))
regression = []
for weights in ("uniform", "distance"):
    for metric in ("euclidean", "manhattan"):
        m = KNeighborsRegressor(n_neighbors=5, weights=weights, metric=metric, algorithm="brute").fit(X[tr], y[tr])
        regression.append({"name": f"diabetes_{weights}_{metric}", "weights": weights, "metric": metric,
                           "train": tr.tolist(), "test": te.tolist(), "predict": m.predict(X[te]).tolist()})

# Radius queries (iris split; radius 0.45 lies strictly between the attainable distances of 1-decimal data) and
# the neighbours of each training point among the others (diabetes: continuous values, no ties).
Xi, _ = load("iris.csv")
tr, te = split(len(Xi))
radius = []
for metric in ("euclidean", "manhattan"):
    dist, ind = NearestNeighbors(radius=0.45, metric=metric, algorithm="brute").fit(Xi[tr]).radius_neighbors(Xi[te])
    radius.append({"metric": metric, "radius": 0.45, "train": tr.tolist(), "test": te.tolist(),
                   "neighbor_sets": [sorted(r.tolist()) for r in ind]})
Xd, _ = load("diabetes.csv")
self_ind = NearestNeighbors(n_neighbors=5, algorithm="brute").fit(Xd).kneighbors()[1]

Xt = np.repeat(np.eye(4), 3, axis=0)
ties = NearestNeighbors(n_neighbors=5, algorithm="brute").fit(Xt).kneighbors(np.zeros((1, 4)))[1][0]
out = {"sklearn": sklearn.__version__, "cases": cases, "regression": regression, "radius": radius,
       "self_neighbors": {"k": 5, "neighbor_sets": [sorted(r) for r in self_ind.tolist()]},
       "ties": {"points": Xt.tolist(), "query": [0, 0, 0, 0], "k": 5, "neighbor_set": sorted(ties.tolist())}}
with open("knn_reference.json", "w") as f:
    json.dump(out, f)
print("wrote knn_reference.json")
