"""Reference numbers for the extra metrics and the radius estimators (scikit-learn 1.2.1, run with /usr/bin/python3).

    /usr/bin/python3 tests/Fathom.Tests/Neighbors/Reference/make_neighbors_metrics_reference.py

writes neighbors_metrics_reference.json next to this script. Data: samples/iris.csv features, standardized (mean 0,
population std 1) so that distance ties are rare; train = rows with index % 5 != 0, test = the others.
  knn: for chebyshev, minkowski p=3 and cosine (algorithm="brute"): kneighbors(test, 7) distances and indices, and the
       KNeighborsClassifier(n_neighbors=7) predictions (uniform and distance weights);
  nan_euclidean: sklearn.metrics.pairwise.nan_euclidean_distances(test, train) with NaN put at stored positions (null:
       no coordinate present in both rows, NaN in scikit-learn, +inf in Fathom);
  radius: RadiusNeighborsClassifier(radius=0.8, outlier_label="most_frequent") predictions and probabilities (uniform,
       distance), RadiusNeighborsRegressor(radius=0.8) predictions of petal width from the other 3 standardized features.
"""
import json, os
import numpy as np
import pandas as pd
from sklearn.neighbors import NearestNeighbors, KNeighborsClassifier, RadiusNeighborsClassifier, RadiusNeighborsRegressor
from sklearn.metrics.pairwise import nan_euclidean_distances

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.abspath(os.path.join(here, "..", "..", "..", ".."))
df = pd.read_csv(os.path.join(root, "samples", "iris.csv"))
X = df.select_dtypes("number").to_numpy(float)
X = (X - X.mean(0)) / X.std(0)
y = df["target"].to_numpy()
train = [i for i in range(150) if i % 5 != 0]
test = [i for i in range(150) if i % 5 == 0]
Xtr, Xte, ytr = X[train], X[test], y[train]

knn = {}
for name, kw in [("chebyshev", dict(metric="chebyshev")), ("minkowski3", dict(metric="minkowski", p=3)), ("cosine", dict(metric="cosine"))]:
    nn = NearestNeighbors(n_neighbors=7, algorithm="brute", **kw).fit(Xtr)
    d, i = nn.kneighbors(Xte)
    knn[name] = {
        "distances": d.tolist(), "indices": i.tolist(),
        "predict_uniform": KNeighborsClassifier(n_neighbors=7, algorithm="brute", **kw).fit(Xtr, ytr).predict(Xte).tolist(),
        "predict_distance": KNeighborsClassifier(n_neighbors=7, algorithm="brute", weights="distance", **kw).fit(Xtr, ytr).predict(Xte).tolist(),
    }

rng = np.random.RandomState(0)
Xtr_nan, Xte_nan = Xtr.copy(), Xte.copy()
nan_tr = [(int(r), int(c)) for r, c in zip(rng.randint(0, len(train), 40), rng.randint(0, 4, 40))]
nan_te = [(int(r), int(c)) for r, c in zip(rng.randint(0, len(test), 10), rng.randint(0, 4, 10))]
for r, c in nan_tr: Xtr_nan[r, c] = np.nan
for r, c in nan_te: Xte_nan[r, c] = np.nan

radius = {}
for w in ["uniform", "distance"]:
    m = RadiusNeighborsClassifier(radius=0.8, weights=w, outlier_label="most_frequent").fit(Xtr, ytr)
    radius["predict_" + w] = m.predict(Xte).tolist()
    radius["proba_" + w] = m.predict_proba(Xte).tolist()
    r = RadiusNeighborsRegressor(radius=0.8, weights=w).fit(Xtr[:, :3], Xtr[:, 3])
    radius["regress_" + w] = [None if np.isnan(v) else v for v in r.predict(Xte[:, :3])]

ref = {"train": train, "test": test, "knn": knn,
       "nan_train": nan_tr, "nan_test": nan_te, "nan_euclidean": [[None if np.isnan(v) else v for v in row] for row in nan_euclidean_distances(Xte_nan, Xtr_nan)],
       "radius": radius}
with open(os.path.join(here, "neighbors_metrics_reference.json"), "w") as f:
    json.dump(ref, f)
print("ok", sum(v is None for v in radius["regress_uniform"]), "rows without neighbours (regressor)")
