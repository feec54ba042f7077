#!/usr/bin/python3
"""Reference values for Fathom.Metrics.ClusteringMetrics, made with scikit-learn 1.2.1 (Debian python3-sklearn).

Run from the repository root:  /usr/bin/python3 tests/Fathom.Tests/Metrics/Reference/make_clustering_reference.py
Writes clustering_reference.json beside this script. Data: samples/iris.csv (the four features, raw units).
Labelings: the true species; floor(petal length) (uneven clusters, one of size 1 is avoided by capping at 6);
a labeling with a -1 "noise" group; and a random labeling (seed 0) against the species for the adjusted Rand index.
"""
import json, os
import numpy as np
import pandas as pd
from sklearn import metrics

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.abspath(os.path.join(here, "..", "..", "..", ".."))
df = pd.read_csv(os.path.join(root, "samples", "iris.csv"))
X = df.drop(columns="target").to_numpy(dtype=np.float64)
species = pd.Categorical(df["target"]).codes.astype(int)
petal = np.minimum(np.floor(X[:, 2]).astype(int), 6)
noise = species.copy(); noise[::7] = -1
rng = np.random.RandomState(0)
random = rng.randint(0, 4, size=len(X))
cases = []
for name, lab in (("species", species), ("petal_floor", petal), ("with_noise", noise), ("random4", random)):
    cases.append(dict(name=name, labels=lab.tolist(),
                      silhouette=metrics.silhouette_score(X, lab),
                      silhouette_samples=metrics.silhouette_samples(X, lab).tolist(),
                      davies_bouldin=metrics.davies_bouldin_score(X, lab),
                      calinski_harabasz=metrics.calinski_harabasz_score(X, lab),
                      adjusted_rand_vs_species=metrics.adjusted_rand_score(species, lab)))
with open(os.path.join(here, "clustering_reference.json"), "w") as f:
    json.dump(dict(source="scikit-learn " + __import__("sklearn").__version__, cases=cases), f)
