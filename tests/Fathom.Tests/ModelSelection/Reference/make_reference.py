# Generates modelselection.json with /usr/bin/python3 and scikit-learn 1.2.1:
#   cd tests/Fathom.Tests/ModelSelection/Reference && /usr/bin/python3 make_reference.py
import json, warnings
import numpy as np, sklearn, pandas as pd
from sklearn.model_selection import KFold, StratifiedKFold, GroupKFold, StratifiedGroupKFold, TimeSeriesSplit, cross_val_score, GridSearchCV, validation_curve
from sklearn.linear_model import LinearRegression, LogisticRegression, Ridge

def folds(splitter, n, y=None, groups=None):
    X = np.zeros((n, 1))
    return [{"train": tr.tolist(), "test": te.tolist()} for tr, te in splitter.split(X, y, groups)]

out = {"sklearn": sklearn.__version__, "numpy": np.__version__}
out["kfold_10_3"] = folds(KFold(3), 10)
out["kfold_7_7"] = folds(KFold(7), 7)
y_strat = [0, 0, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 0, 1, 2, 1, 0, 2, 1, 1]
out["strat_y"] = y_strat
out["strat_3"] = folds(StratifiedKFold(3), len(y_strat), y_strat)
y_strat2 = ["b", "a", "b", "b", "a", "c", "c", "b", "a", "c", "b", "b", "c"]
out["strat2_y"] = y_strat2
out["strat2_3"] = folds(StratifiedKFold(3), len(y_strat2), y_strat2)
groups = [1, 1, 2, 2, 2, 3, 4, 4, 5, 5, 5, 5, 6, 7, 7, 8]
out["groups"] = groups
out["group_3"] = folds(GroupKFold(3), len(groups), None, groups)
out["ts_default_13"] = folds(TimeSeriesSplit(), 13)
out["ts_gap_20"] = folds(TimeSeriesSplit(n_splits=3, max_train_size=6, test_size=3, gap=2), 20)

rng = np.random.RandomState(0)
sg_groups = rng.randint(0, 12, size=60).tolist()
sg_y = rng.choice(["a", "b", "c"], size=60, p=[0.5, 0.3, 0.2]).tolist()
out["sgkf_groups"] = sg_groups
out["sgkf_y"] = sg_y
out["sgkf_3"] = folds(StratifiedGroupKFold(3), 60, sg_y, sg_groups)
out["sgkf_4_small"] = folds(StratifiedGroupKFold(2), len(y_strat), y_strat, [i // 3 for i in range(len(y_strat))])

d = pd.read_csv("../../../../samples/diabetes.csv")
X, y = d.drop(columns="target").values, d["target"].values
out["diabetes_r2"] = cross_val_score(LinearRegression(), X, y, cv=KFold(5), scoring="r2").tolist()
out["diabetes_mse"] = (-cross_val_score(LinearRegression(), X, y, cv=KFold(5), scoring="neg_mean_squared_error")).tolist()
vc_train, vc_test = validation_curve(Ridge(), X, y, param_name="alpha", param_range=[0.001, 0.1, 10.0], cv=KFold(5), scoring="r2")
out["ridge_vc_train"] = vc_train.tolist()
out["ridge_vc_test"] = vc_test.tolist()

iris = pd.read_csv("../../../../samples/iris.csv")
Xi, yi = iris.drop(columns="target").values, iris["target"].values
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    gs = GridSearchCV(LogisticRegression(max_iter=1000), {"C": [0.01, 1, 100]}, cv=StratifiedKFold(5), scoring="accuracy").fit(Xi, yi)
    out["iris_grid_warnings"] = [str(x.message)[:80] for x in w]
out["iris_grid_mean"] = gs.cv_results_["mean_test_score"].tolist()
out["iris_grid_std"] = gs.cv_results_["std_test_score"].tolist()
out["iris_grid_split"] = [gs.cv_results_[f"split{i}_test_score"].tolist() for i in range(5)]
out["iris_grid_best_index"] = int(gs.best_index_)
json.dump(out, open("modelselection.json", "w"), indent=1)
