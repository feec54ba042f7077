"""Class counts imbalanced-learn 0.10.0 produces, for the sampler tests.

    /usr/bin/python3 tests/Fathom.Tests/Imbalance/Reference/make_sampler_reference.py
Data: samples/breast_cancer.csv standardized (population std), made imbalanced by keeping every malignant
(target 0) row with index % 4 == 0 and all benign rows; and samples/iris.csv with classes cut to 50/20/8 rows
(first rows of each class). Counts do not depend on the random draws, so they are compared exactly.
"""
import json, os
import numpy as np
import pandas as pd
from imblearn.over_sampling import SMOTE, ADASYN, BorderlineSMOTE, RandomOverSampler
from imblearn.under_sampling import RandomUnderSampler

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.abspath(os.path.join(here, "../../../.."))
bc = pd.read_csv(os.path.join(root, "samples", "breast_cancer.csv"))
X = bc.drop(columns="target").to_numpy(); y = bc["target"].to_numpy()
X = (X - X.mean(0)) / X.std(0)
keep = np.array([i for i in range(len(y)) if y[i] == 1 or i % 4 == 0])
X, y = X[keep], y[keep]
ir = pd.read_csv(os.path.join(root, "samples", "iris.csv"))
iy = ir["target"].to_numpy(); iX = ir.drop(columns="target").to_numpy()
cut = {"setosa": 50, "versicolor": 20, "virginica": 8}
rows = []
for cls, n in cut.items():
    rows += list(np.where(iy == cls)[0][:n])
iX, iy = iX[rows], iy[rows]

def counts(labels):
    u, c = np.unique(labels, return_counts=True)
    return {str(k): int(v) for k, v in zip(u, c)}

out = {"rows_kept": keep.tolist(), "iris_rows": [int(r) for r in rows], "cases": {}}
for name, ds, s in [
    ("smote", "bc", SMOTE(random_state=0)), ("adasyn", "bc", ADASYN(random_state=0)),
    ("borderline1", "bc", BorderlineSMOTE(random_state=0)), ("borderline2", "bc", BorderlineSMOTE(kind="borderline-2", random_state=0)),
    ("over", "bc", RandomOverSampler(random_state=0)), ("under", "bc", RandomUnderSampler(random_state=0)),
    ("smote_ratio", "bc", SMOTE(sampling_strategy=0.8, random_state=0)), ("under_ratio", "bc", RandomUnderSampler(sampling_strategy=0.5, random_state=0)),
    ("smote_iris", "iris", SMOTE(k_neighbors=3, random_state=0)), ("adasyn_iris", "iris", ADASYN(n_neighbors=3, random_state=0)),
    ("smote_iris_not_majority", "iris", SMOTE(sampling_strategy="not majority", k_neighbors=3, random_state=0)),
    ("under_iris_not_minority", "iris", RandomUnderSampler(sampling_strategy="not minority", random_state=0)),
]:
    Xs, ys = (X, y) if ds == "bc" else (iX, iy)
    try:
        _, yr = s.fit_resample(Xs, ys)
        out["cases"][name] = {"data": ds, "before": counts(ys), "after": counts(yr)}
    except RuntimeError as e:  # ADASYN refuses data where no minority row has a majority neighbour
        out["cases"][name] = {"data": ds, "before": counts(ys), "error": str(e)}
with open(os.path.join(here, "sampler_reference.json"), "w") as f:
    json.dump(out, f, indent=1)
