#!/usr/bin/python3
"""Reference values for KernelPCATests, made with scikit-learn 1.2.1 (/usr/bin/python3).

    cd tests/Fathom.Tests/Decomposition/Reference && /usr/bin/python3 make_kernel_pca_reference.py

X = RandomState(0).standard_normal((80, 5)), new rows RandomState(1).standard_normal((10, 5)). For each case,
KernelPCA(eigen_solver="dense", **params).fit(X): eigenvalues_, fit_transform scores (eigenvectors * sqrt(eigenvalues))
and transform(new rows). Writes kernel_pca_reference.json.
"""
import json
import os

import numpy as np
import sklearn
from sklearn.decomposition import KernelPCA

x = np.random.RandomState(0).standard_normal((80, 5))
xn = np.random.RandomState(1).standard_normal((10, 5))
cases = [
    dict(kernel="linear"),
    dict(kernel="rbf", n_components=4, gamma=0.2),
    dict(kernel="rbf", n_components=3),
    dict(kernel="poly", n_components=3),
    dict(kernel="cosine", n_components=3),
    dict(kernel="sigmoid", n_components=2, gamma=0.05),
]
out = {"sklearn": sklearn.__version__, "x": x.tolist(), "new": xn.tolist(), "cases": []}
for p in cases:
    m = KernelPCA(eigen_solver="dense", **p)
    z = m.fit_transform(x)
    out["cases"].append({"params": p, "eigenvalues": m.eigenvalues_.tolist(), "scores": z.tolist(),
                         "transform": m.transform(xn).tolist()})
with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "kernel_pca_reference.json"), "w") as f:
    json.dump(out, f)
print([len(c["eigenvalues"]) for c in out["cases"]])
