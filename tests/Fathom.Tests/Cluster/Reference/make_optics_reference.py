"""scikit-learn 1.2.1 OPTICS reference for Fathom's OPTICS tests.

Run with /usr/bin/python3 from this folder:
    /usr/bin/python3 make_optics_reference.py
It writes optics_reference.json beside this script: the data sets (iris from samples/iris.csv without its target;
a small 2-d set: the first 400 rows of dbscan_2d_sub.csv, which is a subsample of the shared bench data), and for each
case the parameters and sklearn.cluster.OPTICS's ordering_, reachability_, core_distances_, predecessor_, labels_
and cluster_hierarchy_ (xi only). Infinite values are written as null.
"""
import json
import os

import numpy as np
import sklearn
from sklearn.cluster import OPTICS

assert sklearn.__version__ == "1.2.1", sklearn.__version__
HERE = os.path.dirname(os.path.abspath(__file__))


def root():
    r = HERE
    while not os.path.exists(os.path.join(r, "Fathom.slnx")):
        r = os.path.dirname(r)
    return r


def finite_or_none(values):
    return [None if not np.isfinite(v) else float(v) for v in values]


def main():
    iris = np.genfromtxt(os.path.join(root(), "samples", "iris.csv"), delimiter=",", skip_header=1)[:, :4]
    small = np.genfromtxt(os.path.join(HERE, "dbscan_2d_sub.csv"), delimiter=",", skip_header=1)[:400, :2]
    sets = {"iris": iris, "small2d": small}
    cases = [
        ("iris", {}),
        ("iris", {"cluster_method": "dbscan", "eps": 0.5}),
        ("iris", {"min_samples": 10, "xi": 0.1, "predecessor_correction": False}),
        ("iris", {"min_samples": 0.05, "min_cluster_size": 0.1}),
        ("small2d", {}),
        ("small2d", {"cluster_method": "dbscan", "eps": 0.15}),
        ("small2d", {"max_eps": 0.4, "min_samples": 8}),
        ("small2d", {"max_eps": 0.4, "cluster_method": "dbscan"}),
        ("small2d", {"metric": "manhattan", "xi": 0.03, "min_cluster_size": 20}),
    ]
    out = {"data": {k: v.tolist() for k, v in sets.items()}, "cases": []}
    for name, params in cases:
        m = OPTICS(**params).fit(sets[name])
        case = dict(data=name, params=params, ordering=m.ordering_.tolist(), reachability=finite_or_none(m.reachability_),
                    core_distances=finite_or_none(m.core_distances_), predecessor=m.predecessor_.tolist(),
                    labels=m.labels_.tolist())
        if params.get("cluster_method", "xi") == "xi":
            case["cluster_hierarchy"] = m.cluster_hierarchy_.tolist()
        out["cases"].append(case)
        print(name, params, "clusters", m.labels_.max() + 1, "noise", int((m.labels_ < 0).sum()))
    with open(os.path.join(HERE, "optics_reference.json"), "w") as f:
        json.dump(out, f)


if __name__ == "__main__":
    main()
