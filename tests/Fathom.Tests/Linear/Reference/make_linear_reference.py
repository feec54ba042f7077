#!/usr/bin/python3
"""Reference values for LinearRegressionTests, made with scikit-learn 1.2.1 (/usr/bin/python3).

    cd tests/Fathom.Tests/Linear/Reference && /usr/bin/python3 make_linear_reference.py

Reads samples/diabetes.csv from the repository root and writes linear_reference.json with
sklearn.linear_model.LinearRegression's coef_, intercept_, rank_ and singular_ on: diabetes as is; with
sample weights 1 + (i % 4); without intercept; and a rank-deficient design (diabetes plus a copy of
column 0 and the column 2·bmi − bp), where sklearn (scipy.linalg.lstsq, gelsd) returns the minimum-norm
solution. Predictions of the first 5 rows are stored too.
"""
import json
import os

import numpy as np
import pandas as pd
import sklearn
from sklearn.linear_model import LinearRegression

ROOT = os.path.abspath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", ".."))
df = pd.read_csv(os.path.join(ROOT, "samples", "diabetes.csv"))
y = df.pop("target").to_numpy(dtype=float)
X = df.to_numpy(dtype=float)
Xdef = np.column_stack([X, X[:, 0], 2 * X[:, 2] - X[:, 3]])
w = 1.0 + (np.arange(len(y)) % 4)


def case(name, X, y, sample_weight=None, **params):
    m = LinearRegression(**params).fit(X, y, sample_weight=sample_weight)
    return {"name": name, "params": params, "weighted": sample_weight is not None,
            "extra_columns": int(X.shape[1] - 10), "coef": m.coef_.tolist(), "intercept": float(m.intercept_),
            "rank": int(m.rank_), "singular": m.singular_.tolist(), "pred_first5": m.predict(X[:5]).tolist()}


cases = [
    case("diabetes", X, y),
    case("diabetes_weighted", X, y, sample_weight=w),
    case("diabetes_no_intercept", X, y, fit_intercept=False),
    case("diabetes_rank_deficient", Xdef, y),
    case("diabetes_rank_deficient_weighted", Xdef, y, sample_weight=w),
]
out = {"generated_by": "make_linear_reference.py", "sklearn_version": sklearn.__version__,
       "note": "weights: 1 + (row % 4); rank-deficient design: diabetes columns + copy of column 0 + (2*bmi - bp)",
       "cases": cases}
with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "linear_reference.json"), "w") as f:
    json.dump(out, f, indent=1)
print("\n".join(f"{c['name']}: rank {c['rank']} intercept {c['intercept']:.10g}" for c in cases))
