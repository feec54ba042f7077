"""Reference numbers for NMF (scikit-learn 1.2.1, solver="cd", no regularization).

    /usr/bin/python3 tests/Fathom.Tests/Decomposition/Reference/make_nmf_reference.py
writes nmf_reference.json beside this script. Data: samples/iris.csv features (k = 2, 3; randomized_svd is exact
there because its sketch spans all 4 columns).
"""
import json, os
import numpy as np
import pandas as pd
from sklearn.decomposition import NMF

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.abspath(os.path.join(here, "../../../.."))
iris = pd.read_csv(os.path.join(root, "samples", "iris.csv")).drop(columns="target").to_numpy()
out = {"cases": []}
for name, X, kw in [("iris_k2_nndsvd", iris, dict(n_components=2, init="nndsvd")),
                    ("iris_k3_nndsvda", iris, dict(n_components=3, init="nndsvda")),
                    ("iris_k2_nndsvda_tight", iris, dict(n_components=2, init="nndsvda", tol=1e-10, max_iter=3000))]:
    m = NMF(solver="cd", random_state=0, **kw)
    W = m.fit_transform(X)
    out["cases"].append({"name": name, "params": kw, "components": m.components_.tolist(), "W_first5": W[:5].tolist(),
                         "reconstruction_err": float(m.reconstruction_err_), "n_iter": int(m.n_iter_),
                         "transform_first5": m.transform(X[:5]).tolist()})
with open(os.path.join(here, "nmf_reference.json"), "w") as f:
    json.dump(out, f)
for c in out["cases"]: print(c["name"], c["n_iter"], c["reconstruction_err"])
