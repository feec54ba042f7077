#!/usr/bin/python3
"""Reference values for PCATests, made with scikit-learn 1.2.1 (/usr/bin/python3).

    cd tests/Fathom.Tests/Decomposition/Reference && /usr/bin/python3 make_pca_reference.py

Reads samples/iris.csv and samples/digits.csv. Iris is standardized by hand ((x - mean) / std, population
std, as StandardScaler); digits is used raw. Every fit is PCA(svd_solver="full") (sklearn's svd_flip sign
convention). Writes pca_reference.json with, per dataset: components, explained_variance(_ratio),
singular_values, noise_variance for n_components=None, the component count chosen by n_components=0.9
and noise variance of n_components=k=min(10, features - 1), and the whitened transform of the first 5 rows. For digits,
"compare" is the number of leading components whose singular value gaps are large enough for the
components to be determined to 1e-10 (relative gap to neighbours > 1e-4 and variance ratio > 1e-12).
"""
import json
import os

import numpy as np
import pandas as pd
import sklearn
from sklearn.decomposition import PCA

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", "..", ".."))
HERE = os.path.dirname(os.path.abspath(__file__))


def load(name):
    df = pd.read_csv(os.path.join(ROOT, "samples", name))
    df.pop("target")
    return df.to_numpy(dtype=np.float64)


def entry(X):
    full = PCA(svd_solver="full").fit(X)
    s = full.singular_values_
    compare = 0
    for i in range(len(s)):
        gaps = [abs(s[i] - s[j]) / s[0] for j in (i - 1, i + 1) if 0 <= j < len(s)]
        if min(gaps) > 1e-4 and full.explained_variance_ratio_[i] > 1e-12:
            compare += 1
        else:
            break
    frac = PCA(n_components=0.9, svd_solver="full").fit(X)
    ten = PCA(n_components=min(10, X.shape[1] - 1), svd_solver="full").fit(X)
    white = PCA(n_components=3, whiten=True, svd_solver="full").fit(X)
    return {
        "components": full.components_.tolist(),
        "explained_variance": full.explained_variance_.tolist(),
        "explained_variance_ratio": full.explained_variance_ratio_.tolist(),
        "singular_values": s.tolist(),
        "noise_variance": float(full.noise_variance_),
        "compare": compare,
        "n_components_0_9": int(frac.n_components_),
        "noise_variance_k": float(ten.noise_variance_), "k": int(ten.n_components_),
        "whiten3_first5": white.transform(X[:5]).tolist(),
    }


iris = load("iris.csv")
iris = (iris - iris.mean(axis=0)) / iris.std(axis=0)
out = {"sklearn": sklearn.__version__, "iris_standardized": entry(iris), "digits": entry(load("digits.csv"))}
with open(os.path.join(HERE, "pca_reference.json"), "w") as f:
    json.dump(out, f)
print({k: (v["compare"], v["n_components_0_9"]) for k, v in out.items() if k != "sklearn"})
