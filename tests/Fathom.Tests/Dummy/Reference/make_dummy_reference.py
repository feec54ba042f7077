"""Reference numbers for Fathom's DummyClassifier / DummyRegressor tests.

Run with the system Python (scikit-learn 1.2.1, numpy 1.24):
    /usr/bin/python3 make_dummy_reference.py > dummy_reference.json
Inputs (targets, labels, weights) are stored in the JSON so the C# tests need nothing else.
"""
import json
import numpy as np
import sklearn
from sklearn.dummy import DummyClassifier, DummyRegressor

rng = np.random.RandomState(0)
cases = {"sklearn_version": sklearn.__version__, "numpy_version": np.__version__,
         "regression": [], "classification": []}

def regression_case(name, y, w):
    X = np.zeros((len(y), 2))
    out = {"name": name, "y": [float(v) for v in y], "w": None if w is None else [float(v) for v in w], "results": []}
    configs = [("mean", None), ("median", None)] + [("quantile", q) for q in (0.0, 0.1, 0.25, 0.5, 0.75, 0.9, 1.0)]
    for strategy, q in configs:
        m = DummyRegressor(strategy=strategy, quantile=q).fit(X, y, sample_weight=w)
        out["results"].append({"strategy": strategy, "quantile": q, "constant": float(m.constant_.ravel()[0])})
    cases["regression"].append(out)

diabetes = np.loadtxt("../../../../samples/diabetes.csv", delimiter=",", skiprows=1)[:, -1]
regression_case("diabetes", diabetes, None)
regression_case("diabetes_weighted", diabetes, (np.arange(len(diabetes)) % 5 + 1).astype(float))
y_small = np.array([3.0, -1.0, 7.5, 2.0, 2.0, 10.0])
regression_case("small_even", y_small, None)
regression_case("small_even_unit_weights", y_small, np.ones(6))
regression_case("small_zero_weights", y_small, np.array([0.0, 0.0, 1.0, 2.0, 0.5, 0.0]))
y_rand = np.round(rng.normal(size=37) * 10, 3)
regression_case("random_odd_weighted", y_rand, np.round(rng.uniform(0, 3, size=37), 3))

def classification_case(name, y, w, constant):
    X = np.zeros((len(y), 1))
    out = {"name": name, "y": [str(v) for v in y], "w": None if w is None else [float(v) for v in w], "results": []}
    for strategy in ("prior", "most_frequent", "constant", "uniform"):
        m = DummyClassifier(strategy=strategy, constant=constant if strategy == "constant" else None, random_state=0)
        m.fit(X, y, sample_weight=w)
        out["results"].append({
            "strategy": strategy,
            "classes": [str(c) for c in m.classes_],
            "class_prior": [float(p) for p in m.class_prior_],
            "predict": [str(v) for v in m.predict(X[:3])] if strategy != "uniform" else None,
            "predict_proba_row": [float(v) for v in m.predict_proba(X[:1])[0]],
        })
    cases["classification"].append(out)

iris_labels = np.loadtxt("../../../../samples/iris.csv", delimiter=",", skiprows=1, usecols=4, dtype=str)
sub = np.concatenate([iris_labels[:50], iris_labels[50:80], iris_labels[100:140]])  # 50/30/40
classification_case("iris_imbalanced", sub, None, "virginica")
classification_case("iris_imbalanced_weighted", sub, (np.arange(len(sub)) % 4 + 0.5), "versicolor")
ties = np.array([3, 1, 3, 1, 2, 10, 2, 10, 10, 3, 1, 2])  # three classes tie at 3 counts: argmax takes the first
classification_case("int_ties", ties, None, 2)
print(json.dumps(cases, indent=1))
