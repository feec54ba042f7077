#!/usr/bin/python3
"""Reference AdaBoost models for AdaBoostTests, made with scikit-learn 1.2.1 (/usr/bin/python3).

    cd tests/Fathom.Tests/Ensemble/Reference && /usr/bin/python3 make_adaboost_reference.py

Reads samples/iris.csv, samples/breast_cancer.csv and samples/diabetes.csv and writes adaboost_reference.json.
Classifier cases (SAMME and SAMME.R, stumps or deeper trees) are deterministic up to exact ties between features,
which scikit-learn breaks through random_state; random_state = 0 is used and Fathom must match every number.
AdaBoostRegressor draws a weighted bootstrap sample each round from its RandomState; the script records those draws
(a RandomState subclass whose choice() logs its result) so that the test can replay them and compare exactly.
Stored per case: estimator_weights_, estimator_errors_, feature_importances_, training predictions, and for
classifiers decision_function and predict_proba; for the regressor the recorded rows of every round.
"""
import json
import os

import numpy as np
import pandas as pd
import sklearn
from sklearn.datasets import make_classification
from sklearn.ensemble import AdaBoostClassifier, AdaBoostRegressor
from sklearn.tree import DecisionTreeClassifier, DecisionTreeRegressor

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", "..", ".."))


def load(name, target):
    df = pd.read_csv(os.path.join(ROOT, "samples", name))
    y = df.pop(target).to_numpy()
    return df.to_numpy(dtype=np.float64), y


class Recording(np.random.RandomState):
    def __init__(self, seed):
        super().__init__(seed)
        self.draws = []

    def choice(self, *args, **kwargs):
        r = super().choice(*args, **kwargs)
        self.draws.append([int(v) for v in r])
        return r


def fl(a):
    return [float(v) for v in np.asarray(a).ravel()]


def classifier_case(name, X, y, params, max_depth=1, sw=None):
    # Exact ties between features are broken through random_state: keep every distinct ensemble over 40 seeds.
    variants = []
    for rs in range(40):
        m = AdaBoostClassifier(estimator=DecisionTreeClassifier(max_depth=max_depth), random_state=rs, **params)
        m.fit(X, y, sample_weight=sw)
        n = len(m.estimators_)
        v = {"n_trees": n, "estimator_weights": fl(m.estimator_weights_[:n]), "estimator_errors": fl(m.estimator_errors_[:n]),
             "importances": fl(m.feature_importances_), "decision": fl(m.decision_function(X)),
             "proba": fl(m.predict_proba(X)), "predict": [str(v) for v in m.predict(X)]}
        key = (tuple(np.round(v["importances"], 12)), tuple(np.round(v["decision"], 12)))
        if all(k != key for k, _ in variants):
            variants.append((key, v))
    return {"name": name, "params": params, "max_depth": max_depth,
            "sample_weight": None if sw is None else fl(sw), "variants": [v for _, v in variants]}


def regressor_case(name, X, y, params, min_samples_leaf=1):
    rs = Recording(0)
    m = AdaBoostRegressor(estimator=DecisionTreeRegressor(max_depth=3, min_samples_leaf=min_samples_leaf), random_state=rs, **params).fit(X, y)
    n = len(m.estimators_)
    return {"name": name, "params": params, "min_samples_leaf": min_samples_leaf, "n_trees": n, "draws": rs.draws,
            "estimator_weights": fl(m.estimator_weights_[:n]), "estimator_errors": fl(m.estimator_errors_[:n]),
            "importances": fl(m.feature_importances_), "predict": fl(m.predict(X))}


Xi, yi = load("iris.csv", "target")
Xb, yb = load("breast_cancer.csv", "target")
Xd, yd = load("diabetes.csv", "target")
yb = np.array([str(int(v)) for v in yb])
Xs, ys_int = make_classification(n_samples=300, n_features=5, n_informative=4, n_redundant=0, n_classes=3,
                                 n_clusters_per_class=1, random_state=7)
Xs = np.round(Xs, 6)
ys = np.array(["c%d" % v for v in ys_int])
yd = yd.astype(np.float64)
w = np.array([1.0 + (i % 3) for i in range(len(yb))])
classifiers = [
    classifier_case("breast_cancer_samme_r", Xb, yb, {}),
    classifier_case("breast_cancer_samme", Xb, yb, {"algorithm": "SAMME"}),
    classifier_case("breast_cancer_samme_weighted_lr05", Xb, yb, {"algorithm": "SAMME", "learning_rate": 0.5, "n_estimators": 30}, sw=w),
    # Three classes on continuous synthetic features (iris has many exactly tied stumps, so scikit-learn's ensembles
    # there depend on random_state: 40 seeds give 40 different ones).
    classifier_case("synthetic3_samme", Xs, ys, {"algorithm": "SAMME", "n_estimators": 30}),
    # SAMME.R rounds drive some leaf probabilities down to 1e-6 and below, where rounding differences in the row
    # weights grow from round to round; after ~20 rounds on this data the two implementations drift apart by more
    # than 1e-8, so these cases stop earlier.
    classifier_case("synthetic3_samme_r", Xs, ys, {"n_estimators": 15}),
]
iris_accuracy = [float(AdaBoostClassifier(algorithm="SAMME", random_state=rs).fit(Xi, yi).score(Xi, yi)) for rs in range(40)]
regressors = [
    # Trees grown on bootstrap samples with repeated rows often tie exactly between features (two features isolating
    # the same repeated rows), which scikit-learn breaks at random; min_samples_leaf = 20 makes such ties rare.
    regressor_case("diabetes_linear_minleaf20", Xd, yd, {"n_estimators": 20}, min_samples_leaf=20),
    # (square loss: round 10 meets such a tie, so only the first 9 rounds are compared)
    regressor_case("diabetes_square_minleaf20", Xd, yd, {"n_estimators": 9, "loss": "square"}, min_samples_leaf=20),
    regressor_case("diabetes_exponential_lr05_minleaf20", Xd, yd, {"n_estimators": 20, "loss": "exponential", "learning_rate": 0.5}, min_samples_leaf=20),
]
# Quality of the default regressor over several seeds (for the test with Fathom's own draws).
r2 = [AdaBoostRegressor(random_state=s).fit(Xd[:300], yd[:300]).score(Xd[300:], yd[300:]) for s in range(10)]
for c in classifiers:
    print(c["name"], len(c["variants"]), [v["n_trees"] for v in c["variants"]])
for c in regressors:
    print(c["name"], c["n_trees"], c["estimator_errors"][:3])
print("r2", np.mean(r2), np.min(r2), np.max(r2))
with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "adaboost_reference.json"), "w") as f:
    json.dump({"sklearn": sklearn.__version__, "synthetic3": {"x": [fl(r) for r in Xs], "y": [str(v) for v in ys]},
               "iris_samme_train_accuracy": {"min": min(iris_accuracy), "max": max(iris_accuracy)},
               "classifiers": classifiers, "regressors": regressors,
               "default_regressor_holdout_r2": {"mean": float(np.mean(r2)), "min": float(np.min(r2)), "max": float(np.max(r2))}}, f)
