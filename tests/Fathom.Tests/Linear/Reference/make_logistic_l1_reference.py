#!/usr/bin/python3
"""Reference values for LogisticPenaltyTests (L1 / elastic-net penalties, one-vs-rest), made with
scikit-learn 1.2.1 (/usr/bin/python3):

    cd tests/Fathom.Tests/Linear/Reference && /usr/bin/python3 make_logistic_l1_reference.py

Reads samples/iris.csv and samples/breast_cancer.csv from the repository root, standardizes them by hand
((x - mean) / std, population std, all rows) and fits LogisticRegression with solver="saga" (or "lbfgs" for the
L2 one-vs-rest case) at tol=1e-12 and max_iter=100000, so the stored coefficients are the optimum of the
objective to ~1e-8, not sklearn's early stop. Writes logistic_l1_reference.json.
"""
import json
import os
import warnings

import numpy as np
import pandas as pd
import sklearn
from sklearn.linear_model import LogisticRegression

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", "..", ".."))


def load(name):
    df = pd.read_csv(os.path.join(ROOT, "samples", name))
    y = df.pop("target").astype(str).to_numpy()
    X = df.to_numpy(dtype=np.float64)
    return (X - X.mean(axis=0)) / X.std(axis=0), y


CASES = [
    ("breast_cancer_l1", "breast_cancer.csv", dict(penalty="l1", C=0.1, solver="saga")),
    ("breast_cancer_enet", "breast_cancer.csv", dict(penalty="elasticnet", l1_ratio=0.5, C=0.5, solver="saga")),
    ("breast_cancer_l1_nointercept", "breast_cancer.csv", dict(penalty="l1", C=0.2, solver="saga", fit_intercept=False)),
    ("iris_l1_multinomial", "iris.csv", dict(penalty="l1", C=0.5, solver="saga", multi_class="multinomial")),
    ("iris_enet_multinomial", "iris.csv", dict(penalty="elasticnet", l1_ratio=0.3, C=1.0, solver="saga", multi_class="multinomial")),
    ("iris_l1_ovr", "iris.csv", dict(penalty="l1", C=0.5, solver="saga", multi_class="ovr")),
    ("iris_l2_ovr", "iris.csv", dict(penalty="l2", C=1.0, solver="lbfgs", multi_class="ovr")),
    ("iris_l1_balanced_weighted", "iris.csv", dict(penalty="l1", C=0.3, solver="saga", class_weight="balanced")),
]

out = {"sklearn": sklearn.__version__, "cases": []}
for name, file, params in CASES:
    X, y = load(file)
    sw = None
    if "weighted" in name:
        sw = 0.5 + (np.arange(len(y)) % 4) * 0.5
        # drop some rows of one class so that 'balanced' matters
        keep = np.array([not (y[i] == "virginica" and i % 3 == 0) for i in range(len(y))])
        X, y, sw = X[keep], y[keep], sw[keep]
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        m = LogisticRegression(tol=1e-12, max_iter=100000, **params).fit(X, y, sample_weight=sw)
    case = {
        "name": name,
        "file": file,
        "params": params,
        "classes": m.classes_.tolist(),
        "coef": m.coef_.tolist(),
        "intercept": m.intercept_.tolist(),
        "proba_first5": m.predict_proba(X[:5]).tolist(),
        "n_iter": int(np.max(m.n_iter_)),
    }
    if sw is not None:
        case["keep"] = [int(i) for i in np.flatnonzero(keep)]
        case["sample_weight"] = sw.tolist()
    out["cases"].append(case)
    print(name, m.n_iter_, np.count_nonzero(m.coef_), "nonzero")

with open(os.path.join(os.path.dirname(__file__), "logistic_l1_reference.json"), "w") as f:
    json.dump(out, f, indent=1)
