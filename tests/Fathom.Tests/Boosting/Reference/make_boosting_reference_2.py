#!/usr/bin/python3
"""Reference predictions for the newer GradientBoostingTests (losses, monotonic constraints), scikit-learn 1.2.1.

    cd tests/Fathom.Tests/Boosting/Reference && /usr/bin/python3 make_boosting_reference_2.py

HistGradientBoostingRegressor on samples/diabetes.csv with early_stopping=False, random_state=0 and the split of
make_boosting_reference.py (train_test_split(test_size=0.25, random_state=0)). For each case: raw predictions of
all test rows after 1, 2, 3 and 100 iterations, and the test metric after 100.
"""
import json
import os

import numpy as np
import pandas as pd
import sklearn
from sklearn.ensemble import HistGradientBoostingRegressor
from sklearn.metrics import mean_absolute_error, mean_pinball_loss, r2_score
from sklearn.model_selection import train_test_split

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", "..", ".."))
df = pd.read_csv(os.path.join(ROOT, "samples", "diabetes.csv"))
y = df.pop("target").to_numpy(dtype=np.float64)
X = df.to_numpy(dtype=np.float64)
tr, te = train_test_split(np.arange(len(y)), test_size=0.25, random_state=0)
P = dict(early_stopping=False, random_state=0)
cst = [0] * X.shape[1]
cst[2], cst[3] = 1, 1  # bmi, bp increasing
cases = {
    "absolute_error": dict(loss="absolute_error"),
    "quantile_0.9": dict(loss="quantile", quantile=0.9),
    "quantile_0.25": dict(loss="quantile", quantile=0.25),
    "monotonic": dict(monotonic_cst=cst),
    "monotonic_neg": dict(monotonic_cst=[-c for c in cst]),
}
out = {"sklearn": sklearn.__version__, "test_rows": [int(i) for i in te], "monotonic_cst": cst}
for name, kw in cases.items():
    res = {}
    for it in (1, 2, 3, 100):
        m = HistGradientBoostingRegressor(max_iter=it, **kw, **P).fit(X[tr], y[tr])
        res[str(it)] = m.predict(X[te]).tolist()
    p = np.array(res["100"])
    res["r2"] = r2_score(y[te], p)
    res["mae"] = mean_absolute_error(y[te], p)
    if kw.get("loss") == "quantile":
        res["pinball"] = mean_pinball_loss(y[te], p, alpha=kw["quantile"])
    out[name] = res
with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "boosting_reference_2.json"), "w") as f:
    json.dump(out, f)
print({k: {kk: vv for kk, vv in v.items() if kk in ("r2", "mae", "pinball")} for k, v in out.items() if isinstance(v, dict)})
