"""Reference numbers for CalibratedClassifier, IsotonicRegression, ThresholdTuner and LearningCurve tests.

Run from the repository root with scikit-learn 1.2.1:
    /usr/bin/python3 tests/Fathom.Tests/ModelSelection/Reference/make_calibration_reference.py
Writes calibration.json next to this script. Folds are explicit and unshuffled (KFold(5) contiguous blocks),
so no random state is involved; base models are deterministic (GaussianNB, LDA).
"""
import json, os
import numpy as np
import pandas as pd
from sklearn.calibration import CalibratedClassifierCV
from sklearn.naive_bayes import GaussianNB
from sklearn.discriminant_analysis import LinearDiscriminantAnalysis
from sklearn.isotonic import IsotonicRegression
from sklearn.model_selection import KFold, learning_curve

root = os.path.dirname(os.path.abspath(__file__))
repo = os.path.abspath(os.path.join(root, "..", "..", "..", ".."))
out = {}

def load(name):
    df = pd.read_csv(os.path.join(repo, "samples", name))
    y = df["target"].astype(str).values
    X = df.drop(columns=["target"]).values.astype(float)
    return X, y

Xb, yb = load("breast_cancer.csv")
Xi, yi = load("iris.csv")
folds_b = list(KFold(5).split(Xb))
# iris is sorted by class: contiguous folds would miss classes, so use every-5th-row folds
folds_i = [(np.array([r for r in range(150) if r % 5 != f]), np.array([r for r in range(150) if r % 5 == f])) for f in range(5)]

cal = {}
for dname, X, y, folds in [("breast_cancer", Xb, yb, folds_b), ("iris", Xi, yi, folds_i)]:
    for bname, base in [("gaussian_nb", GaussianNB()), ("lda", LinearDiscriminantAnalysis())]:
        for method in ["sigmoid", "isotonic"]:
            for ensemble in [True, False]:
                c = CalibratedClassifierCV(base, method=method, cv=folds, ensemble=ensemble).fit(X, y)
                p = c.predict_proba(X)
                cal[f"{dname}/{bname}/{method}/{'ensemble' if ensemble else 'single'}"] = p.tolist()
# cv="prefit": base fitted on the first 300 rows, calibrated on the rest
for bname, base in [("gaussian_nb", GaussianNB()), ("lda", LinearDiscriminantAnalysis())]:
    for method in ["sigmoid", "isotonic"]:
        fitted = base.fit(Xb[:300], yb[:300])
        c = CalibratedClassifierCV(fitted, method=method, cv="prefit").fit(Xb[300:], yb[300:])
        cal[f"prefit/{bname}/{method}"] = c.predict_proba(Xb).tolist()
out["calibration"] = cal

# Isotonic regression on its own
rng = np.random.RandomState(0)
xs = np.round(rng.uniform(0, 10, 60), 1)          # rounded so there are ties
ys = np.sin(xs) + 0.1 * xs + rng.normal(0, 0.3, 60)
ws = rng.uniform(0.2, 2.0, 60)
xq = np.linspace(-1, 11, 25)
iso = {"x": xs.tolist(), "y": ys.tolist(), "w": ws.tolist(), "query": xq.tolist()}
for inc in [True, False]:
    for weighted in [True, False]:
        r = IsotonicRegression(increasing=inc, out_of_bounds="clip").fit(xs, ys, sample_weight=ws if weighted else None)
        iso[f"{'inc' if inc else 'dec'}/{'w' if weighted else 'u'}/fit"] = r.predict(xs).tolist()
        iso[f"{'inc' if inc else 'dec'}/{'w' if weighted else 'u'}/query"] = r.predict(xq).tolist()
r = IsotonicRegression(y_min=0.0, y_max=1.2, out_of_bounds="clip").fit(xs, ys)
iso["bounded/query"] = r.predict(xq).tolist()
out["isotonic"] = iso

# learning curve: GaussianNB on breast cancer, explicit contiguous folds, no shuffle
sizes = [0.1, 0.325, 0.55, 0.775, 1.0]
ns, tr, te = learning_curve(GaussianNB(), Xb, yb, train_sizes=sizes, cv=folds_b, scoring="accuracy")
out["learning_curve"] = {"sizes": sizes, "train_sizes_abs": ns.tolist(), "train": tr.tolist(), "test": te.tolist()}
ns2, tr2, te2 = learning_curve(LinearDiscriminantAnalysis(), Xb, yb, train_sizes=[120, 200, 300], cv=folds_b, scoring="roc_auc")
out["learning_curve_auc"] = {"sizes": [120, 200, 300], "train_sizes_abs": ns2.tolist(), "train": tr2.tolist(), "test": te2.tolist()}

with open(os.path.join(root, "calibration.json"), "w") as f:
    json.dump(out, f)
print("ok")
