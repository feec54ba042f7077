#!/usr/bin/python3
"""Reference voting and stacking ensembles for VotingStackingTests, made with scikit-learn 1.2.1 (/usr/bin/python3).

    cd tests/Fathom.Tests/Ensemble/Reference && /usr/bin/python3 make_voting_stacking_reference.py

Members are deterministic closed-form or exact models (GaussianNB, LDA, QDA, KNeighborsRegressor, decision trees
with random_state=4, whose tie resolution on iris equals Fathom's, LinearRegression, Ridge), so Fathom must match
the predictions exactly and the probabilities to 1e-8. Stacking uses scikit-learn's default cv (5-fold StratifiedKFold /
KFold without shuffling). One extra case keeps the default final LogisticRegression (lbfgs to tol 1e-10 on both
sides), compared to 1e-5. Stored: predictions, probabilities (classifiers), stacking transform (meta-features).
"""
import json
import os

import numpy as np
import pandas as pd
import sklearn
from sklearn.discriminant_analysis import LinearDiscriminantAnalysis, QuadraticDiscriminantAnalysis
from sklearn.ensemble import StackingClassifier, StackingRegressor, VotingClassifier, VotingRegressor
from sklearn.linear_model import LinearRegression, LogisticRegression, Ridge
from sklearn.naive_bayes import GaussianNB
from sklearn.neighbors import KNeighborsClassifier, KNeighborsRegressor
from sklearn.tree import DecisionTreeClassifier, DecisionTreeRegressor

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", "..", ".."))


def load(name):
    df = pd.read_csv(os.path.join(ROOT, "samples", name))
    y = df.pop("target").to_numpy()
    return df.to_numpy(dtype=np.float64), y


def fl(a):
    return [float(v) for v in np.asarray(a).ravel()]


Xi, yi = load("iris.csv")
Xb, yb = load("breast_cancer.csv")
yb = np.array([str(int(v)) for v in yb])
Xd, yd = load("diabetes.csv")
yd = yd.astype(np.float64)


def cls_members(name):
    # breast_cancer's depth-3 tree has exactly tied splits that scikit-learn breaks through random_state (two variants
    # over 40 seeds), so there the third member is QDA; iris's depth-3 tree gives the same training predictions for all.
    third = ("tree", DecisionTreeClassifier(max_depth=3, random_state=4)) if name == "iris" else ("qda", QuadraticDiscriminantAnalysis(reg_param=0.1))
    return [("nb", GaussianNB()), ("lda", LinearDiscriminantAnalysis()), third]


def stack_members():
    # Trees fitted on folds meet exact ties between features (iris: petal length vs width) that scikit-learn breaks
    # through random_state and that route held-out rows differently; stacking therefore uses tie-free members.
    return [("nb", GaussianNB()), ("lda", LinearDiscriminantAnalysis()), ("qda", QuadraticDiscriminantAnalysis(reg_param=0.1))]


def reg_members():
    # min_samples_leaf = 5 keeps fold trees away from exact ties between features on one-row leaves.
    return [("ols", LinearRegression()), ("tree", DecisionTreeRegressor(max_depth=3, min_samples_leaf=5, random_state=0)), ("knn", KNeighborsRegressor())]


out = {"sklearn": sklearn.__version__}
for name, X, y in [("iris", Xi, yi), ("breast_cancer", Xb, yb)]:
    hard = VotingClassifier(cls_members(name), voting="hard", weights=[2, 1, 1]).fit(X, y)
    soft = VotingClassifier(cls_members(name), voting="soft", weights=[1, 2, 0.5]).fit(X, y)
    # (a final LDA would see collinear inputs — each member's probabilities sum to 1 — whose handling is solver detail)
    stack = StackingClassifier(stack_members(), final_estimator=GaussianNB()).fit(X, y)
    stack_pt = StackingClassifier(stack_members(), final_estimator=GaussianNB(), passthrough=True).fit(X, y)
    stack_lr = StackingClassifier(stack_members(), final_estimator=LogisticRegression(tol=1e-10, max_iter=10000)).fit(X, y)
    out[name] = {
        "hard_predict": [str(v) for v in hard.predict(X)],
        "soft_predict": [str(v) for v in soft.predict(X)], "soft_proba": fl(soft.predict_proba(X)),
        "stack_transform": fl(stack.transform(X)), "stack_predict": [str(v) for v in stack.predict(X)],
        "stack_proba": fl(stack.predict_proba(X)),
        "stack_pt_proba": fl(stack_pt.predict_proba(X)),
        "stack_lr_proba": fl(stack_lr.predict_proba(X)),
    }
vr = VotingRegressor(reg_members(), weights=[1, 2, 3]).fit(Xd, yd)
sr = StackingRegressor(reg_members(), final_estimator=Ridge(alpha=1.0)).fit(Xd, yd)
sr_pt = StackingRegressor(reg_members(), final_estimator=Ridge(alpha=0.5), passthrough=True).fit(Xd, yd)
out["diabetes"] = {"voting_predict": fl(vr.predict(Xd)), "stack_transform": fl(sr.transform(Xd)),
                   "stack_predict": fl(sr.predict(Xd)), "stack_pt_predict": fl(sr_pt.predict(Xd))}
with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "voting_stacking_reference.json"), "w") as f:
    json.dump(out, f)
print("ok")
