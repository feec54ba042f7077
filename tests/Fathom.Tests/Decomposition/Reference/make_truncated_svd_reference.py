#!/usr/bin/python3
"""Reference values for TruncatedSVDTests, made with scikit-learn 1.2.1 (/usr/bin/python3).

    cd tests/Fathom.Tests/Decomposition/Reference && /usr/bin/python3 make_truncated_svd_reference.py

samples/digits.csv without the target (raw pixels, not centred). TruncatedSVD(n_components=5, algorithm="arpack")
(exact to arpack's tolerance): components_, singular_values_, explained_variance_(ratio_); and
TruncatedSVD(n_components=5, random_state=0) (randomized, n_iter=5): explained_variance_ratio_.
Writes truncated_svd_reference.json.
"""
import json
import os

import numpy as np
import pandas as pd
import sklearn
from sklearn.decomposition import TruncatedSVD

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", "..", ".."))
df = pd.read_csv(os.path.join(ROOT, "samples", "digits.csv"))
df.pop("target")
X = df.to_numpy(dtype=np.float64)
a = TruncatedSVD(n_components=5, algorithm="arpack").fit(X)
r = TruncatedSVD(n_components=5, random_state=0).fit(X)
out = {"sklearn": sklearn.__version__, "components": a.components_.tolist(), "singular_values": a.singular_values_.tolist(),
       "explained_variance": a.explained_variance_.tolist(), "explained_variance_ratio": a.explained_variance_ratio_.tolist(),
       "randomized_explained_variance_ratio": r.explained_variance_ratio_.tolist()}
with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "truncated_svd_reference.json"), "w") as f:
    json.dump(out, f)
print(out["singular_values"], sum(out["randomized_explained_variance_ratio"]))
