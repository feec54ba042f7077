#!/usr/bin/python3
"""Reference values for the metric tests, made with scikit-learn 1.2.1 (/usr/bin/python3).

    cd tests/Fathom.Tests/Metrics/Reference && /usr/bin/python3 make_metrics_reference.py

Writes metrics_reference.json: a fixed battery of inputs (stored in the file, so the tests need no
Python) and sklearn's value for each metric, unweighted and with sample weights. The battery covers tied
scores, a class absent from the predictions, a predicted class absent from the truth, string labels,
probabilities of exactly 0 and 1 (clipping), and a constant regression target.
"""
import json
import os
import warnings

import numpy as np
import sklearn
from sklearn import metrics as M

warnings.filterwarnings("ignore")
rng = np.random.default_rng(0)
out = {"generated_by": "make_metrics_reference.py", "sklearn_version": sklearn.__version__, "label_cases": [],
       "binary_auc_cases": [], "proba_cases": [], "regression_cases": []}


def label_case(name, yt, yp, pos):
    w = np.round(rng.uniform(0.1, 3.0, len(yt)), 3)
    c = {"name": name, "y_true": list(yt), "y_pred": list(yp), "weights": w.tolist(), "pos_label": pos}
    for suffix, sw in (("", None), ("_w", w)):
        c["accuracy" + suffix] = M.accuracy_score(yt, yp, sample_weight=sw)
        c["balanced_accuracy" + suffix] = M.balanced_accuracy_score(yt, yp, sample_weight=sw)
        c["f1_macro" + suffix] = M.f1_score(yt, yp, average="macro", sample_weight=sw)
        c["precision_macro" + suffix] = M.precision_score(yt, yp, average="macro", sample_weight=sw)
        c["recall_macro" + suffix] = M.recall_score(yt, yp, average="macro", sample_weight=sw)
        # binary metrics of one label (one-vs-rest for multiclass: labels=[pos], average="macro" == that label)
        c["f1_pos" + suffix] = M.f1_score(yt, yp, labels=[pos], average="macro", sample_weight=sw)
        c["precision_pos" + suffix] = M.precision_score(yt, yp, labels=[pos], average="macro", sample_weight=sw)
        c["recall_pos" + suffix] = M.recall_score(yt, yp, labels=[pos], average="macro", sample_weight=sw)
    out["label_cases"].append(c)


animals = np.array(["cat", "dog", "bird", "fish"])
yt = animals[rng.integers(0, 3, 40)]                       # cat/dog/bird
yp = yt.copy()
flip = rng.random(40) < 0.35
yp[flip] = animals[rng.integers(0, 4, flip.sum())]          # may predict "fish" (absent from truth)
label_case("strings_with_extra_predicted_class", yt, yp, "dog")
yp2 = np.where(yt == "bird", "cat", yt)                     # "bird" never predicted
yp2[::7] = "dog"
label_case("strings_class_absent_from_predictions", yt, yp2, "bird")
bt = rng.integers(0, 2, 30)
bp = np.where(rng.random(30) < 0.3, 1 - bt, bt)
label_case("binary_ints", [int(v) for v in bt], [int(v) for v in bp], 1)


def auc_case(name, yt, score):
    w = np.round(rng.uniform(0.1, 3.0, len(yt)), 3)
    out["binary_auc_cases"].append({"name": name, "y_true": [int(v) for v in yt], "score": list(map(float, score)),
                                    "weights": w.tolist(), "roc_auc": M.roc_auc_score(yt, score),
                                    "roc_auc_w": M.roc_auc_score(yt, score, sample_weight=w)})


yt = rng.integers(0, 2, 50)
auc_case("many_ties", yt, np.round(rng.random(50) + 0.3 * yt, 1))   # scores on a 0.1 grid: many ties
auc_case("no_ties", yt, rng.random(50) + 0.5 * yt)
auc_case("all_tied", yt, np.full(50, 0.5))


def proba_case(name, yt, P, classes):
    w = np.round(rng.uniform(0.1, 3.0, len(yt)), 3)
    c = {"name": name, "y_true": list(yt), "proba": P.tolist(), "classes": list(classes), "weights": w.tolist()}
    for suffix, sw in (("", None), ("_w", w)):
        c["log_loss" + suffix] = M.log_loss(yt, P, labels=classes, sample_weight=sw)   # eps="auto" = 2.22e-16
        c["log_loss_eps1e-15" + suffix] = M.log_loss(yt, P, labels=classes, sample_weight=sw, eps=1e-15)
        if len(classes) == 2:
            c["roc_auc" + suffix] = M.roc_auc_score(yt, P[:, 1], sample_weight=sw)
        else:
            c["roc_auc" + suffix] = M.roc_auc_score(yt, P, multi_class="ovr", average="macro", labels=classes,
                                                    sample_weight=sw)
    out["proba_cases"].append(c)


classes = ["bird", "cat", "dog"]
yt = np.array(classes)[rng.integers(0, 3, 60)]
P = rng.dirichlet([1, 1, 1], 60)
P[0] = [1.0, 0.0, 0.0]                                     # exact 0 and 1: clipping
P[1] = [0.0, 0.5, 0.5]
P[5:15] = np.round(P[5:15], 1)
P[5:15] /= P[5:15].sum(axis=1, keepdims=True)               # ties within a column
proba_case("three_strings", yt, P, classes)
yt2 = np.array(["no", "yes"])[rng.integers(0, 2, 40)]
p1 = np.round(rng.random(40), 1)
p1[0], p1[1] = 0.0, 1.0
proba_case("binary_strings_ties", yt2, np.column_stack([1 - p1, p1]), ["no", "yes"])


def reg_case(name, yt, yp):
    w = np.round(rng.uniform(0.1, 3.0, len(yt)), 3)
    c = {"name": name, "y_true": list(map(float, yt)), "y_pred": list(map(float, yp)), "weights": w.tolist()}
    for suffix, sw in (("", None), ("_w", w)):
        c["r2" + suffix] = M.r2_score(yt, yp, sample_weight=sw)
        c["mse" + suffix] = M.mean_squared_error(yt, yp, sample_weight=sw)
        c["rmse" + suffix] = M.mean_squared_error(yt, yp, sample_weight=sw, squared=False)
        c["mae" + suffix] = M.mean_absolute_error(yt, yp, sample_weight=sw)
    out["regression_cases"].append(c)


y = rng.normal(10, 3, 50)
reg_case("noisy", y, y + rng.normal(0, 1.5, 50))
reg_case("constant_target", np.full(10, 2.0), np.linspace(1, 3, 10))
reg_case("constant_target_exact", np.full(5, 2.0), np.full(5, 2.0))

with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "metrics_reference.json"), "w") as f:
    json.dump(out, f, indent=1)
print("ok", sum(len(v) for k, v in out.items() if isinstance(v, list)), "cases")
