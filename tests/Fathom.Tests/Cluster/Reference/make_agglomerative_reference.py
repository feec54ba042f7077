#!/usr/bin/python3
"""Reference values for the AgglomerativeClustering tests, made with scikit-learn 1.2.1 and SciPy (/usr/bin/python3).

    cd tests/Fathom.Tests/Cluster/Reference && /usr/bin/python3 make_agglomerative_reference.py

Reads samples/iris.csv (raw features) and dbscan_2d_sub.csv (made by make_cluster_reference.py: every
11th row of the dbscan_2d bench set), of which every 3rd row is used here (the "2d" set below).
Writes agglomerative_reference.json:
  iris.linkage.<method>:  scipy.cluster.hierarchy.linkage(X, method) for ward, complete, average, single:
                          rows [child a, child b, merge distance, size] (children as scipy numbers them).
  iris.labels.<method>:   AgglomerativeClustering(n_clusters=3, linkage=method).labels_
  iris.threshold.<method>: AgglomerativeClustering(n_clusters=None, distance_threshold=t, linkage=method)
                          labels_ and n_clusters_, t chosen halfway between two merge distances.
  2d.labels.<method>:     AgglomerativeClustering(n_clusters=5, linkage=method).labels_ on the 2d set.
  2d.distances.<method>:  the sorted merge distances of scipy's linkage on the 2d set.
"""
import json
import os

import numpy as np
import pandas as pd
import sklearn
from scipy.cluster.hierarchy import linkage
from sklearn.cluster import AgglomerativeClustering

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", "..", ".."))
HERE = os.path.dirname(os.path.abspath(__file__))
iris = pd.read_csv(os.path.join(ROOT, "samples", "iris.csv"))
X = iris.drop(columns=["target"]).to_numpy(dtype=np.float64)
with open(os.path.join(HERE, "dbscan_2d_sub.csv")) as f:
    rows = f.read().splitlines()[1:]
S = np.array([[float(v) for v in r.split(",")[:2]] for i, r in enumerate(rows) if i % 3 == 0])

methods = ("ward", "complete", "average", "single")
out = {"sklearn": sklearn.__version__, "iris": {"linkage": {}, "labels": {}, "threshold": {}},
       "2d": {"rows": len(S), "every": 3, "labels": {}, "distances": {}}}
for m in methods:
    Z = linkage(X, method=m)
    out["iris"]["linkage"][m] = Z.tolist()
    out["iris"]["labels"][m] = AgglomerativeClustering(n_clusters=3, linkage=m).fit(X).labels_.tolist()
    d = Z[:, 2]
    t = float((d[-6] + d[-5]) / 2)
    ac = AgglomerativeClustering(n_clusters=None, distance_threshold=t, linkage=m).fit(X)
    out["iris"]["threshold"][m] = {"threshold": t, "n_clusters": int(ac.n_clusters_), "labels": ac.labels_.tolist(),
                                   "distances": ac.distances_.tolist()}
    out["2d"]["labels"][m] = AgglomerativeClustering(n_clusters=5, linkage=m).fit(S).labels_.tolist()
    out["2d"]["distances"][m] = linkage(S, method=m)[:, 2].tolist()
    print(m, "iris sizes", np.bincount(out["iris"]["labels"][m]).tolist(), "2d sizes", np.bincount(out["2d"]["labels"][m]).tolist(),
          "threshold clusters", ac.n_clusters_)
with open(os.path.join(HERE, "agglomerative_reference.json"), "w") as f:
    json.dump(out, f)
