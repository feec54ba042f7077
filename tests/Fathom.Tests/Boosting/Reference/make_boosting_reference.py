#!/usr/bin/python3
"""Reference scores for GradientBoostingTests, made with scikit-learn 1.2.1 (/usr/bin/python3).

    cd tests/Fathom.Tests/Boosting/Reference && /usr/bin/python3 make_boosting_reference.py

HistGradientBoostingClassifier / HistGradientBoostingRegressor with scikit-learn's defaults except
early_stopping=False (Fathom's default) and random_state=0. Splits: train_test_split(test_size=0.25,
random_state=0); the test rows are stored so Fathom uses the same split. "breast_cancer_missing" blanks 15 % of the
cells (numpy RandomState(0) mask, stored as row,column pairs) to exercise learned missing-value directions.
"""
import json
import os

import numpy as np
import pandas as pd
import sklearn
from sklearn.ensemble import HistGradientBoostingClassifier, HistGradientBoostingRegressor
from sklearn.metrics import accuracy_score, log_loss, r2_score, roc_auc_score
from sklearn.model_selection import train_test_split

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", "..", ".."))


def load(name):
    df = pd.read_csv(os.path.join(ROOT, "samples", name))
    y = df.pop("target").to_numpy()
    return df.to_numpy(dtype=np.float64), y


def split(y):
    idx = np.arange(len(y))
    return train_test_split(idx, test_size=0.25, random_state=0)


P = dict(early_stopping=False, random_state=0)
out = {"sklearn": sklearn.__version__}

X, y = load("breast_cancer.csv")
tr, te = split(y)
m = HistGradientBoostingClassifier(**P).fit(X[tr], y[tr])
p = m.predict_proba(X[te])[:, 1]
out["breast_cancer"] = {"test_rows": [int(i) for i in te], "accuracy": accuracy_score(y[te], m.predict(X[te])),
                        "auc": roc_auc_score(y[te], p), "log_loss": log_loss(y[te], p), "n_iter": int(m.n_iter_)}

mask = np.random.RandomState(0).rand(*X.shape) < 0.15
Xm = X.copy()
Xm[mask] = np.nan
m = HistGradientBoostingClassifier(**P).fit(Xm[tr], y[tr])
p = m.predict_proba(Xm[te])[:, 1]
out["breast_cancer_missing"] = {"test_rows": [int(i) for i in te], "missing": [[int(i), int(j)] for i, j in zip(*np.nonzero(mask))],
                                "accuracy": accuracy_score(y[te], m.predict(Xm[te])), "auc": roc_auc_score(y[te], p),
                                "log_loss": log_loss(y[te], p)}

X, y = load("diabetes.csv")
tr, te = split(y)
m = HistGradientBoostingRegressor(**P).fit(X[tr], y[tr])
out["diabetes"] = {"test_rows": [int(i) for i in te], "r2": r2_score(y[te], m.predict(X[te]))}
m = HistGradientBoostingRegressor(loss="poisson", **P).fit(X[tr], y[tr])
out["diabetes_poisson"] = {"r2": r2_score(y[te], m.predict(X[te]))}

X, y = load("digits.csv")
tr, te = split(y)
m = HistGradientBoostingClassifier(**P).fit(X[tr], y[tr])
out["digits"] = {"test_rows": [int(i) for i in te], "accuracy": accuracy_score(y[te], m.predict(X[te])),
                 "log_loss": log_loss(y[te], m.predict_proba(X[te]))}

# Early iterations are deterministic and must agree closely (later ones drift apart through near-tied splits whose
# gains differ by float rounding): raw predictions of the first 5 test rows after 1, 2 and 3 iterations.
early = {}
for name, est in (("breast_cancer", HistGradientBoostingClassifier), ("diabetes", HistGradientBoostingRegressor),
                  ("digits", HistGradientBoostingClassifier)):
    X, y = load(name + ".csv")
    tr, te = split(y)
    early[name] = {str(it): est(max_iter=it, **P).fit(X[tr], y[tr])._raw_predict(X[te[:5]]).tolist() for it in (1, 2, 3)}
out["early_raw"] = early

with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "boosting_reference.json"), "w") as f:
    json.dump(out, f, indent=1)
print({k: {kk: vv for kk, vv in v.items() if kk not in ("test_rows", "missing")} if isinstance(v, dict) else v for k, v in out.items()})
