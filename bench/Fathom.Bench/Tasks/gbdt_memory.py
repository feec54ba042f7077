#!/usr/bin/python3
"""Peak memory of the gbdt fit for scikit-learn's HistGradientBoostingClassifier and XGBoost's hist, measured the way
GbdtTask.cs measures Fathom's: load the data as anchors.py does, reset the process's peak resident set
(/proc/self/clear_refs = 5), fit once, and report VmHWM − VmRSS(before). One system per process (allocators keep
freed memory), so run:

    /usr/bin/python3 bench/Fathom.Bench/Tasks/gbdt_memory.py sklearn
    /usr/bin/python3 bench/Fathom.Bench/Tasks/gbdt_memory.py xgboost
"""
import gc
import json
import os
import sys
import time

sys.path.insert(0, os.environ.get("ANCHORS_DIR", "/work/shared/bench"))
import anchors  # noqa: E402


def status(key):
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith(key):
                return int(line.split()[1]) * 1024
    return -1


def main(system):
    Xtr, Xte, ytr, yte = anchors.split(*anchors.data("higgs_like"))
    if system == "sklearn":
        from sklearn.ensemble import HistGradientBoostingClassifier
        m = HistGradientBoostingClassifier(max_iter=100, learning_rate=0.1, max_leaf_nodes=31, early_stopping=False, random_state=0)
    else:
        import xgboost as xgb
        m = xgb.XGBClassifier(tree_method="hist", n_estimators=100, max_depth=0, max_leaves=31, grow_policy="lossguide",
                              learning_rate=0.1, n_jobs=os.cpu_count(), random_state=0)
    gc.collect()
    with open("/proc/self/clear_refs", "w") as f:
        f.write("5")
    rss = status("VmRSS:")
    t = time.perf_counter()
    m.fit(Xtr, ytr)
    fit_s = time.perf_counter() - t
    peak = status("VmHWM:") - rss
    print(json.dumps({"task": "gbdt_memory", "system": system, "fit_s": round(fit_s, 3), "fit_peak_rss_mb": round(peak / 1e6, 1),
                      "train_dtype": str(Xtr.dtype), "train_mb": round(Xtr.nbytes / 1e6, 1),
                      "train_float64_mb": round(Xtr.shape[0] * Xtr.shape[1] * 8 / 1e6, 1)}))


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "sklearn")
