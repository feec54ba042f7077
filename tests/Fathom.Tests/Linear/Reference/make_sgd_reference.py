#!/usr/bin/python3
"""Reference values for SgdTests, made with scikit-learn 1.2.1 (/usr/bin/python3):

    cd tests/Fathom.Tests/Linear/Reference && /usr/bin/python3 make_sgd_reference.py

Every fit uses shuffle=False, so the sequence of updates is fully determined and Fathom's must agree to
rounding. Data: samples/breast_cancer.csv and samples/iris.csv with standardized features; samples/diabetes.csv
with standardized features and target ((v - mean) / std, population std, all rows). Writes sgd_reference.json.
"""
import json
import os
import warnings

import numpy as np
import pandas as pd
import sklearn
from sklearn.linear_model import Perceptron, SGDClassifier, SGDRegressor

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", "..", ".."))


def std(a):
    return (a - a.mean(axis=0)) / a.std(axis=0)


def load(name, regression=False):
    df = pd.read_csv(os.path.join(ROOT, "samples", name))
    y = df.pop("target")
    X = std(df.to_numpy(dtype=np.float64))
    return X, (std(y.to_numpy(dtype=np.float64)) if regression else y.astype(str).to_numpy())


CLS = [
    ("hinge_l2_optimal", "breast_cancer.csv", dict()),
    ("log_enet_optimal", "breast_cancer.csv", dict(loss="log_loss", penalty="elasticnet", alpha=1e-3)),
    ("mhuber_l1_invscaling_iris", "iris.csv", dict(loss="modified_huber", penalty="l1", learning_rate="invscaling", eta0=0.01, alpha=1e-3)),
    ("sqhinge_constant_iris", "iris.csv", dict(loss="squared_hinge", learning_rate="constant", eta0=0.001, tol=None, max_iter=20)),
    ("hinge_adaptive_balanced", "breast_cancer.csv", dict(learning_rate="adaptive", eta0=0.01, class_weight="balanced")),
    ("log_average", "breast_cancer.csv", dict(loss="log_loss", learning_rate="invscaling", eta0=0.1, average=True, tol=None, max_iter=10)),
    ("log_average_iris", "iris.csv", dict(loss="log_loss", learning_rate="invscaling", eta0=0.1, average=10, tol=None, max_iter=5)),
    ("hinge_weighted_nointercept", "breast_cancer.csv", dict(fit_intercept=False, alpha=1e-3)),
    ("perceptron_iris", "iris.csv", "perceptron"),
    ("perceptron_l2_bc", "breast_cancer.csv", "perceptron_l2"),
]
REG = [
    ("squared_default", dict()),
    ("huber_l1_constant", dict(loss="huber", penalty="l1", learning_rate="constant", eta0=0.001, alpha=1e-3)),
    ("epsins_enet_adaptive", dict(loss="epsilon_insensitive", penalty="elasticnet", learning_rate="adaptive", eta0=0.01, epsilon=0.2)),
    ("sqepsins_optimal", dict(loss="squared_epsilon_insensitive", learning_rate="optimal", alpha=0.1, tol=None, max_iter=20)),
    ("squared_average_none", dict(penalty=None, average=10, tol=None, max_iter=7)),
    ("squared_weighted", dict(alpha=1e-3, eta0=0.005)),
]

out = {"sklearn": sklearn.__version__, "classifier": [], "regressor": [], "partial": []}
warnings.simplefilter("ignore")
for name, file, params in CLS:
    X, y = load(file)
    sw = None
    if "weighted" in name:
        sw = 0.5 + (np.arange(len(y)) % 3) * 0.75
    if params == "perceptron":
        m, params = Perceptron(shuffle=False).fit(X, y), {"estimator": "perceptron"}
    elif params == "perceptron_l2":
        m, params = Perceptron(shuffle=False, penalty="l2", alpha=1e-3).fit(X, y), {"estimator": "perceptron", "penalty": "l2", "alpha": 1e-3}
    else:
        m = SGDClassifier(shuffle=False, **params).fit(X, y, sample_weight=sw)
    out["classifier"].append({"name": name, "file": file, "params": params, "classes": m.classes_.tolist(),
                              "coef": m.coef_.tolist(), "intercept": m.intercept_.tolist(), "n_iter": int(m.n_iter_),
                              "t": float(m.t_), "sample_weight": None if sw is None else sw.tolist(),
                              "proba_first5": m.predict_proba(X[:5]).tolist() if hasattr(m, "predict_proba") and params.get("loss") in ("log_loss", "modified_huber") else None})
    print(name, m.n_iter_)

X, y = load("diabetes.csv", regression=True)
for name, params in REG:
    sw = 0.5 + (np.arange(len(y)) % 3) * 0.75 if "weighted" in name else None
    m = SGDRegressor(shuffle=False, **params).fit(X, y, sample_weight=sw)
    out["regressor"].append({"name": name, "params": params, "coef": m.coef_.tolist(), "intercept": float(m.intercept_[0]),
                             "n_iter": int(m.n_iter_), "t": float(m.t_), "sample_weight": None if sw is None else sw.tolist()})
    print(name, m.n_iter_)

# partial_fit over three chunks (first call names the classes)
Xb, yb = load("breast_cancer.csv")
m = SGDClassifier(shuffle=False, loss="log_loss", alpha=1e-3)
for lo, hi in [(0, 200), (200, 400), (400, len(yb))]:
    m.partial_fit(Xb[lo:hi], yb[lo:hi], classes=np.unique(yb))
out["partial"].append({"name": "classifier_log_3chunks", "coef": m.coef_.tolist(), "intercept": m.intercept_.tolist(), "t": float(m.t_)})
r = SGDRegressor(shuffle=False)
for lo, hi in [(0, 150), (150, 300), (300, len(y))]:
    r.partial_fit(X[lo:hi], y[lo:hi])
out["partial"].append({"name": "regressor_3chunks", "coef": r.coef_.tolist(), "intercept": r.intercept_.tolist(), "t": float(r.t_)})

with open(os.path.join(os.path.dirname(__file__), "sgd_reference.json"), "w") as f:
    json.dump(out, f, indent=1)
