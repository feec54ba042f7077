"""Independent brute-force HDBSCAN* reference for Fathom's HDBSCAN tests.

Run with /usr/bin/python3 (numpy, scipy, scikit-learn 1.2.1 for the data sets only) from this folder:
    /usr/bin/python3 make_hdbscan_reference.py
It writes hdbscan_reference.json beside this script.

scikit-learn 1.2.1 has no HDBSCAN and the hdbscan package is not installable here, so the answers are computed
straight from the definitions (Campello, Moulavi & Sander 2013; stability and selection as in scikit-learn 1.3's
documentation), with dense matrices and no shared code with the C# implementation:

* core distance of a row: distance to its min_samples-th nearest row, itself counted (np.sort of the full distance
  matrix row);
* mutual reachability: max(core_a, core_b, d(a, b) / alpha), dense n x n;
* minimum spanning tree: scipy.sparse.csgraph.minimum_spanning_tree of that dense graph;
* hierarchy, top down: a cluster's next level is its largest internal spanning-tree edge weight w; removing every
  edge of weight >= w leaves components (the connected components of the whole graph with edges < w restricted to
  the cluster); components with >= min_cluster_size rows are "big". Two or more big: each is a new child cluster
  born at lambda = 1/w, the small ones' rows fall out at lambda; exactly one big: the small ones fall out and the
  cluster continues as the big one; none: every row falls out and the cluster ends;
* stability of a cluster: sum over its rows of (lambda at which the row leaves it - lambda at its birth);
* excess of mass: bottom up, keep a cluster when its stability >= the sum of its children's (propagated) values
  and it is not larger than max_cluster_size; else pass the children's sum up. The root only with
  allow_single_cluster;
* leaf: the clusters without child clusters (none when the root never splits);
* cluster_selection_epsilon: a selected cluster born at a distance < epsilon is replaced by its nearest ancestor
  born at a distance > epsilon (the root's child when single clusters are not allowed);
* label of a row: the selected cluster whose rows include it; -1 otherwise (single root cluster: the rows whose
  exit lambda reaches the largest lambda of the root's direct entries);
* probability: min(lambda_p, lambda_max(C)) / lambda_max(C) with lambda_max(C) the largest lambda at which anything
  leaves C directly; GLOSH outlier score: (lambda_max - lambda_p) / lambda_max with lambda_max the largest exit lambda
  of any row of the cluster the row falls out of.
"""
import json
import os

import numpy as np
from scipy.sparse.csgraph import minimum_spanning_tree
from scipy.spatial.distance import cdist
from sklearn.datasets import make_blobs


def components(rows, edges):
    parent = {r: r for r in rows}

    def find(v):
        while parent[v] != v:
            parent[v] = parent[parent[v]]
            v = parent[v]
        return v

    for _, i, j in edges:
        a, b = find(i), find(j)
        if a != b:
            parent[a] = b
    groups = {}
    for r in sorted(rows):
        groups.setdefault(find(r), []).append(r)
    return list(groups.values())


def hdbscan_reference(x, min_cluster_size=5, min_samples=None, method="eom", allow_single=False, epsilon=0.0,
                      max_cluster_size=None, alpha=1.0):
    n = x.shape[0]
    k = min_samples or min_cluster_size
    d = cdist(x, x)
    core = np.sort(d, axis=1)[:, k - 1]
    mr = np.maximum(np.maximum(core[:, None], core[None, :]), d / alpha)
    np.fill_diagonal(mr, 0.0)
    assert (mr[~np.eye(n, dtype=bool)] > 0).all()
    mst = minimum_spanning_tree(mr).tocoo()
    edges = sorted(zip(mst.data.tolist(), mst.row.tolist(), mst.col.tolist()))
    assert len(edges) == n - 1

    # clusters: id -> dict(rows, birth, parent, children, exits {row: lambda})
    clusters = {0: dict(rows=list(range(n)), birth=0.0, parent=None, children=[], exits={})}
    deepest = {}  # row -> (cluster, exit lambda)
    direct_max = {}  # cluster -> largest lambda of anything leaving it directly
    queue = [(0, list(range(n)))]
    next_id = 1
    while queue:
        cid, rows = queue.pop(0)
        rs = set(rows)
        inner = [e for e in edges if e[1] in rs and e[2] in rs]
        w = max(e[0] for e in inner)
        lam = 1.0 / w if w > 0 else np.inf
        comps = components(rows, [e for e in inner if e[0] < w])
        big = [c for c in comps if len(c) >= min_cluster_size]
        c = clusters[cid]
        direct_max[cid] = max(direct_max.get(cid, 0.0), lam)
        for comp in comps:
            if len(comp) < min_cluster_size or len(big) >= 2:
                for r in comp:
                    c["exits"][r] = lam  # leaves cid here (falls out, or cid splits)
            if len(comp) < min_cluster_size:
                for r in comp:
                    deepest[r] = (cid, lam)
        if len(big) >= 2:
            for comp in big:
                clusters[next_id] = dict(rows=comp, birth=lam, parent=cid, children=[], exits={})
                c["children"].append(next_id)
                queue.append((next_id, comp))
                next_id += 1
        elif len(big) == 1:
            queue.append((cid, big[0]))

    stability = {cid: sum(l - c["birth"] for l in c["exits"].values()) for cid, c in clusters.items()}
    assert all(len(c["exits"]) == len(c["rows"]) for c in clusters.values())

    def descendants(cid):
        out = []
        for ch in clusters[cid]["children"]:
            out.append(ch)
            out.extend(descendants(ch))
        return out

    def birth_distance(cid):
        return 1.0 / clusters[cid]["birth"]

    def epsilon_search(candidates):
        selected, processed = [], set()
        for leaf in candidates:
            if birth_distance(leaf) < epsilon:
                if leaf in processed:
                    continue
                up = leaf
                while True:
                    p = clusters[up]["parent"]
                    if p == 0:
                        if allow_single:
                            up = p
                        break
                    up = p
                    if birth_distance(p) > epsilon:
                        break
                selected.append(up)
                processed.update(descendants(up))
            else:
                selected.append(leaf)
        return sorted(set(selected))

    any_split = len(clusters) > 1
    if method == "eom":
        limit = max_cluster_size if max_cluster_size else n + 1
        size = {cid: len(c["rows"]) for cid, c in clusters.items()}
        size[0] = sum(len(clusters[ch]["rows"]) for ch in clusters[0]["children"])
        best = {}
        chosen = {}

        def eom(cid):
            sub = sum(eom(ch) for ch in clusters[cid]["children"])
            if cid == 0 and not allow_single:
                chosen[cid] = False
                return sub
            if sub > stability[cid] or size[cid] > limit:
                chosen[cid] = False
                return sub
            chosen[cid] = True
            return stability[cid]

        eom(0)
        selected = []

        def collect(cid):
            if chosen[cid]:
                selected.append(cid)
            else:
                for ch in clusters[cid]["children"]:
                    collect(ch)

        collect(0)
        if epsilon != 0 and any_split:
            if selected == [0]:
                selected = [0] if allow_single else []
            else:
                selected = epsilon_search(selected)
    else:
        leaves = [cid for cid, c in clusters.items() if cid != 0 and not c["children"]] if any_split else []
        selected = epsilon_search(leaves) if epsilon != 0 else leaves
    selected = sorted(selected)

    labels = np.full(n, -1)
    prob = np.zeros(n)
    root_max = direct_max.get(0, 0.0)
    root_only = len(selected) == 1 and selected[0] == 0 and allow_single
    for li, cid in enumerate(selected):
        for r in clusters[cid]["rows"]:
            if cid == 0:
                if not root_only:
                    continue
                threshold = 1.0 / epsilon if epsilon != 0 else root_max
                if deepest[r][1] < threshold:
                    continue
            labels[r] = li
            lam_p = deepest[r][1]
            m = direct_max[cid]
            prob[r] = 1.0 if m == 0 or not np.isfinite(lam_p) else min(lam_p, m) / m
    outlier = np.zeros(n)
    for r in range(n):
        cid, lam_p = deepest[r]
        lmax = max(deepest[q][1] for q in clusters[cid]["rows"])
        outlier[r] = 0.0 if lmax == 0 or not np.isfinite(lmax) or not np.isfinite(lam_p) else (lmax - lam_p) / lmax
    return dict(labels=labels.tolist(), probabilities=prob.tolist(), outlier_scores=outlier.tolist(),
                core_distances=core.tolist(), clusters=len(selected), noise=int((labels < 0).sum()),
                mst_total=float(sum(e[0] for e in edges)))


def iris():
    here = os.path.dirname(os.path.abspath(__file__))
    root = here
    while not os.path.exists(os.path.join(root, "Fathom.slnx")):
        root = os.path.dirname(root)
    data = np.genfromtxt(os.path.join(root, "samples", "iris.csv"), delimiter=",", skip_header=1)
    return data[:, :4]


def blobs_noise():
    x, _ = make_blobs(n_samples=300, centers=[[0, 0], [6, 0], [3, 5]], cluster_std=0.7, random_state=0)
    rng = np.random.RandomState(1)
    noise = rng.uniform(-4, 10, size=(40, 2))
    return np.round(np.vstack([x, noise]), 6)


def varying_density():
    x, _ = make_blobs(n_samples=[150, 150, 100], centers=[[0, 0], [5, 5], [12, 0]], cluster_std=[0.3, 1.0, 2.0],
                      random_state=3)
    return np.round(x, 6)


def main():
    sets = {"iris": iris(), "blobs_noise": blobs_noise(), "varying_density": varying_density()}
    cases = [
        ("iris", {}),
        ("iris", {"method": "leaf"}),
        ("iris", {"min_cluster_size": 10, "min_samples": 3}),
        ("blobs_noise", {}),
        ("blobs_noise", {"min_cluster_size": 15, "min_samples": 5}),
        ("blobs_noise", {"method": "leaf", "min_cluster_size": 10}),
        ("blobs_noise", {"epsilon": 1.0, "min_cluster_size": 8}),
        ("blobs_noise", {"alpha": 1.5, "min_cluster_size": 10}),
        ("varying_density", {}),
        ("varying_density", {"min_cluster_size": 20}),
        ("varying_density", {"min_cluster_size": 20, "max_cluster_size": 120}),
        ("varying_density", {"min_cluster_size": 60, "allow_single": True}),
    ]
    out = {"data": {k: v.tolist() for k, v in sets.items()}, "cases": []}
    for name, params in cases:
        res = hdbscan_reference(sets[name], **params)
        out["cases"].append(dict(data=name, params=params, **res))
        print(name, params, "clusters", res["clusters"], "noise", res["noise"])
    with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "hdbscan_reference.json"), "w") as f:
        json.dump(out, f)


if __name__ == "__main__":
    main()
