"""Reference numbers for FastICA (scikit-learn 1.2.1, algorithm="parallel", whiten_solver="svd").

    /usr/bin/python3 tests/Fathom.Tests/Decomposition/Reference/make_fastica_reference.py
writes fastica_reference.json beside this script. Data: samples/iris.csv features; the start w_init is drawn once
from numpy (seed 5) and stored, so both sides start from the same matrix.
"""
import json, os
import numpy as np
import pandas as pd
from sklearn.decomposition import FastICA

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.abspath(os.path.join(here, "../../../.."))
X = pd.read_csv(os.path.join(root, "samples", "iris.csv")).drop(columns="target").to_numpy()
rng = np.random.default_rng(5)
out = {"cases": []}
for name, k, whiten, fun in [("k2_unit_logcosh", 2, "unit-variance", "logcosh"), ("k3_arbitrary_logcosh", 3, "arbitrary-variance", "logcosh"),
                             ("k3_unit_exp", 3, "unit-variance", "exp"), ("k4_unit_cube", 4, "unit-variance", "cube")]:
    w_init = rng.normal(size=(k, k))
    ica = FastICA(n_components=k, whiten=whiten, fun=fun, w_init=w_init, whiten_solver="svd", max_iter=1000, tol=1e-8)
    S = ica.fit_transform(X)
    out["cases"].append({"name": name, "k": k, "whiten": whiten, "fun": fun, "w_init": w_init.tolist(),
                         "components": ica.components_.tolist(), "mixing": ica.mixing_.tolist(), "n_iter": int(ica.n_iter_),
                         "sources_first5": S[:5].tolist(), "mean": ica.mean_.tolist()})
with open(os.path.join(here, "fastica_reference.json"), "w") as f:
    json.dump(out, f)
for c in out["cases"]: print(c["name"], c["n_iter"])
