"""Reference numbers for tests/Fathom.Tests/Anomaly (scikit-learn 1.2.1, numpy, run with /usr/bin/python3).

    /usr/bin/python3 tests/Fathom.Tests/Anomaly/Reference/make_anomaly_reference.py

writes anomaly_reference.json next to this script:
  planted: 300 inliers from N(0, I_4) plus 12 outliers uniform on [-8, 8]^4 with |x|_inf >= 5 (numpy seed 7);
           sklearn IsolationForest(n_estimators=100, random_state=0).score_samples on the same rows, and
           LocalOutlierFactor(n_neighbors=20).negative_outlier_factor_;
  iris:    samples/iris.csv features; LocalOutlierFactor(n_neighbors=20) negative_outlier_factor_ (kd_tree, the
           default, and brute) with the kd_tree neighbour indices; the same on iris + a stored jitter of at most 1e-6
           (X_jitter) that breaks distance ties, with offset_ for contamination=0.1 and novelty=True score_samples.
"""
import json, os
import numpy as np
import pandas as pd
from sklearn.ensemble import IsolationForest
from sklearn.neighbors import LocalOutlierFactor
from sklearn.covariance import EllipticEnvelope, MinCovDet

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.abspath(os.path.join(here, "..", "..", "..", ".."))

rng = np.random.RandomState(7)
inliers = rng.normal(size=(300, 4))
out = []
while len(out) < 12:
    v = rng.uniform(-8, 8, size=4)
    if np.abs(v).max() >= 5:
        out.append(v)
X = np.vstack([inliers, np.array(out)])
iso = IsolationForest(n_estimators=100, random_state=0).fit(X)
lof_p = LocalOutlierFactor(n_neighbors=20).fit(X)

iris = pd.read_csv(os.path.join(root, "samples", "iris.csv"))
Xi = iris.select_dtypes("number").to_numpy(dtype=float)
lof = LocalOutlierFactor(n_neighbors=20).fit(Xi)
lof_brute = LocalOutlierFactor(n_neighbors=20, algorithm="brute").fit(Xi)
# iris has many rows at exactly equal distances; scikit-learn's choice among points tied at the k-th place depends
# on its search (brute and kd_tree give factors up to 0.0105 apart). A jitter of at most 1e-6 breaks the ties, so
# that every search agrees; it is stored as data, not regenerated in the tests.
Xj = Xi + 1e-6 * np.random.RandomState(0).uniform(-1, 1, size=Xi.shape)
lof_j = LocalOutlierFactor(n_neighbors=20).fit(Xj)
lof_jb = LocalOutlierFactor(n_neighbors=20, algorithm="brute").fit(Xj)
assert np.abs(lof_j.negative_outlier_factor_ - lof_jb.negative_outlier_factor_).max() < 1e-12
lof_c = LocalOutlierFactor(n_neighbors=20, contamination=0.1).fit(Xj)
new = np.array([[5.0, 3.4, 1.5, 0.2], [6.5, 3.0, 5.5, 1.8], [9.0, 1.0, 1.0, 4.0], [5.8, 2.7, 4.1, 1.0]])
nov = LocalOutlierFactor(n_neighbors=20, novelty=True).fit(Xj)

# A clear-cut case for the robust covariance: 200 rows of a correlated Gaussian plus 20 far rows.
rng = np.random.RandomState(3)
cov = np.array([[2.0, 0.8, 0.0], [0.8, 1.0, 0.3], [0.0, 0.3, 0.5]])
Xe = rng.multivariate_normal([1.0, -2.0, 0.5], cov, size=200)
Xe = np.vstack([Xe, rng.uniform(6, 10, size=(20, 3))])
mcd = MinCovDet(random_state=0).fit(Xe)
ee = EllipticEnvelope(random_state=0, contamination=0.1).fit(Xe)

def mcd_case(X):
    m = MinCovDet(random_state=0).fit(X)
    e = EllipticEnvelope(random_state=0, contamination=0.1).fit(X)
    return {"X": X.tolist(), "raw_support": m.raw_support_.astype(int).tolist(), "support": m.support_.astype(int).tolist(),
            "raw_location": m.raw_location_.tolist(), "location": m.location_.tolist(), "covariance": m.covariance_.tolist(),
            "envelope_offset": float(e.offset_), "envelope_predict": e.predict(X).tolist()}

# n > 1500 (subsets, merge, full pass) and p = 1 (shortest half).
rng = np.random.RandomState(5)
Xl = np.vstack([rng.multivariate_normal([0, 0], [[1.0, 0.6], [0.6, 1.0]], size=1700), rng.uniform(5, 9, size=(100, 2))])
X1 = np.concatenate([rng.normal(3.0, 1.0, size=150), rng.uniform(10, 14, size=10)])[:, None]

# Kernel density on iris (features), queried on iris rows 0, 10, ..., 140 and the new rows above. algorithm="ball_tree":
# with the default (auto -> kd_tree) scikit-learn 1.2.1 is not exact far from the data even with atol = rtol = 0 (log
# density -58.09226 instead of the exact -58.09284 for the row [9, 1, 1, 4] with Silverman's bandwidth; the ball tree and
# a direct log-sum-exp agree).
from sklearn.neighbors import KernelDensity
Q = np.vstack([Xi[::10], new])
w = 1.0 + (np.arange(len(Xi)) % 3)
kde = {}
for kernel in ["gaussian", "tophat", "epanechnikov", "exponential", "linear", "cosine"]:
    kde[kernel] = KernelDensity(kernel=kernel, bandwidth=0.8, algorithm="ball_tree").fit(Xi).score_samples(Q).tolist()
    kde[kernel + "_weighted"] = KernelDensity(kernel=kernel, bandwidth=0.8, algorithm="ball_tree").fit(Xi, sample_weight=w).score_samples(Q).tolist()
# scikit-learn 1.2.1's cosine normalisation is only right for odd dimensions (NaN for d = 4): compare on the first 3
# features, where it is right.
Q3, X3 = Q[:, :3], Xi[:, :3]
kde["cosine"] = KernelDensity(kernel="cosine", bandwidth=0.8, algorithm="ball_tree").fit(X3).score_samples(Q3).tolist()
kde["cosine_weighted"] = KernelDensity(kernel="cosine", bandwidth=0.8, algorithm="ball_tree").fit(X3, sample_weight=w).score_samples(Q3).tolist()
for rule in ["scott", "silverman"]:
    k = KernelDensity(bandwidth=rule, algorithm="ball_tree").fit(Xi)
    kde[rule] = k.score_samples(Q).tolist()
    kde[rule + "_bandwidth"] = float(k.bandwidth_)
kde = {k: [None if v == -np.inf else v for v in vals] if isinstance(vals, list) else vals for k, vals in kde.items()}  # -inf (no row within h) as null
kde["queries"] = Q.tolist()
kde["weights"] = w.tolist()

ref = {
    "kde": kde,
    "elliptic_large": mcd_case(Xl),
    "elliptic_1d": mcd_case(X1),
    "planted": {
        "X": X.tolist(),
        "outliers": list(range(300, 312)),
        "iforest_score_samples": iso.score_samples(X).tolist(),
        "lof_negative_outlier_factor": lof_p.negative_outlier_factor_.tolist(),
    },
    "iris": {
        "negative_outlier_factor": lof.negative_outlier_factor_.tolist(),
        "negative_outlier_factor_brute": lof_brute.negative_outlier_factor_.tolist(),
        "kd_tree_neighbors": lof.kneighbors()[1].tolist(),
        "kd_tree_distances": lof.kneighbors()[0].tolist(),
        "offset_auto": float(lof.offset_),
        "X_jitter": Xj.tolist(),
        "negative_outlier_factor_jitter": lof_j.negative_outlier_factor_.tolist(),
        "offset_contamination_0.1": float(lof_c.offset_),
        "new_rows": new.tolist(),
        "novelty_score_samples": nov.score_samples(new).tolist(),
        "novelty_predict": nov.predict(new).tolist(),
    },
    "elliptic": {
        "X": Xe.tolist(),
        "raw_support": mcd.raw_support_.astype(int).tolist(),
        "support": mcd.support_.astype(int).tolist(),
        "raw_location": mcd.raw_location_.tolist(),
        "raw_covariance": mcd.raw_covariance_.tolist(),
        "location": mcd.location_.tolist(),
        "covariance": mcd.covariance_.tolist(),
        "mahalanobis": mcd.dist_.tolist(),
        "envelope_offset": float(ee.offset_),
        "envelope_decision": ee.decision_function(Xe).tolist(),
        "envelope_predict": ee.predict(Xe).tolist(),
    },
}
with open(os.path.join(here, "anomaly_reference.json"), "w") as f:
    json.dump(ref, f)
print("ok", iso.offset_, lof.offset_, lof_c.offset_, mcd.support_.sum(), ee.offset_)
