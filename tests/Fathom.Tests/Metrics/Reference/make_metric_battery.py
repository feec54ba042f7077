"""A fixed battery of prediction arrays and scikit-learn 1.2.1's value of every metric on them.

    /usr/bin/python3 tests/Fathom.Tests/Metrics/Reference/make_metric_battery.py
writes metric_battery.json beside this script. The arrays are drawn once from a seeded generator and stored
in the JSON, so the C# tests read the same inputs. Features of the battery: string labels, a class that is
never predicted, integer sample weights with zeros, tied scores, a one-class-absent probability matrix.
"""
import json, os
import numpy as np
from sklearn import metrics as M
from sklearn.calibration import calibration_curve

here = os.path.dirname(os.path.abspath(__file__))
rng = np.random.default_rng(20261122)
out = {}

# ---- labels: 4 classes as strings; "kiwi" appears in y_true but is never predicted
labels = np.array(["apple", "banana", "cherry", "kiwi"])
n = 60
t = rng.integers(0, 4, n)
p = np.where(rng.random(n) < 0.6, t, rng.integers(0, 3, n))
p[p == 3] = 0
y_true = labels[t].tolist(); y_pred = labels[p].tolist()
w = rng.integers(0, 4, n).astype(float); w[:3] = [0, 2, 1]
out["labels"] = {"y_true": y_true, "y_pred": y_pred, "w": w.tolist()}
L = {}
for wk, sw in (("", None), ("_w", w)):
    L["confusion" + wk] = M.confusion_matrix(y_true, y_pred, sample_weight=sw).tolist()
    for avg in ("micro", "macro", "weighted"):
        L[f"precision_{avg}{wk}"] = M.precision_score(y_true, y_pred, average=avg, sample_weight=sw, zero_division=0)
        L[f"recall_{avg}{wk}"] = M.recall_score(y_true, y_pred, average=avg, sample_weight=sw, zero_division=0)
        L[f"f1_{avg}{wk}"] = M.f1_score(y_true, y_pred, average=avg, sample_weight=sw, zero_division=0)
        L[f"f0.5_{avg}{wk}"] = M.fbeta_score(y_true, y_pred, beta=0.5, average=avg, sample_weight=sw, zero_division=0)
        L[f"jaccard_{avg}{wk}"] = M.jaccard_score(y_true, y_pred, average=avg, sample_weight=sw, zero_division=0)
    pr, rc, f2, sup = M.precision_recall_fscore_support(y_true, y_pred, beta=2, sample_weight=sw, zero_division=0)
    L["per_class_precision" + wk] = pr.tolist(); L["per_class_recall" + wk] = rc.tolist()
    L["per_class_f2" + wk] = f2.tolist(); L["per_class_support" + wk] = sup.astype(float).tolist()
    mcm = M.multilabel_confusion_matrix(y_true, y_pred, sample_weight=sw)  # per class [[tn, fp], [fn, tp]]
    L["specificity_per_class" + wk] = [float(m[0, 0] / (m[0, 0] + m[0, 1])) if m[0, 0] + m[0, 1] else 0.0 for m in mcm]
    L["npv_per_class" + wk] = [float(m[0, 0] / (m[0, 0] + m[1, 0])) if m[0, 0] + m[1, 0] else 0.0 for m in mcm]
    L["mcc" + wk] = M.matthews_corrcoef(y_true, y_pred, sample_weight=sw)
    for kw in (None, "linear", "quadratic"):
        L[f"kappa_{kw}{wk}"] = M.cohen_kappa_score(y_true, y_pred, weights=kw, sample_weight=sw)
    L["hamming" + wk] = M.hamming_loss(y_true, y_pred, sample_weight=sw)
out["label_metrics"] = L

# ---- binary scores with ties (scores rounded to 1 decimal), positive label "yes"
nb = 50
yb = np.where(rng.random(nb) < 0.4, "yes", "no")
sb = np.round(np.clip(rng.normal(0.3 + 0.35 * (yb == "yes"), 0.25), 0, 1), 1)
wb = rng.integers(1, 4, nb).astype(float)
out["binary"] = {"y_true": yb.tolist(), "scores": sb.tolist(), "w": wb.tolist(), "y_pred": np.where(sb >= 0.5, "yes", "no").tolist()}
B = {}
for wk, sw in (("", None), ("_w", wb)):
    for di in (True, False):
        fpr, tpr, thr = M.roc_curve(yb, sb, pos_label="yes", sample_weight=sw, drop_intermediate=di)
        B[f"roc_{di}{wk}"] = {"x": fpr.tolist(), "y": tpr.tolist(), "thresholds": thr.tolist()}
    prec, rec, thr = M.precision_recall_curve(yb, sb, pos_label="yes", sample_weight=sw)
    B["pr" + wk] = {"x": rec.tolist(), "y": prec.tolist(), "thresholds": thr.tolist()}
    B["ap" + wk] = M.average_precision_score(yb, sb, pos_label="yes", sample_weight=sw)
    B["brier" + wk] = M.brier_score_loss(yb, sb, pos_label="yes", sample_weight=sw)
    B["auc" + wk] = M.roc_auc_score(yb == "yes", sb, sample_weight=sw)
    for avg in ("binary",):
        B["precision_binary" + wk] = M.precision_score(yb, out["binary"]["y_pred"], pos_label="yes", sample_weight=sw)
        B["f2_binary" + wk] = M.fbeta_score(yb, out["binary"]["y_pred"], beta=2, pos_label="yes", sample_weight=sw)
        B["jaccard_binary" + wk] = M.jaccard_score(yb, out["binary"]["y_pred"], pos_label="yes", sample_weight=sw)
for nbins in (5, 10):
    for strat in ("uniform", "quantile"):
        pt, pp = calibration_curve(yb == "yes", sb, n_bins=nbins, strategy=strat)
        B[f"calibration_{nbins}_{strat}"] = {"prob_true": pt.tolist(), "prob_pred": pp.tolist()}
out["binary_metrics"] = B

# ---- multiclass probabilities (3 classes) with ties
nm = 45
ym = rng.integers(0, 3, nm)
raw = rng.random((nm, 3)) + np.eye(3)[ym] * 0.8
raw = np.round(raw, 1)
prob = raw / raw.sum(axis=1, keepdims=True)
cls = ["a", "b", "c"]
yms = [cls[i] for i in ym]
wm = rng.integers(1, 3, nm).astype(float)
out["multiclass"] = {"y_true": yms, "proba": prob.tolist(), "w": wm.tolist()}
C = {"ovo_macro": M.roc_auc_score(yms, prob, multi_class="ovo", average="macro", labels=cls),
     "ovo_weighted": M.roc_auc_score(yms, prob, multi_class="ovo", average="weighted", labels=cls),
     "ovr_macro": M.roc_auc_score(yms, prob, multi_class="ovr", average="macro", labels=cls)}
for k in (1, 2):
    C[f"top{k}"] = M.top_k_accuracy_score(yms, prob, k=k, labels=cls)
    C[f"top{k}_w"] = M.top_k_accuracy_score(yms, prob, k=k, labels=cls, sample_weight=wm)
out["multiclass_metrics"] = C

# ---- regression: positive targets and predictions
nr = 40
yr = np.round(rng.gamma(2.0, 2.0, nr) + 0.1, 3)
pr_ = np.round(yr * rng.lognormal(0, 0.3, nr), 3)
yr[5] = pr_[5]  # one exact hit
wr = rng.integers(0, 4, nr).astype(float); wr[0] = 0
yr0 = yr.copy(); yr0[7] = 0.0  # a zero true value, for Poisson and MAPE
out["regression"] = {"y_true": yr.tolist(), "y_pred": pr_.tolist(), "w": wr.tolist(), "y_true_zero": yr0.tolist()}
R = {}
for wk, sw in (("", None), ("_w", wr)):
    R["mape" + wk] = M.mean_absolute_percentage_error(yr0, pr_, sample_weight=sw)
    R["medae" + wk] = M.median_absolute_error(yr, pr_, sample_weight=sw)
    R["explained_variance" + wk] = M.explained_variance_score(yr, pr_, sample_weight=sw)
    R["poisson" + wk] = M.mean_poisson_deviance(yr0, pr_, sample_weight=sw)
    R["gamma" + wk] = M.mean_gamma_deviance(yr, pr_, sample_weight=sw)
    for pw in (-0.5, 0, 1.5, 3):
        R[f"tweedie_{pw}{wk}"] = M.mean_tweedie_deviance(yr, pr_, power=pw, sample_weight=sw)
    for a in (0.1, 0.5, 0.9):
        R[f"pinball_{a}{wk}"] = M.mean_pinball_loss(yr, pr_, alpha=a, sample_weight=sw)
R["max_error"] = M.max_error(yr, pr_)
R["medae_even"] = M.median_absolute_error(yr[:10], pr_[:10])
out["regression_metrics"] = R

# ---- ranking: 6 queries x 7 items, graded relevance, tied scores
rel = rng.integers(0, 4, (6, 7)).astype(float); rel[rel == 1] = 0; rel[2] = 0; rel[3, :] = [3, 0, 0, 0, 0, 0, 0]
sc = np.round(rng.random((6, 7)), 1)
out["ranking"] = {"relevance": rel.tolist(), "scores": sc.tolist()}
K = {"ndcg": M.ndcg_score(rel, sc), "ndcg3": M.ndcg_score(rel, sc, k=3), "dcg": M.dcg_score(rel, sc), "dcg3": M.dcg_score(rel, sc, k=3),
     "lrap": M.label_ranking_average_precision_score(rel > 0, sc)}
out["ranking_metrics"] = K

# ---- clustering label pairs
ca = rng.integers(0, 4, 80); cb = np.where(rng.random(80) < 0.5, ca, rng.integers(0, 5, 80))
out["partitions"] = {"a": ca.tolist(), "b": cb.tolist()}
P = {"mi": M.mutual_info_score(ca, cb), "ari": M.adjusted_rand_score(ca, cb),
     "ami": M.adjusted_mutual_info_score(ca, cb), "ami_geometric": M.adjusted_mutual_info_score(ca, cb, average_method="geometric"),
     "ami_min": M.adjusted_mutual_info_score(ca, cb, average_method="min"), "ami_max": M.adjusted_mutual_info_score(ca, cb, average_method="max"),
     "nmi": M.normalized_mutual_info_score(ca, cb), "nmi_geometric": M.normalized_mutual_info_score(ca, cb, average_method="geometric"),
     "nmi_min": M.normalized_mutual_info_score(ca, cb, average_method="min"), "nmi_max": M.normalized_mutual_info_score(ca, cb, average_method="max"),
     "homogeneity": M.homogeneity_score(ca, cb), "completeness": M.completeness_score(ca, cb), "v": M.v_measure_score(ca, cb),
     "v2": M.v_measure_score(ca, cb, beta=2.0)}
out["partition_metrics"] = P

with open(os.path.join(here, "metric_battery.json"), "w") as f:
    json.dump(out, f, indent=0)
