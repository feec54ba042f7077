#!/usr/bin/python3
"""Reference trees for DecisionTreeTests, made with scikit-learn 1.2.1 (/usr/bin/python3).

    cd tests/Fathom.Tests/Trees/Reference && /usr/bin/python3 make_tree_reference.py

Reads samples/iris.csv and samples/diabetes.csv from the repository root and writes tree_reference.json.
scikit-learn visits the features of a node in a random order (from random_state) even when all of them are
considered, so on exact ties (e.g. petal length <= 2.45 and petal width <= 0.8 both isolate setosa) the tree
depends on random_state. Each case is therefore fitted with random_state = 0..39 and every distinct tree is
stored ("variants"); Fathom's tree (ties to the lowest feature index) must equal one of them exactly. Cases
whose 40 fits all agree have one variant. Per variant: the node arrays (feature, threshold, children, impurity,
n_node_samples, weighted_n_node_samples, value), feature_importances_, training predictions, and the
random_states that produced it.
"""
import json
import os

import numpy as np
import pandas as pd
import sklearn
from sklearn.tree import DecisionTreeClassifier, DecisionTreeRegressor

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", "..", ".."))


def load(name):
    df = pd.read_csv(os.path.join(ROOT, "samples", name))
    y = df.pop("target").to_numpy()
    return df.to_numpy(dtype=np.float64), y


def weights(n):
    return np.array([1.0 + (i % 3) + 0.5 * (i % 7 == 0) for i in range(n)])


def tree_state(m, X):
    t = m.tree_
    value = t.value[:, 0, :]
    pred = m.predict_proba(X) if hasattr(m, "predict_proba") else m.predict(X)
    return {
        "feature": [int(f) for f in t.feature],
        "threshold": [float(v) for v in t.threshold],
        "left": [int(v) for v in t.children_left],
        "right": [int(v) for v in t.children_right],
        "impurity": [float(v) for v in t.impurity],
        "n_node_samples": [int(v) for v in t.n_node_samples],
        "weighted_n_node_samples": [float(v) for v in t.weighted_n_node_samples],
        "value": [float(v) for v in value.ravel()],
        "importances": [float(v) for v in m.feature_importances_],
        "prediction": [float(v) for v in np.asarray(pred).ravel()],
        "depth": int(m.get_depth()),
        "leaves": int(m.get_n_leaves()),
    }


def case(name, cls, X, y, params, sw=None):
    variants = []
    for rs in range(40):
        m = cls(random_state=rs, **params).fit(X, y, sample_weight=sw)
        st = tree_state(m, X)
        if params.get("ccp_alpha", 0.0) > 0 or name.endswith("_path"):
            # The pruning path of the unpruned tree grown with the same random_state (same tie resolution).
            unpruned = {k: v for k, v in params.items() if k != "ccp_alpha"}
            path = cls(random_state=rs, **unpruned).cost_complexity_pruning_path(X, y, sample_weight=sw)
            st["ccp_alphas"] = [float(v) for v in path.ccp_alphas]
            st["ccp_impurities"] = [float(v) for v in path.impurities]
        for v in variants:
            if v["feature"] == st["feature"] and v["threshold"] == st["threshold"]:
                v["random_states"].append(rs)
                break
        else:
            st["random_states"] = [rs]
            if hasattr(m, "classes_"):
                st["train_accuracy"] = float((m.predict(X) == y).mean())
            variants.append(st)
    return {"name": name, "estimator": cls.__name__, "params": params,
            "sample_weight": None if sw is None else [float(v) for v in sw], "variants": variants}


Xi, yi = load("iris.csv")
Xd, yd = load("diabetes.csv")
yd = yd.astype(np.float64)
cases = [
    case("iris_gini_depth3", DecisionTreeClassifier, Xi, yi, {"max_depth": 3}),
    case("iris_gini_full", DecisionTreeClassifier, Xi, yi, {}),
    case("iris_entropy_depth4_minleaf3", DecisionTreeClassifier, Xi, yi, {"criterion": "entropy", "max_depth": 4, "min_samples_leaf": 3}),
    case("iris_gini_balanced_weighted", DecisionTreeClassifier, Xi[:120], yi[:120],
         {"class_weight": "balanced", "max_depth": 4}, weights(120)),
    case("iris_gini_maxleaf5", DecisionTreeClassifier, Xi, yi, {"max_leaf_nodes": 5}),
    case("iris_gini_minweightfrac", DecisionTreeClassifier, Xi, yi, {"min_weight_fraction_leaf": 0.1, "min_samples_split": 10}),
    case("diabetes_mse_depth4", DecisionTreeRegressor, Xd, yd, {"max_depth": 4}),
    case("diabetes_friedman_depth4", DecisionTreeRegressor, Xd, yd, {"criterion": "friedman_mse", "max_depth": 4}),
    case("diabetes_poisson_depth3", DecisionTreeRegressor, Xd, yd, {"criterion": "poisson", "max_depth": 3}),
    case("diabetes_mse_maxleaf10_minleaf5", DecisionTreeRegressor, Xd, yd, {"max_leaf_nodes": 10, "min_samples_leaf": 5}),
    case("diabetes_mse_weighted_decrease", DecisionTreeRegressor, Xd, yd, {"min_impurity_decrease": 20.0, "max_depth": 6}, weights(len(yd))),
    # absolute_error (weighted-median leaves) and minimal cost-complexity pruning (ccp_alpha, pruning path).
    case("diabetes_mae_depth3", DecisionTreeRegressor, Xd, yd, {"criterion": "absolute_error", "max_depth": 3}),
    case("diabetes_mae_weighted_depth3", DecisionTreeRegressor, Xd, yd, {"criterion": "absolute_error", "max_depth": 3}, weights(len(yd))),
    case("diabetes_mae_minleaf20", DecisionTreeRegressor, Xd, yd, {"criterion": "absolute_error", "min_samples_leaf": 20}),
    case("iris_gini_path", DecisionTreeClassifier, Xi, yi, {}),
    case("iris_gini_ccp002", DecisionTreeClassifier, Xi, yi, {"ccp_alpha": 0.02}),
    case("iris_entropy_ccp001_weighted", DecisionTreeClassifier, Xi[:120], yi[:120], {"criterion": "entropy", "ccp_alpha": 0.01}, weights(120)),
    case("diabetes_mse_minleaf5_ccp50", DecisionTreeRegressor, Xd, yd, {"min_samples_leaf": 5, "ccp_alpha": 50.0}),
    case("diabetes_mse_maxleaf20_ccp30", DecisionTreeRegressor, Xd, yd, {"max_leaf_nodes": 20, "ccp_alpha": 30.0}),
]
# export_text of the iris depth-3 tree for the random_state whose tie resolution equals Fathom's (root on petal length).
names = list(pd.read_csv(os.path.join(ROOT, "samples", "iris.csv")).columns[:4])
m = DecisionTreeClassifier(max_depth=3, random_state=4).fit(Xi, yi)
assert m.tree_.feature[0] == 2
from sklearn.tree import export_text
exports = {"iris_gini_depth3": export_text(m, feature_names=names),
           "diabetes_mse_depth2": export_text(DecisionTreeRegressor(max_depth=2, random_state=0).fit(Xd, yd),
                                              feature_names=list(pd.read_csv(os.path.join(ROOT, "samples", "diabetes.csv")).columns[:10]))}
for c in cases:
    print(c["name"], [(v["random_states"][:3], len(v["random_states"])) for v in c["variants"]])
with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "tree_reference.json"), "w") as f:
    json.dump({"sklearn": sklearn.__version__, "cases": cases, "export_text": exports}, f)
