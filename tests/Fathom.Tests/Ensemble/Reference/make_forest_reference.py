#!/usr/bin/python3
"""Reference scores for RandomForestTests and ExtraTreesTests, made with scikit-learn 1.2.1 (/usr/bin/python3).

    cd tests/Fathom.Tests/Ensemble/Reference && /usr/bin/python3 make_forest_reference.py

Random forests draw from different random generators in Fathom and scikit-learn, so only their quality can be
compared: each score is the mean (and spread) over random_state = 0..4. Splits: train_test_split(test_size=0.25,
random_state=0); the test rows are stored so Fathom uses the same split.
"""
import json
import os

import numpy as np
import pandas as pd
import sklearn
from sklearn.ensemble import ExtraTreesClassifier, ExtraTreesRegressor, RandomForestClassifier, RandomForestRegressor
from sklearn.metrics import accuracy_score, r2_score, roc_auc_score
from sklearn.model_selection import train_test_split

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", "..", ".."))


def load(name):
    df = pd.read_csv(os.path.join(ROOT, "samples", name))
    y = df.pop("target").to_numpy()
    return df.to_numpy(dtype=np.float64), y


out = {"sklearn": sklearn.__version__}
X, y = load("breast_cancer.csv")
idx = np.arange(len(y))
tr, te = train_test_split(idx, test_size=0.25, random_state=0)
acc, auc, oob = [], [], []
for rs in range(5):
    m = RandomForestClassifier(n_estimators=100, oob_score=True, random_state=rs).fit(X[tr], y[tr])
    p = m.predict_proba(X[te])[:, 1]
    acc.append(accuracy_score(y[te], m.predict(X[te])))
    auc.append(roc_auc_score(y[te], p))
    oob.append(m.oob_score_)
et_acc, et_auc = [], []
for rs in range(5):
    m2 = ExtraTreesClassifier(n_estimators=100, random_state=rs).fit(X[tr], y[tr])
    et_acc.append(accuracy_score(y[te], m2.predict(X[te])))
    et_auc.append(roc_auc_score(y[te], m2.predict_proba(X[te])[:, 1]))
out["breast_cancer_extra_trees"] = {"accuracy": float(np.mean(et_acc)), "auc": float(np.mean(et_auc))}
out["breast_cancer"] = {"test_rows": [int(i) for i in te], "classes": [str(c) for c in m.classes_],
                        "accuracy": float(np.mean(acc)), "accuracy_sd": float(np.std(acc)),
                        "auc": float(np.mean(auc)), "auc_sd": float(np.std(auc)),
                        "oob": float(np.mean(oob)), "oob_sd": float(np.std(oob))}
X, y = load("diabetes.csv")
idx = np.arange(len(y))
tr, te = train_test_split(idx, test_size=0.25, random_state=0)
r2, oob = [], []
for rs in range(5):
    m = RandomForestRegressor(n_estimators=100, oob_score=True, random_state=rs).fit(X[tr], y[tr])
    r2.append(r2_score(y[te], m.predict(X[te])))
    oob.append(m.oob_score_)
et = [r2_score(y[te], ExtraTreesRegressor(n_estimators=100, random_state=rs).fit(X[tr], y[tr]).predict(X[te])) for rs in range(5)]
out["diabetes_extra_trees"] = {"r2": float(np.mean(et)), "r2_sd": float(np.std(et))}
out["diabetes"] = {"test_rows": [int(i) for i in te], "r2": float(np.mean(r2)), "r2_sd": float(np.std(r2)),
                   "oob": float(np.mean(oob)), "oob_sd": float(np.std(oob))}
print({k: {kk: vv for kk, vv in v.items() if kk != "test_rows"} if isinstance(v, dict) else v for k, v in out.items()})
with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "forest_reference.json"), "w") as f:
    json.dump(out, f)
