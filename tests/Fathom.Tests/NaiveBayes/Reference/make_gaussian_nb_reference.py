#!/usr/bin/python3
"""Reference values for GaussianNBTests, made with scikit-learn 1.2.1 (/usr/bin/python3).

    cd tests/Fathom.Tests/NaiveBayes/Reference && /usr/bin/python3 make_gaussian_nb_reference.py

Reads samples/iris.csv and samples/breast_cancer.csv (column "target" holds the class) from the repository
root and writes gaussian_nb_reference.json with sklearn.naive_bayes.GaussianNB's theta_, var_, class_prior_,
class_count_, epsilon_ and predict_proba of every row for: a plain fit; a fit with sample weights 1 + (i % 3);
a fit with priors; partial_fit over the rows in chunks of 40 (iris rows reordered i*7 % 150 so chunks mix
classes), unweighted and weighted.
"""
import json
import os

import numpy as np
import pandas as pd
import sklearn
from sklearn.naive_bayes import GaussianNB

ROOT = os.path.abspath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", ".."))


def load(name):
    df = pd.read_csv(os.path.join(ROOT, "samples", name))
    y = df.pop("target").astype(str).to_numpy()
    return df.to_numpy(dtype=float), y


def state(name, m, X):
    return {"name": name, "classes": [str(c) for c in m.classes_], "theta": m.theta_.tolist(), "var": m.var_.tolist(),
            "class_prior": m.class_prior_.tolist(), "class_count": m.class_count_.tolist(), "epsilon": float(m.epsilon_),
            "proba": m.predict_proba(X).tolist(), "predict": [str(v) for v in m.predict(X)]}


cases = []
for file in ("iris.csv", "breast_cancer.csv"):
    X, y = load(file)
    n = len(y)
    w = 1.0 + (np.arange(n) % 3)
    order = (np.arange(n) * 7) % n if file == "iris.csv" else np.arange(n)
    key = file.split(".")[0]
    cases.append(state(key + "_fit", GaussianNB().fit(X, y), X))
    cases.append(state(key + "_weighted", GaussianNB().fit(X, y, sample_weight=w), X))
    k = len(np.unique(y))
    priors = np.linspace(1, 2, k); priors /= priors.sum()
    cases.append(state(key + "_priors", GaussianNB(priors=priors).fit(X, y), X) | {"priors": priors.tolist()})
    for weighted in (False, True):
        m = GaussianNB()
        classes = np.unique(y)
        for start in range(0, n, 40):
            rows = order[start:start + 40]
            m.partial_fit(X[rows], y[rows], classes=classes, sample_weight=w[rows] if weighted else None)
        cases.append(state(key + ("_partial_weighted" if weighted else "_partial"), m, X) | {"order": order.tolist()})

with open("gaussian_nb_reference.json", "w") as f:
    json.dump({"sklearn": sklearn.__version__, "chunk": 40, "cases": cases}, f)
print("wrote gaussian_nb_reference.json")
