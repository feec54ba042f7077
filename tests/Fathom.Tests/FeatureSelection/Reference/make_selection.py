"""Reference values of scikit-learn 1.2.1 feature selection for Fathom's FeatureSelection tests.

Run from the repository root with the system Python:

    /usr/bin/python3 tests/Fathom.Tests/FeatureSelection/Reference/make_selection.py

Reads samples/{iris,diabetes,breast_cancer,digits}.csv (numbers parsed with float_precision="round_trip") and
writes selection.json here: {"values": [...]} for scores/p-values and {"support": [...]} / {"ranking": [...]}
for selections. The tests never run Python.
"""
import json
import os

import numpy as np
import pandas as pd
from sklearn.feature_selection import (RFE, SelectFromModel, SelectKBest, SelectPercentile, VarianceThreshold, chi2,
                                       f_classif, f_regression)
from sklearn.linear_model import LinearRegression

HERE = os.path.dirname(os.path.abspath(__file__))
SAMPLES = os.path.abspath(os.path.join(HERE, "..", "..", "..", "..", "samples"))


def read(name):
    return pd.read_csv(os.path.join(SAMPLES, name), float_precision="round_trip")


def vec(v):
    return {"values": [None if np.isnan(a) else float(a) for a in np.asarray(v, dtype=float)]}


iris = read("iris.csv")
diab = read("diabetes.csv")
bc = read("breast_cancer.csv")
Xi, yi = iris.drop(columns=["target"]), iris["target"]
Xd, yd = diab.drop(columns=["target"]), diab["target"]
Xb, yb = bc.drop(columns=["target"]), bc["target"]
out = {}
for label, fn, X, y in [("f_classif_iris", f_classif, Xi, yi), ("f_classif_bc", f_classif, Xb, yb),
                        ("f_regression_diab", f_regression, Xd, yd), ("chi2_iris", chi2, Xi, yi), ("chi2_bc", chi2, Xb, yb)]:
    s, p = fn(X, y)
    out[label + "_scores"] = vec(s)
    out[label + "_pvalues"] = vec(p)
out["kbest_bc_5"] = {"support": [bool(b) for b in SelectKBest(f_classif, k=5).fit(Xb, yb).get_support()]}
out["kbest_diab_chi"] = {"support": [bool(b) for b in SelectKBest(f_regression, k=3).fit(Xd, yd).get_support()]}
out["percentile_bc_20"] = {"support": [bool(b) for b in SelectPercentile(chi2, percentile=20).fit(Xb, yb).get_support()]}
out["percentile_diab_35"] = {"support": [bool(b) for b in SelectPercentile(f_regression, percentile=35).fit(Xd, yd).get_support()]}
vt = VarianceThreshold(threshold=0.1).fit(Xb)
out["variance_bc"] = {"support": [bool(b) for b in vt.get_support()]}
out["variance_bc_values"] = vec(vt.variances_)
for thr in ["mean", "median", "0.5*mean"]:
    s = SelectFromModel(LinearRegression(), threshold=thr).fit(Xd, yd)
    out["sfm_diab_" + thr] = {"support": [bool(b) for b in s.get_support()]}
rfe = RFE(LinearRegression(), n_features_to_select=4).fit(Xd, yd)
out["rfe_diab"] = {"support": [bool(b) for b in rfe.get_support()], "ranking": [int(r) for r in rfe.ranking_]}
rfe = RFE(LinearRegression(), n_features_to_select=3, step=2).fit(Xd, yd)
out["rfe_diab_step2"] = {"support": [bool(b) for b in rfe.get_support()], "ranking": [int(r) for r in rfe.ranking_]}
with open(os.path.join(HERE, "selection.json"), "w") as f:
    json.dump(out, f)
print(len(out), "cases")

# ---- SequentialFeatureSelector and RFECV (appended) ---------------------------------------------------------
from sklearn.feature_selection import RFECV, SequentialFeatureSelector  # noqa: E402

for label, kw in [("sfs_forward_3", {"n_features_to_select": 3}), ("sfs_backward_6", {"n_features_to_select": 6, "direction": "backward"})]:
    s = SequentialFeatureSelector(LinearRegression(), **kw).fit(Xd, yd)
    out[label] = {"support": [bool(b) for b in s.get_support()]}
r = RFECV(LinearRegression()).fit(Xd, yd)
out["rfecv_diab"] = {"support": [bool(b) for b in r.get_support()], "ranking": [int(v) for v in r.ranking_]}
out["rfecv_diab_scores"] = vec(r.cv_results_["mean_test_score"][::-1])
with open(os.path.join(HERE, "selection.json"), "w") as f:
    json.dump(out, f)
print(len(out), "cases with sequential/rfecv")

# ---- mutual information on continuous data (no ties, so scikit-learn's 1e-10 noise does not matter) --------
from sklearn.feature_selection import mutual_info_classif, mutual_info_regression  # noqa: E402

knn = pd.read_csv(os.path.join(HERE, "..", "..", "Preprocessing", "Reference", "knn_data.csv"), float_precision="round_trip")
y_reg = (2 * knn["a"] + np.sin(knn["b"]) + 0.1 * knn["c"] ** 2).to_numpy()
y_cls = np.digitize(knn["a"] + 0.5 * knn["d"], [-1.0, 1.5, 3.0]).astype(float)
out["mi_y_reg"] = vec(y_reg)
out["mi_y_cls"] = vec(y_cls)
out["mi_regression"] = vec(mutual_info_regression(knn, y_reg, random_state=0))
out["mi_classif"] = vec(mutual_info_classif(knn, y_cls, random_state=0))
out["mi_regression_k5"] = vec(mutual_info_regression(knn, y_reg, n_neighbors=5, random_state=0))
with open(os.path.join(HERE, "selection.json"), "w") as f:
    json.dump(out, f)
print(len(out), "cases with mutual information")
