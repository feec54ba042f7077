"""Reference numbers for SuccessiveHalving.Schedule and NestedCrossValidation.

    /usr/bin/python3 tests/Fathom.Tests/ModelSelection/Reference/make_halving_nested_reference.py
writes halving_nested_reference.json beside this script (scikit-learn 1.2.1).
Halving: HalvingGridSearchCV's n_resources_ / n_candidates_ for several candidate counts, row counts, factors and
min_resources (data: the first rows of samples/breast_cancer.csv; the estimator is a decision tree over
max_depth = 1..c). Nested CV: cross_val_score(GridSearchCV(GaussianNB(), var_smoothing grid, cv=StratifiedKFold(3)),
cv=StratifiedKFold(5)) on breast_cancer (deterministic, unshuffled folds).
"""
import json, os
import numpy as np
import pandas as pd
from sklearn.experimental import enable_halving_search_cv  # noqa: F401
from sklearn.model_selection import HalvingGridSearchCV, GridSearchCV, StratifiedKFold, KFold, cross_val_score
from sklearn.tree import DecisionTreeClassifier, DecisionTreeRegressor
from sklearn.naive_bayes import GaussianNB

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.abspath(os.path.join(here, "../../../.."))
bc = pd.read_csv(os.path.join(root, "samples", "breast_cancer.csv"))
X = bc.drop(columns="target").to_numpy(); y = bc["target"].to_numpy()
out = {"halving": [], "nested": {}}
for (c, n, f, mr, kind) in [(27, 569, 3, "exhaust", "clf"), (10, 569, 3, "exhaust", "clf"), (30, 300, 2, "exhaust", "clf"),
                            (8, 569, 3, 20, "clf"), (50, 569, 4, "exhaust", "reg"), (3, 100, 3, "exhaust", "clf"),
                            (81, 569, 3, 12, "reg"), (12, 243, 3, 9, "reg")]:
    est = DecisionTreeClassifier() if kind == "clf" else DecisionTreeRegressor()
    grid = {"max_depth": list(range(1, c + 1))}
    s = HalvingGridSearchCV(est, grid, factor=f, min_resources=mr, cv=5, random_state=0)
    s.fit(X[:n], y[:n])
    out["halving"].append({"candidates": c, "rows": n, "factor": f, "min_resources": mr, "kind": kind,
                           "classes": int(len(np.unique(y[:n]))) if kind == "clf" else 1,
                           "n_resources": [int(v) for v in s.n_resources_], "n_candidates": [int(v) for v in s.n_candidates_]})
grid = {"var_smoothing": [1e-9, 1e-6, 1e-3, 1e-1, 1.0]}
inner = StratifiedKFold(3)
gs = GridSearchCV(GaussianNB(), grid, cv=inner)
scores = cross_val_score(gs, X, y, cv=StratifiedKFold(5))
best = []
for tr, te in StratifiedKFold(5).split(X, y):
    g = GridSearchCV(GaussianNB(), grid, cv=inner).fit(X[tr], y[tr])
    best.append(g.best_params_["var_smoothing"])
out["nested"] = {"scores": scores.tolist(), "best_var_smoothing": best}
with open(os.path.join(here, "halving_nested_reference.json"), "w") as f:
    json.dump(out, f, indent=1)
