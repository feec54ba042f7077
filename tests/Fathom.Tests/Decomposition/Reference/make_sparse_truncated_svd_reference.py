#!/usr/bin/python3
"""Reference values for SparseTruncatedSVDTests, made with scikit-learn 1.2.1 / SciPy 1.10.1 (/usr/bin/python3).

    cd tests/Fathom.Tests/Decomposition/Reference && /usr/bin/python3 make_sparse_truncated_svd_reference.py

1. sparse_random.svm: scipy.sparse.random(2000, 500, density=0.01, random_state=20261122) (uniform [0, 1) values,
   CSR, float64), labels = row index mod 7, written by sklearn.datasets.dump_svmlight_file (1-based indices).
   TruncatedSVD(n_components=10, algorithm="arpack") (tol=0): components_, singular_values_, explained_variance_,
   explained_variance_ratio_, and the first 5 rows of fit_transform.
2. sparse_topics.svm: a 1200 x 300 matrix with a clear spectral gap after 5 values: 5 "topics" (rows 240·t..,
   columns 60·t.., density 0.5, values (1 + 0.05·uniform [0, 1)) times 5, 4.5, 4, 3.5, 3) plus scipy.sparse.random noise (density 0.01).
   TruncatedSVD(n_components=5) both "arpack" and "randomized" (random_state=0): singular_values_ and
   explained_variance_ratio_.
Writes sparse_truncated_svd_reference.json. The .svm files are read back with load_svmlight_file and checked
to give the same matrix (to the 16 digits dump_svmlight_file writes) before the numbers are computed from the loaded copy.
"""
import json
import os

import numpy as np
import scipy
import scipy.sparse as sp
import sklearn
from sklearn.datasets import dump_svmlight_file, load_svmlight_file
from sklearn.decomposition import TruncatedSVD

HERE = os.path.dirname(os.path.abspath(__file__))


def save(name, X, y):
    path = os.path.join(HERE, name)
    dump_svmlight_file(X, y, path, zero_based=False)
    Xl, yl = load_svmlight_file(path, n_features=X.shape[1], zero_based=False)
    assert abs(Xl - X).max() < 1e-15 * max(1, abs(X).max()) and np.array_equal(yl, y)  # %.16g text
    return Xl.tocsr()


X1 = sp.random(2000, 500, density=0.01, random_state=20261122, format="csr", dtype=np.float64)
X1 = save("sparse_random.svm", X1, np.arange(2000) % 7)
a1 = TruncatedSVD(n_components=10, algorithm="arpack")
z1 = a1.fit_transform(X1)

rng = np.random.RandomState(7)
SCALES = [5, 4.5, 4, 3.5, 3]
rows, cols, vals = [], [], []
for t in range(5):
    block = sp.random(240, 60, density=0.5, random_state=rng, format="coo")
    rows += list(block.row + 240 * t)
    cols += list(block.col + 60 * t)
    vals += list((1 + 0.05 * block.data) * SCALES[t])
topics = sp.coo_matrix((vals, (rows, cols)), shape=(1200, 300)).tocsr()
X2 = topics + sp.random(1200, 300, density=0.01, random_state=rng, format="csr")
X2 = save("sparse_topics.svm", X2.tocsr(), np.repeat(np.arange(5), 240))
a2 = TruncatedSVD(n_components=5, algorithm="arpack").fit(X2)
r2 = TruncatedSVD(n_components=5, random_state=0).fit(X2)
s_all = np.linalg.svd(X2.toarray(), compute_uv=False)

out = {
    "sklearn": sklearn.__version__, "scipy": scipy.__version__,
    "random": {"shape": list(X1.shape), "nnz": int(X1.nnz), "n_components": 10,
               "components": a1.components_.tolist(), "singular_values": a1.singular_values_.tolist(),
               "explained_variance": a1.explained_variance_.tolist(),
               "explained_variance_ratio": a1.explained_variance_ratio_.tolist(),
               "transformed_head": z1[:5].tolist()},
    "topics": {"shape": list(X2.shape), "nnz": int(X2.nnz), "n_components": 5,
               "singular_values": a2.singular_values_.tolist(),
               "explained_variance_ratio": a2.explained_variance_ratio_.tolist(),
               "randomized_singular_values": r2.singular_values_.tolist(),
               "randomized_explained_variance_ratio": r2.explained_variance_ratio_.tolist(),
               "dense_singular_values_1_to_8": s_all[:8].tolist()},
}
with open(os.path.join(HERE, "sparse_truncated_svd_reference.json"), "w") as f:
    json.dump(out, f)
print("random:", a1.singular_values_)
print("topics:", s_all[:8], r2.singular_values_ - a2.singular_values_)
