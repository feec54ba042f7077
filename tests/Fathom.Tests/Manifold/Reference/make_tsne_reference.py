#!/usr/bin/python3
"""Reference values for TSNETests and EmbeddingMetricsTests, made with scikit-learn 1.2.1 (/usr/bin/python3).

    cd tests/Fathom.Tests/Manifold/Reference && /usr/bin/python3 make_tsne_reference.py

Writes tsne_reference.json:
  small:      a 40 x 5 standard-normal matrix (RandomState(0)), its exact joint probabilities
              (sklearn.manifold._t_sne._joint_probabilities on squared distances, perplexity 5, dense n x n) and
              Barnes-Hut ones (_joint_probabilities_nn on the k = 16 nearest neighbours, densified);
              an embedding Y (RandomState(1), 40 x 2) with the exact KL divergence and gradient
              (_kl_divergence(Y, P, degrees_of_freedom=1)).
  trust:      X (60 x 6, RandomState(2)) and a noisy 2-D projection E; trustworthiness for k = 1, 5, 10.
  digits:     samples/digits.csv without the target; TSNE(n_components=2, perplexity=30, random_state=0,
              init="pca", learning_rate="auto") (Barnes-Hut, the defaults): kl_divergence_, n_iter_ and
              trustworthiness(k=5) of its embedding; trustworthiness(k=5) of the 2-D PCA projection, by
              sklearn and by the same formula with ties ranked by row index (trustworthiness_stable); and the exact
              method on the first 300 rows (same settings, method="exact").
"""
import json
import os

import numpy as np
import pandas as pd
import sklearn
from scipy.spatial.distance import squareform
from sklearn.decomposition import PCA
from sklearn.manifold import TSNE, trustworthiness
from sklearn.manifold._t_sne import _joint_probabilities, _joint_probabilities_nn, _kl_divergence
from sklearn.metrics import pairwise_distances
from sklearn.neighbors import NearestNeighbors

def trustworthiness_stable(X, E, k):
    """sklearn 1.2's trustworthiness formula with ties in the original distances ranked by row index (a stable
    argsort); sklearn's own argsort (numpy quicksort) orders ties arbitrarily. Digits pixels are integers, so
    its distances tie often."""
    n = X.shape[0]
    d = pairwise_distances(X)
    np.fill_diagonal(d, np.inf)
    ind = np.argsort(d, axis=1, kind="stable")
    ind_e = NearestNeighbors(n_neighbors=k).fit(E).kneighbors(return_distance=False)
    inv = np.zeros((n, n), dtype=int)
    o = np.arange(n + 1)
    inv[o[:-1, np.newaxis], ind] = o[1:]
    ranks = inv[o[:-1, np.newaxis], ind_e] - k
    t = np.sum(ranks[ranks > 0])
    return 1.0 - t * (2.0 / (n * k * (2.0 * n - 3.0 * k - 1.0)))


ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", "..", ".."))
HERE = os.path.dirname(os.path.abspath(__file__))

out = {"sklearn": sklearn.__version__}

x = np.random.RandomState(0).standard_normal((40, 5))
d2 = pairwise_distances(x, squared=True)
p_exact = squareform(_joint_probabilities(d2, 5.0, 0))
knn = NearestNeighbors(n_neighbors=16).fit(x)
dnn = knn.kneighbors_graph(mode="distance")
dnn.data **= 2
p_bh = _joint_probabilities_nn(dnn, 5.0, 0).toarray()
y = np.random.RandomState(1).standard_normal((40, 2))
kl, grad = _kl_divergence(y.ravel(), squareform(p_exact), 1, 40, 2)
out["small"] = {"x": x.tolist(), "perplexity": 5.0, "p_exact": p_exact.tolist(), "p_bh": p_bh.tolist(),
                "y": y.tolist(), "kl": float(kl), "grad": grad.reshape(40, 2).tolist()}

rs = np.random.RandomState(2)
xt = rs.standard_normal((60, 6))
e = xt[:, :2] + 0.5 * rs.standard_normal((60, 2))
out["trust"] = {"x": xt.tolist(), "e": e.tolist(),
                "t": {str(k): float(trustworthiness(xt, e, n_neighbors=k)) for k in (1, 5, 10)}}

df = pd.read_csv(os.path.join(ROOT, "samples", "digits.csv"))
df.pop("target")
X = df.to_numpy(dtype=np.float64)
params = dict(n_components=2, perplexity=30.0, random_state=0, init="pca", learning_rate="auto")
m = TSNE(**params)
emb = m.fit_transform(X)
pca2 = PCA(n_components=2, svd_solver="full").fit_transform(X)
m300 = TSNE(method="exact", **params)
emb300 = m300.fit_transform(X[:300])
out["digits"] = {"params": {k: v for k, v in params.items()},
                 "kl_divergence": float(m.kl_divergence_), "n_iter": int(m.n_iter_),
                 "trustworthiness_k5": float(trustworthiness(X, emb, n_neighbors=5)),
                 "pca_trustworthiness_k5": float(trustworthiness(X, pca2, n_neighbors=5)),
                 "pca_trustworthiness_k5_stable": float(trustworthiness_stable(X, pca2, 5)),
                 "exact300_kl_divergence": float(m300.kl_divergence_),
                 "exact300_trustworthiness_k5": float(trustworthiness(X[:300], emb300, n_neighbors=5))}
with open(os.path.join(HERE, "tsne_reference.json"), "w") as f:
    json.dump(out, f)
print(json.dumps(out["digits"]), out["small"]["kl"], out["trust"]["t"])
