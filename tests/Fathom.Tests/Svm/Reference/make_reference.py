"""Reference numbers for the SVM tests, from scikit-learn 1.2.1 (libsvm 3.x fork and liblinear).

Run from anywhere with /usr/bin/python3 (scikit-learn 1.2.1, numpy, scipy):
    /usr/bin/python3 tests/Fathom.Tests/Svm/Reference/make_reference.py
It reads samples/iris.csv, samples/breast_cancer.csv and samples/diabetes.csv (last column = target; classes
sorted as strings; "std" = standardized with the population standard deviation on all rows) and writes
svm_reference.json next to this script. libsvm and liblinear stop at a tolerance, so every case is fitted with a
tight tol (1e-6 to 1e-8) to compare optima, not solver paths. The Platt-sigmoid case fits (A, B) with scipy's
BFGS on libsvm's regularized targets, an independent solver for the same objective.
"""
import csv, json, os, warnings
import numpy as np
import sklearn
from scipy.optimize import minimize
from sklearn.svm import SVC, NuSVC, SVR, NuSVR, OneClassSVM, LinearSVC, LinearSVR

assert sklearn.__version__ == "1.2.1", sklearn.__version__
here = os.path.dirname(os.path.abspath(__file__))
root = os.path.abspath(os.path.join(here, "..", "..", "..", ".."))


def load(name, std):
    with open(os.path.join(root, "samples", name)) as f:
        rows = list(csv.reader(f))
    header, rows = rows[0], rows[1:]
    t = header.index("target")
    X = np.array([[float(v) for j, v in enumerate(r) if j != t] for r in rows])
    y = np.array([r[t] for r in rows])
    if std:
        X = (X - X.mean(axis=0)) / X.std(axis=0)
    return X, y


def L(a):
    return np.asarray(a, dtype=float).tolist()


cases = []


def add_classifier(label, dataset, std, est, params):
    X, y = load(dataset, std)
    m = est(**params).fit(X, y)
    cases.append({"kind": est.__name__, "label": label, "dataset": dataset, "std": std, "params": params,
                  "support": m.support_.tolist(), "n_support": m.n_support_.tolist(),
                  "dual_coef": L(m.dual_coef_), "intercept": L(m.intercept_),
                  "decision": L(np.atleast_2d(m.decision_function(X).T).T if m.decision_function(X).ndim == 2 else m.decision_function(X)[:, None]),
                  "predict": m.predict(X).tolist(), "classes": m.classes_.tolist()})


def add_regressor(label, dataset, std, est, params):
    X, y = load(dataset, std)
    y = y.astype(float)
    m = est(**params).fit(X, y)
    cases.append({"kind": est.__name__, "label": label, "dataset": dataset, "std": std, "params": params,
                  "support": m.support_.tolist(), "dual_coef": L(m.dual_coef_), "intercept": L(m.intercept_),
                  "predict": L(m.predict(X))})


def add_oneclass(label, dataset, std, params):
    X, _ = load(dataset, std)
    m = OneClassSVM(**params).fit(X)
    cases.append({"kind": "OneClassSVM", "label": label, "dataset": dataset, "std": std, "params": params,
                  "support": m.support_.tolist(), "dual_coef": L(m.dual_coef_), "intercept": L(m.intercept_),
                  "offset": float(m.offset_), "decision": L(m.decision_function(X)), "predict": m.predict(X).tolist()})


def add_linear(label, dataset, std, est, params, regression=False):
    X, y = load(dataset, std)
    if regression:
        y = y.astype(float)
    m = est(**params).fit(X, y)
    case = {"kind": est.__name__, "label": label, "dataset": dataset, "std": std, "params": params,
            "coef": L(np.atleast_2d(m.coef_)), "intercept": L(np.atleast_1d(m.intercept_)), "n_iter": int(np.max(m.n_iter_))}
    if regression:
        case["predict"] = L(m.predict(X))
    else:
        d = m.decision_function(X)
        case["decision"] = L(d if d.ndim == 2 else d[:, None])
        case["predict"] = m.predict(X).tolist()
    cases.append(case)


with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    add_classifier("iris/rbf", "iris.csv", False, SVC, dict(C=1.0, kernel="rbf", gamma="scale", tol=1e-7))
    add_classifier("iris/linear", "iris.csv", False, SVC, dict(C=0.5, kernel="linear", tol=1e-7))
    add_classifier("iris/poly", "iris.csv", True, SVC, dict(C=2.0, kernel="poly", degree=3, gamma="auto", coef0=1.0, tol=1e-7))
    add_classifier("iris/sigmoid", "iris.csv", True, SVC, dict(C=1.0, kernel="sigmoid", gamma=0.05, coef0=0.5, tol=1e-7))
    add_classifier("iris/rbf-ovo-balanced", "iris.csv", True, SVC, dict(C=3.0, kernel="rbf", gamma=0.3, tol=1e-7,
                                                                        decision_function_shape="ovo", class_weight="balanced"))
    add_classifier("breast_cancer/rbf", "breast_cancer.csv", True, SVC, dict(C=1.0, kernel="rbf", gamma="scale", tol=1e-7))
    add_classifier("breast_cancer/linear", "breast_cancer.csv", True, SVC, dict(C=0.1, kernel="linear", tol=1e-7))
    add_classifier("breast_cancer/rbf-noshrink", "breast_cancer.csv", True, SVC, dict(C=10.0, kernel="rbf", gamma="auto", tol=1e-7, shrinking=False))
    add_classifier("iris/nu-rbf", "iris.csv", True, NuSVC, dict(nu=0.3, kernel="rbf", gamma="scale", tol=1e-7))
    add_classifier("breast_cancer/nu-linear", "breast_cancer.csv", True, NuSVC, dict(nu=0.2, kernel="linear", tol=1e-7))
    add_regressor("diabetes/rbf", "diabetes.csv", True, SVR, dict(C=100.0, epsilon=5.0, kernel="rbf", gamma="scale", tol=1e-7))
    add_regressor("diabetes/linear", "diabetes.csv", True, SVR, dict(C=1.0, epsilon=10.0, kernel="linear", tol=1e-7))
    add_regressor("diabetes/nu-rbf", "diabetes.csv", True, NuSVR, dict(C=50.0, nu=0.4, kernel="rbf", gamma="scale", tol=1e-7))
    add_oneclass("iris/rbf", "iris.csv", True, dict(nu=0.2, kernel="rbf", gamma="scale", tol=1e-7))
    add_oneclass("breast_cancer/rbf", "breast_cancer.csv", True, dict(nu=0.05, kernel="rbf", gamma=0.02, tol=1e-7))
    add_linear("iris/linear-svc", "iris.csv", True, LinearSVC, dict(C=1.0, tol=1e-10, max_iter=1000000))
    add_linear("breast_cancer/linear-svc", "breast_cancer.csv", True, LinearSVC, dict(C=0.05, tol=1e-10, max_iter=1000000))
    add_linear("diabetes/linear-svr", "diabetes.csv", True, LinearSVR, dict(C=10.0, epsilon=0.0, tol=1e-10, max_iter=1000000), regression=True)
    add_linear("diabetes/linear-svr-eps", "diabetes.csv", True, LinearSVR, dict(C=1.0, epsilon=20.0, tol=1e-10, max_iter=1000000), regression=True)

# Probabilities depend on libsvm's random 5-fold split: record the spread over four seeds.
Xb, yb = load("breast_cancer.csv", True)
pm = [SVC(probability=True, random_state=s).fit(Xb, yb) for s in range(4)]
probability = {"dataset": "breast_cancer.csv", "std": True, "probA": [float(m.probA_[0]) for m in pm],
               "probB": [float(m.probB_[0]) for m in pm], "proba": L(pm[0].predict_proba(Xb)),
               "seed_spread": float(max(np.abs(pm[0].predict_proba(Xb) - m.predict_proba(Xb)).max() for m in pm[1:]))}

# Platt's sigmoid on libsvm's regularized targets, fitted by an independent optimizer (scipy BFGS).
rng = np.random.RandomState(0)
dec = np.concatenate([rng.normal(1.0, 1.0, 60), rng.normal(-1.0, 1.2, 40)])
lab = np.concatenate([np.ones(60), -np.ones(40)])
n1, n0 = 60, 40
t = np.where(lab > 0, (n1 + 1) / (n1 + 2), 1 / (n0 + 2))


def nll(ab):
    f = dec * ab[0] + ab[1]
    return np.sum(np.where(f >= 0, t * f + np.log1p(np.exp(-f)), (t - 1) * f + np.log1p(np.exp(f))))


opt = minimize(nll, [0.0, np.log((n0 + 1) / (n1 + 1))], method="BFGS", options={"gtol": 1e-10})
platt = {"dec": L(dec), "y": L(lab), "A": float(opt.x[0]), "B": float(opt.x[1])}

with open(os.path.join(here, "svm_reference.json"), "w") as f:
    json.dump({"sklearn": sklearn.__version__, "cases": cases, "platt": platt, "probability": probability}, f)
print(len(cases), "cases")
