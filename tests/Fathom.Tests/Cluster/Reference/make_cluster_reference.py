#!/usr/bin/python3
"""Reference values for the Cluster tests, made with scikit-learn 1.2.1 (/usr/bin/python3).

    cd tests/Fathom.Tests/Cluster/Reference && /usr/bin/python3 make_cluster_reference.py

Reads samples/iris.csv and /work/shared/bench/data/dbscan_2d.csv.gz (the bench set; only a subsample is
stored, in dbscan_2d_sub.csv, values copied as text from the file so both sides parse the same doubles).
Writes cluster_reference.json:
  kmeans_iris: KMeans(n_clusters=3, n_init=50, random_state=0) on the raw iris features: the best inertia
               over 50 k-means++ starts (sklearn's own choice of the best run), plus the sorted cluster sizes.
  dbscan_iris: DBSCAN(eps=0.45, min_samples=5) labels on raw iris (no pair distance lies within 1e-9 of eps).
  dbscan_2d:   DBSCAN(eps=0.15, min_samples=8) labels on the subsample (every 11th row of dbscan_2d).
"""
import gzip
import json
import os

import numpy as np
import pandas as pd
import sklearn
from scipy.spatial.distance import pdist
from sklearn.cluster import DBSCAN, KMeans

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", "..", ".."))
HERE = os.path.dirname(os.path.abspath(__file__))

iris = pd.read_csv(os.path.join(ROOT, "samples", "iris.csv"))
X = iris.drop(columns=["target"]).to_numpy(dtype=np.float64)

km = KMeans(n_clusters=3, n_init=50, random_state=0).fit(X)
sizes = sorted(np.bincount(km.labels_).tolist())

eps_iris = 0.45
assert np.min(np.abs(pdist(X) - eps_iris)) > 1e-9
db_iris = DBSCAN(eps=eps_iris, min_samples=5).fit(X)

with gzip.open("/work/shared/bench/data/dbscan_2d.csv.gz", "rt") as f:
    lines = f.read().splitlines()
header, rows = lines[0], lines[1:]
sub = [r for i, r in enumerate(rows) if i % 11 == 0]
with open(os.path.join(HERE, "dbscan_2d_sub.csv"), "w") as f:
    f.write(header + "\n" + "\n".join(sub) + "\n")
S = np.array([[float(v) for v in r.split(",")[:2]] for r in sub])
eps_2d = 0.15
assert np.min(np.abs(pdist(S) - eps_2d)) > 1e-12
db_2d = DBSCAN(eps=eps_2d, min_samples=8).fit(S)

out = {
    "sklearn": sklearn.__version__,
    "kmeans_iris": {"n_clusters": 3, "n_init": 50, "inertia": float(km.inertia_), "sizes": sizes},
    "dbscan_iris": {"eps": eps_iris, "min_samples": 5, "labels": db_iris.labels_.tolist(),
                    "core_sample_indices": db_iris.core_sample_indices_.tolist()},
    "dbscan_2d": {"eps": eps_2d, "min_samples": 8, "rows": len(sub), "labels": db_2d.labels_.tolist()},
}
with open(os.path.join(HERE, "cluster_reference.json"), "w") as f:
    json.dump(out, f)
print(out["kmeans_iris"], "iris dbscan clusters", len(set(db_iris.labels_)) - 1, "noise", int((db_iris.labels_ == -1).sum()),
      "2d clusters", len(set(db_2d.labels_)) - 1, "noise", int((db_2d.labels_ == -1).sum()))
