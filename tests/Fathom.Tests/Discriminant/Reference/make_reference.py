"""Reference numbers for the discriminant analysis tests, from scikit-learn 1.2.1.

Run from the repository root with /usr/bin/python3 (scikit-learn 1.2.1, numpy):
    /usr/bin/python3 tests/Fathom.Tests/Discriminant/Reference/make_reference.py
It reads samples/iris.csv and samples/breast_cancer.csv (last column = target, classes sorted as strings)
and writes discriminant_reference.json next to this script.
"""
import json, os, warnings
import numpy as np
import sklearn
from sklearn.discriminant_analysis import LinearDiscriminantAnalysis as LDA, QuadraticDiscriminantAnalysis as QDA

assert sklearn.__version__ == "1.2.1", sklearn.__version__
here = os.path.dirname(os.path.abspath(__file__))
root = os.path.abspath(os.path.join(here, "..", "..", "..", ".."))

def load(name):
    import csv
    with open(os.path.join(root, "samples", name)) as f:
        rows = list(csv.reader(f))[1:]
    X = np.array([[float(v) for v in r[:-1]] for r in rows])
    y = np.array([r[-1] for r in rows])
    return X, y

cases = []
def add(dataset, kind, label, est, X, y, rows=None):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        m = est.fit(X, y)
    case = {"dataset": dataset, "kind": kind, "label": label, "rows": rows,
            "params": {k: (v if not isinstance(v, np.ndarray) else v.tolist()) for k, v in est.get_params().items()},
            "classes": m.classes_.tolist(),
            "predict": [int(np.searchsorted(m.classes_, v)) for v in m.predict(X)],
            "proba": m.predict_proba(X).tolist(),
            "means": m.means_.tolist(), "priors": m.priors_.tolist()}
    if kind == "lda":
        case["coef"] = m.coef_.tolist()
        case["intercept"] = m.intercept_.tolist()
        case["decision"] = np.atleast_2d(m.decision_function(X).T).T.tolist() if len(m.classes_) > 2 else m.decision_function(X).reshape(-1, 1).tolist()
        if est.solver != "lsqr":
            case["explained_variance_ratio"] = m.explained_variance_ratio_.tolist()
            case["transform"] = m.transform(X).tolist()
        if hasattr(m, "covariance_"):
            case["covariance"] = m.covariance_.tolist()
    else:
        case["scalings"] = [s.tolist() for s in m.scalings_]
        case["rotations"] = [r.tolist() for r in m.rotations_]
        case["decision"] = m.decision_function(X).reshape(len(X), -1).tolist()
    cases.append(case)

for ds in ["iris.csv", "breast_cancer.csv"]:
    X, y = load(ds)
    k = len(np.unique(y))
    add(ds, "lda", "svd", LDA(), X, y)
    add(ds, "lda", "svd_store", LDA(store_covariance=True), X, y)
    add(ds, "lda", "lsqr", LDA(solver="lsqr"), X, y)
    add(ds, "lda", "eigen", LDA(solver="eigen"), X, y)
    add(ds, "lda", "lsqr_auto", LDA(solver="lsqr", shrinkage="auto"), X, y)
    add(ds, "lda", "eigen_0.2", LDA(solver="eigen", shrinkage=0.2), X, y)
    pri = list(np.linspace(1, 2, k) / np.linspace(1, 2, k).sum())
    add(ds, "lda", "svd_priors", LDA(priors=pri), X, y)
    add(ds, "qda", "default", QDA(), X, y)
    add(ds, "qda", "reg_0.3_priors", QDA(reg_param=0.3, priors=pri), X, y)

# More features than rows (first 40 rows of breast_cancer, 30 features): rank-deficient LDA (svd, lsqr).
# (QDA is not compared here: with n_c <= p rows in a class, the class's last right singular vector (singular value
# ~0) is any unit vector orthogonal to its centred rows, so scikit-learn's decision values depend on LAPACK's
# arbitrary choice.)
X, y = load("breast_cancer.csv")
X, y = X[:40], y[:40]
assert min(np.unique(y, return_counts=True)[1]) >= 2
add("breast_cancer.csv", "lda", "svd_wide40", LDA(), X, y, rows=40)
add("breast_cancer.csv", "lda", "lsqr_wide40", LDA(solver="lsqr"), X, y, rows=40)

with open(os.path.join(here, "discriminant_reference.json"), "w") as f:
    json.dump({"sklearn": sklearn.__version__, "cases": cases}, f)
print(len(cases), "cases")
