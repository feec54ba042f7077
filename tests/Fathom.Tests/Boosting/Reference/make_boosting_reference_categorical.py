#!/usr/bin/python3
"""Reference predictions for the categorical-split tests, scikit-learn 1.2.1.

    cd tests/Fathom.Tests/Boosting/Reference && /usr/bin/python3 make_boosting_reference_categorical.py

samples/penguins.csv with Species, Island, Sex ordinal-encoded (codes = rank of the string, NaN for missing) and
written to penguins_encoded.csv (columns: species, island, sex, beak_length, beak_depth, flipper_length, body_mass).
Regression of body_mass on the other six with categorical_features=[0, 1, 2], and classification of species
(codes) on island (categorical) and the four measurements; early_stopping=False, random_state=0,
train_test_split(test_size=0.25, random_state=0) on the rows with a known target. Test predictions after 1, 2, 3 and
100 iterations (raw scores for the classifier).
"""
import json
import os

import numpy as np
import pandas as pd
import sklearn
from sklearn.ensemble import HistGradientBoostingClassifier, HistGradientBoostingRegressor
from sklearn.metrics import accuracy_score, r2_score
from sklearn.model_selection import train_test_split

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", "..", "..", ".."))
df = pd.read_csv(os.path.join(ROOT, "samples", "penguins.csv"))
enc = pd.DataFrame()
for src, dst in (("Species", "species"), ("Island", "island"), ("Sex", "sex")):
    cats = sorted(df[src].dropna().unique())
    enc[dst] = df[src].map({c: float(i) for i, c in enumerate(cats)})
for src, dst in (("Beak Length (mm)", "beak_length"), ("Beak Depth (mm)", "beak_depth"),
                 ("Flipper Length (mm)", "flipper_length"), ("Body Mass (g)", "body_mass")):
    enc[dst] = pd.to_numeric(df[src], errors="coerce")
enc.to_csv(os.path.join(HERE, "penguins_encoded.csv"), index=False, na_rep="")
P = dict(early_stopping=False, random_state=0)
out = {"sklearn": sklearn.__version__}

rows = np.flatnonzero(enc["body_mass"].notna().to_numpy())
X = enc.drop(columns="body_mass").to_numpy()[rows]
y = enc["body_mass"].to_numpy()[rows]
tr, te = train_test_split(np.arange(len(y)), test_size=0.25, random_state=0)
res = {"rows": rows.tolist(), "test": te.tolist()}
for it in (1, 2, 3, 100):
    m = HistGradientBoostingRegressor(max_iter=it, categorical_features=[0, 1, 2], **P).fit(X[tr], y[tr])
    res[str(it)] = m.predict(X[te]).tolist()
res["r2"] = r2_score(y[te], res["100"])
out["regression"] = res

rows = np.flatnonzero(enc["species"].notna().to_numpy())
X = enc[["island", "beak_length", "beak_depth", "flipper_length", "body_mass"]].to_numpy()[rows]
y = enc["species"].to_numpy()[rows].astype(int)
tr, te = train_test_split(np.arange(len(y)), test_size=0.25, random_state=0)
res = {"rows": rows.tolist(), "test": te.tolist()}
for it in (1, 2, 3):
    m = HistGradientBoostingClassifier(max_iter=it, categorical_features=[0], **P).fit(X[tr], y[tr])
    res[str(it)] = m._raw_predict(X[te]).tolist()  # (n_samples, n_classes)
m = HistGradientBoostingClassifier(max_iter=100, categorical_features=[0], **P).fit(X[tr], y[tr])
res["accuracy"] = accuracy_score(y[te], m.predict(X[te]))
out["classification"] = res
with open(os.path.join(HERE, "boosting_reference_categorical.json"), "w") as f:
    json.dump(out, f)
print(out["regression"]["r2"], out["classification"]["accuracy"])
