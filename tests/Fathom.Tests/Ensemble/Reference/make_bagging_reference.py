#!/usr/bin/python3
"""Quality references for BaggingTests, made with scikit-learn 1.2.1 (/usr/bin/python3).

    cd tests/Fathom.Tests/Ensemble/Reference && /usr/bin/python3 make_bagging_reference.py

scikit-learn's bootstrap draws come from its own RandomState, so Fathom's bagging agrees with it in distribution, not
member by member. For each case, over random_state = 0..19: the held-out score (breast_cancer: rows 0..399 train,
400..568 test, accuracy; diabetes: rows 0..299 train, 300..441 test, R^2) and the out-of-bag score; stored as mean,
standard deviation, min and max.
"""
import json
import os

import numpy as np
import pandas as pd
import sklearn
from sklearn.ensemble import BaggingClassifier, BaggingRegressor

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", "..", ".."))


def load(name):
    df = pd.read_csv(os.path.join(ROOT, "samples", name))
    y = df.pop("target").to_numpy()
    return df.to_numpy(dtype=np.float64), y


def stats(v):
    return {"mean": float(np.mean(v)), "std": float(np.std(v)), "min": float(np.min(v)), "max": float(np.max(v))}


Xb, yb = load("breast_cancer.csv")
Xd, yd = load("diabetes.csv")
cases = []
for name, cls, X, y, ntr, params in [
    ("breast_cancer_default", BaggingClassifier, Xb, yb, 400, {"n_estimators": 20}),
    ("breast_cancer_half_features", BaggingClassifier, Xb, yb, 400, {"n_estimators": 20, "max_features": 0.5, "max_samples": 0.7}),
    ("diabetes_default", BaggingRegressor, Xd, yd, 300, {"n_estimators": 20}),
    ("diabetes_half_features", BaggingRegressor, Xd, yd, 300, {"n_estimators": 20, "max_features": 0.5, "bootstrap_features": True}),
]:
    test, oob = [], []
    for rs in range(20):
        m = cls(random_state=rs, oob_score=True, **params).fit(X[:ntr], y[:ntr])
        test.append(m.score(X[ntr:], y[ntr:]))
        oob.append(m.oob_score_)
    cases.append({"name": name, "params": params, "train_rows": ntr, "test": stats(test), "oob": stats(oob)})
    print(name, cases[-1]["test"], cases[-1]["oob"])
with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "bagging_reference.json"), "w") as f:
    json.dump({"sklearn": sklearn.__version__, "cases": cases}, f)
