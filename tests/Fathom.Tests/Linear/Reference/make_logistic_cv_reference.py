#!/usr/bin/python3
"""Reference values for LogisticRegressionCVTests, made with scikit-learn 1.2.1 (/usr/bin/python3):

    cd tests/Fathom.Tests/Linear/Reference && /usr/bin/python3 make_logistic_cv_reference.py

LogisticRegressionCV (lbfgs, accuracy, StratifiedKFold without shuffling, refit) on standardized
samples/breast_cancer.csv and samples/iris.csv, with tol=1e-10 and max_iter=10000 so that every fit is at its
optimum. Writes logistic_cv_reference.json.
"""
import json
import os
import warnings

import numpy as np
import pandas as pd
import sklearn
from sklearn.linear_model import LogisticRegressionCV

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", "..", ".."))


def load(name):
    df = pd.read_csv(os.path.join(ROOT, "samples", name))
    y = df.pop("target").astype(str).to_numpy()
    X = df.to_numpy(dtype=np.float64)
    return (X - X.mean(axis=0)) / X.std(axis=0), y


out = {"sklearn": sklearn.__version__, "cases": []}
warnings.simplefilter("ignore")
for name, file, params in [("breast_cancer", "breast_cancer.csv", dict()),
                           ("iris_multinomial", "iris.csv", dict(Cs=6, cv=3)),
                           ("iris_ovr", "iris.csv", dict(multi_class="ovr", Cs=[0.01, 0.1, 1.0, 10.0])),
                           ("breast_cancer_balanced", "breast_cancer.csv", dict(Cs=5, class_weight="balanced", cv=4))]:
    X, y = load(file)
    m = LogisticRegressionCV(tol=1e-10, max_iter=10000, **params).fit(X, y)
    out["cases"].append({"name": name, "file": file, "params": params, "C": m.C_.tolist(), "Cs": m.Cs_.tolist(),
                         "coef": m.coef_.tolist(), "intercept": m.intercept_.tolist(),
                         "scores_mean": {str(k): v.mean(axis=0).tolist() for k, v in m.scores_.items()}})
    print(name, m.C_)

with open(os.path.join(os.path.dirname(__file__), "logistic_cv_reference.json"), "w") as f:
    json.dump(out, f, indent=1)
