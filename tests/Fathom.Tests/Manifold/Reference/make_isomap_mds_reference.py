#!/usr/bin/python3
"""Reference values for IsomapTests and MDSTests, made with scikit-learn 1.2.1 (/usr/bin/python3).

    cd tests/Fathom.Tests/Manifold/Reference && /usr/bin/python3 make_isomap_mds_reference.py

Writes isomap_mds_reference.json:
  isomap: X = make_swiss_roll(250, noise=0.05, random_state=0) (continuous, so no neighbour ties), new rows
          make_swiss_roll(10, noise=0.05, random_state=1); Isomap(n_neighbors=8, n_components=2): embedding_,
          the kernel PCA eigenvalues, transform(new rows); and the same with n_neighbors=5, n_components=3.
  mds:    X = the first 60 rows of samples/iris.csv features plus RandomState(0) noise of sd 0.01 (no ties);
          init = RandomState(3).uniform(size=(60, 2)); smacof(euclidean_distances(X), metric=True, n_components=2,
          init=init, n_init=1, max_iter=300, eps=1e-3, return_n_iter=True): embedding, stress, n_iter; and
          MDS(n_components=2, random_state=0) (n_init=4) fitted on X: stress_.
"""
import json
import os

import numpy as np
import pandas as pd
import sklearn
from sklearn.datasets import make_swiss_roll
from sklearn.manifold import MDS, Isomap, smacof
from sklearn.metrics import euclidean_distances

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", "..", ".."))
HERE = os.path.dirname(os.path.abspath(__file__))
out = {"sklearn": sklearn.__version__}

x, _ = make_swiss_roll(250, noise=0.05, random_state=0)
xn, _ = make_swiss_roll(10, noise=0.05, random_state=1)
iso = {"x": x.tolist(), "new": xn.tolist(), "cases": []}
for k, c in [(8, 2), (5, 3)]:
    m = Isomap(n_neighbors=k, n_components=c).fit(x)
    iso["cases"].append({"n_neighbors": k, "n_components": c, "embedding": m.embedding_.tolist(),
                         "eigenvalues": m.kernel_pca_.eigenvalues_.tolist(), "transform": m.transform(xn).tolist()})
out["isomap"] = iso

df = pd.read_csv(os.path.join(ROOT, "samples", "iris.csv"))
df.pop("target")
X = df.to_numpy(dtype=np.float64)[:60] + 0.01 * np.random.RandomState(0).standard_normal((60, 4))
init = np.random.RandomState(3).uniform(size=(60, 2))
emb, stress, n_iter = smacof(euclidean_distances(X), metric=True, n_components=2, init=init, n_init=1, max_iter=300,
                             eps=1e-3, return_n_iter=True, normalized_stress=False)
mds = MDS(n_components=2, random_state=0, normalized_stress=False).fit(X)
out["mds"] = {"x": X.tolist(), "init": init.tolist(), "embedding": emb.tolist(), "stress": float(stress),
              "n_iter": int(n_iter), "mds_stress": float(mds.stress_), "mds_n_iter": int(mds.n_iter_)}
with open(os.path.join(HERE, "isomap_mds_reference.json"), "w") as f:
    json.dump(out, f)
print(out["mds"]["stress"], out["mds"]["n_iter"], out["mds"]["mds_stress"], [c["eigenvalues"] for c in iso["cases"]])
