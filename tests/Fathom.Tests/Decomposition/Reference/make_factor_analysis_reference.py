#!/usr/bin/python3
"""Reference values for FactorAnalysisTests, made with scikit-learn 1.2.1 (/usr/bin/python3).

    cd tests/Fathom.Tests/Decomposition/Reference && /usr/bin/python3 make_factor_analysis_reference.py

samples/diabetes.csv features (442 x 10). FactorAnalysis(n_components=3, svd_method="lapack") and
FactorAnalysis(svd_method="lapack") (all 10 factors): loglike_, noise_variance_, n_iter_, components_, score(X),
transform of the first 5 rows. Writes factor_analysis_reference.json.
"""
import json
import os

import numpy as np
import pandas as pd
import sklearn
from sklearn.decomposition import FactorAnalysis

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", "..", ".."))
df = pd.read_csv(os.path.join(ROOT, "samples", "diabetes.csv"))
df.pop("target")
X = df.to_numpy(dtype=np.float64)
out = {"sklearn": sklearn.__version__, "cases": []}
for k in (3, None):
    m = FactorAnalysis(n_components=k, svd_method="lapack").fit(X)
    out["cases"].append({"n_components": k, "loglike": list(map(float, m.loglike_)), "noise_variance": m.noise_variance_.tolist(),
                         "n_iter": int(m.n_iter_), "components": m.components_.tolist(), "score": float(m.score(X)),
                         "transform5": m.transform(X[:5]).tolist()})
with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "factor_analysis_reference.json"), "w") as f:
    json.dump(out, f)
print([(c["n_iter"], c["loglike"][-1], c["score"]) for c in out["cases"]])
