"""Reference numbers for DataFrameDescription tests.

Run from the repository root with Debian's pandas (1.5.3):
    /usr/bin/python3 tests/Fathom.Tests/Data/Reference/make_describe.py
Writes describe_<name>.json next to this script: pandas' DataFrame.describe(include="all") of
samples/<name>.csv read with pandas.read_csv defaults, plus each column's missing count.
"""
import json
import math
import os

import pandas as pd

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.abspath(os.path.join(here, "..", "..", "..", ".."))


def clean(v):
    if v is None:
        return None
    if isinstance(v, float) and math.isnan(v):
        return None
    if hasattr(v, "item"):
        v = v.item()
    return v


for name in ("iris", "penguins"):
    df = pd.read_csv(os.path.join(root, "samples", name + ".csv"))
    d = df.describe(include="all")
    out = {"pandas": pd.__version__, "columns": {}}
    for col in df.columns:
        stats = {k: clean(d.at[k, col]) for k in d.index}
        stats["missing"] = int(df[col].isna().sum())
        out["columns"][col] = stats
    with open(os.path.join(here, f"describe_{name}.json"), "w") as f:
        json.dump(out, f, indent=1, sort_keys=True)
    print(name, "ok")
