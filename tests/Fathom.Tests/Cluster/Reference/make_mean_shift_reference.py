"""Reference numbers for MeanShift (scikit-learn 1.2.1).

    /usr/bin/python3 tests/Fathom.Tests/Cluster/Reference/make_mean_shift_reference.py
writes mean_shift_reference.json beside this script. Data: samples/iris.csv features; and a 3-blob set drawn once
(stored in the JSON).
"""
import json, os
import numpy as np
import pandas as pd
from sklearn.cluster import MeanShift, estimate_bandwidth

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.abspath(os.path.join(here, "../../../.."))
iris = pd.read_csv(os.path.join(root, "samples", "iris.csv")).drop(columns="target").to_numpy()
rng = np.random.default_rng(3)
blobs = np.vstack([rng.normal(c, 0.4, (40, 2)) for c in ([0, 0], [4, 1], [1, 5])]).round(6)
out = {"blobs": blobs.tolist(), "cases": []}
for name, X, kw in [("iris_default", iris, {}), ("iris_bw1", iris, {"bandwidth": 1.0}), ("iris_bw0.6_not_all", iris, {"bandwidth": 0.6, "cluster_all": False}),
                    ("blobs_default", blobs, {}), ("blobs_bin", blobs, {"bandwidth": 1.2, "bin_seeding": True})]:
    ms = MeanShift(**kw).fit(X)
    out["cases"].append({"name": name, "params": kw, "bandwidth": float(kw.get("bandwidth", estimate_bandwidth(X))),
                         "centers": ms.cluster_centers_.tolist(), "labels": ms.labels_.tolist(), "n_iter": int(ms.n_iter_)})
with open(os.path.join(here, "mean_shift_reference.json"), "w") as f:
    json.dump(out, f)
