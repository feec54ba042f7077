#!/usr/bin/python3
"""Reference for the Fathom bench task `gbdt_regression` (there is no anchors.py task for it).

    /usr/bin/python3 bench/reference/gbdt_regression.py [--data SHARED_DIR]

SHARED_DIR is the shared folder holding bench/anchors.py and bench/data/ (default ../shared from the repository
root, as for Fathom.Bench). The data, the split, the timing rule and the JSON line come from anchors.py itself
(imported, not copied): regression.csv.gz (200,000 x 50, make_regression(noise=10), float32 values), the seed-0
train_test_split with test_size=0.2, fit/predict wall clock as the median of up to 3 repetitions.
Model: sklearn.ensemble.HistGradientBoostingRegressor(max_iter=100, learning_rate=0.1, max_leaf_nodes=31,
early_stopping=False, random_state=0), squared error; metric R^2 on the test rows (RMSE in extra).
"""
import argparse
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default=os.path.join(os.path.dirname(REPO), "shared"),
                    help="shared folder holding bench/anchors.py and bench/data/")
    a = ap.parse_args()
    sys.path.insert(0, os.path.join(os.path.abspath(a.data), "bench"))
    import anchors  # sets the thread counts as for every anchors.py task
    import numpy as np
    from sklearn.ensemble import HistGradientBoostingRegressor
    from sklearn.metrics import r2_score, mean_squared_error

    Xtr, Xte, ytr, yte = anchors.split(*anchors.data("regression"))
    p = dict(max_iter=100, learning_rate=0.1, max_leaf_nodes=31, early_stopping=False, random_state=0)
    f, pr, m, yp, runs = anchors.timed(lambda: HistGradientBoostingRegressor(**p), lambda m: m.fit(Xtr, ytr),
                                       lambda m: m.predict(Xte))
    anchors.emit("gbdt_regression", "sklearn.HistGradientBoostingRegressor", f, pr, "r2", anchors.r6(r2_score(yte, yp)), p,
                 rmse=anchors.r6(np.sqrt(mean_squared_error(yte, yp))), runs=runs, n_train=len(ytr), n_test=len(yte))


if __name__ == "__main__":
    main()
