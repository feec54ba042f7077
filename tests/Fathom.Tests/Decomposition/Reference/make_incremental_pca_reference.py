#!/usr/bin/python3
"""Reference values for IncrementalPCATests, made with scikit-learn 1.2.1 (/usr/bin/python3).

    cd tests/Fathom.Tests/Decomposition/Reference && /usr/bin/python3 make_incremental_pca_reference.py

X = RandomState(0).standard_normal((500, 8)) * [8, 6, 5, 4, 3, 2, 1, 0.5] + 3 (well separated variances).
IncrementalPCA(n_components=4, batch_size=60).fit(X) (batches of 60, the last 20 rows merged by gen_batches'
min_batch_size rule does not apply here: 8 batches of 60 and one of 20): components_, explained_variance(_ratio)_,
singular_values_, mean_, var_, noise_variance_, transform of the first 5 rows; and partial_fit over rows 0..199 then
200..499: components_. Writes incremental_pca_reference.json.
"""
import json
import os

import numpy as np
import sklearn
from sklearn.decomposition import IncrementalPCA

X = np.random.RandomState(0).standard_normal((500, 8)) * np.array([8, 6, 5, 4, 3, 2, 1, 0.5]) + 3
m = IncrementalPCA(n_components=4, batch_size=60).fit(X)
p = IncrementalPCA(n_components=4)
p.partial_fit(X[:200])
p.partial_fit(X[200:])
out = {"sklearn": sklearn.__version__, "x": X.tolist(), "components": m.components_.tolist(),
       "explained_variance": m.explained_variance_.tolist(), "explained_variance_ratio": m.explained_variance_ratio_.tolist(),
       "singular_values": m.singular_values_.tolist(), "mean": m.mean_.tolist(), "var": m.var_.tolist(),
       "noise_variance": float(m.noise_variance_), "transform5": m.transform(X[:5]).tolist(),
       "partial_components": p.components_.tolist()}
with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "incremental_pca_reference.json"), "w") as f:
    json.dump(out, f)
print(out["singular_values"], out["noise_variance"])
