"""Reference outputs of scikit-learn 1.2.1 / pandas 1.5.3 transformers for Fathom's Preprocessing and Compose tests.

Run from the repository root with the system Python (which has sklearn 1.2.1 and pandas):

    /usr/bin/python3 tests/Fathom.Tests/Preprocessing/Reference/make_reference.py

It reads samples/{iris,penguins,cars}.csv (copies of the shared datasets; only an empty field is missing, so
penguins' literal "." in Sex stays a category), writes datetimes.csv (a small hand-made table with times of
day) next to this script, and writes preprocessing.json here and ../../Compose/Reference/compose.json.
Each case is {"names": [...], "columns": [[...], ...]} (column-major, NaN as null); scalars/statistics are
stored as {"values": [...]}. The tests never run Python; they read these files.
"""
import json
import os

import numpy as np
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.impute import SimpleImputer
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import FunctionTransformer, OneHotEncoder, StandardScaler

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", "..", "..", ".."))
SAMPLES = os.path.join(ROOT, "samples")


def read(name, dates=()):
    return pd.read_csv(os.path.join(SAMPLES, name), keep_default_na=False, na_values=[""], parse_dates=list(dates))


def col_major(values):
    a = np.asarray(values, dtype=float)
    if a.ndim == 1:
        a = a[None, :]
    return [[None if np.isnan(v) else float(v) for v in a[:, j]] for j in range(a.shape[1])]


def vec(values):
    return {"values": [None if np.isnan(v) else float(v) for v in np.asarray(values, dtype=float)]}


def case(names, values):
    return {"names": [str(n) for n in names], "columns": col_major(values)}


iris = read("iris.csv")
penguins = read("penguins.csv")
cars = read("cars.csv", dates=["Year"])
iris_num = iris.drop(columns=["target"])
peng_num = penguins[["Beak Length (mm)", "Beak Depth (mm)", "Flipper Length (mm)", "Body Mass (g)"]]
peng_txt = penguins[["Species", "Island", "Sex"]]

out = {}

# ---- StandardScaler -------------------------------------------------------------------------------
weights = np.array([(i % 5) * 0.5 + 0.25 for i in range(len(iris))])
for label, kwargs, fit_kw, X in [
    ("scaler_iris", {}, {}, iris_num),
    ("scaler_iris_weighted", {}, {"sample_weight": weights}, iris_num),
    ("scaler_iris_no_mean", {"with_mean": False}, {}, iris_num),
    ("scaler_iris_no_std", {"with_std": False}, {}, iris_num),
    ("scaler_penguins_nan", {}, {}, peng_num),
]:
    s = StandardScaler(**kwargs).fit(X, **fit_kw)
    out[label] = case(s.get_feature_names_out(), s.transform(X))
    for attr in ["mean_", "var_", "scale_"]:
        if getattr(s, attr) is not None:
            out[label + "_" + attr[:-1]] = vec(getattr(s, attr))

# constant column gets scale 1
const = pd.DataFrame({"c": [3.0] * 7, "v": [1.0, 2, 3, 4, 5, 6, 8]})
s = StandardScaler().fit(const)
out["scaler_constant"] = case(s.get_feature_names_out(), s.transform(const))
out["scaler_constant_scale"] = vec(s.scale_)

# ---- SimpleImputer ---------------------------------------------------------------------------------
for strategy in ["mean", "median", "most_frequent", "constant"]:
    kw = {"fill_value": -1.5} if strategy == "constant" else {}
    imp = SimpleImputer(strategy=strategy, **kw).fit(peng_num)
    out[f"imputer_num_{strategy}"] = case(imp.get_feature_names_out(), imp.transform(peng_num))
    out[f"imputer_num_{strategy}_stats"] = vec(imp.statistics_)
for strategy in ["most_frequent", "constant"]:
    imp = SimpleImputer(strategy=strategy, missing_values=np.nan).fit(peng_txt.astype(object))
    res = imp.transform(peng_txt.astype(object))
    out[f"imputer_text_{strategy}"] = {
        "names": list(imp.get_feature_names_out()),
        "text": [[None if v is None else str(v) for v in res[:, j]] for j in range(res.shape[1])],
        "stats": [str(v) for v in imp.statistics_],
    }
# ties: smallest value wins
ties = pd.DataFrame({"a": [3.0, 1.0, 3.0, 1.0, np.nan, 2.0], "b": [5.0, 5.0, 4.0, 4.0, 9.0, np.nan]})
imp = SimpleImputer(strategy="most_frequent").fit(ties)
out["imputer_ties_stats"] = vec(imp.statistics_)
tt = pd.DataFrame({"t": ["b", "a", "b", "a", None, "c"]}).astype(object)
imp = SimpleImputer(strategy="most_frequent").fit(tt)
out["imputer_text_ties_stats"] = {"stats": [str(v) for v in imp.statistics_]}

# ---- OneHotEncoder ---------------------------------------------------------------------------------
peng_txt_filled = SimpleImputer(strategy="most_frequent").fit_transform(peng_txt.astype(object))
peng_txt_filled = pd.DataFrame(peng_txt_filled, columns=peng_txt.columns)
for drop in [None, "first", "if_binary"]:
    enc = OneHotEncoder(drop=drop, sparse_output=False, handle_unknown="error").fit(peng_txt_filled)
    out[f"onehot_penguins_{drop}"] = case(enc.get_feature_names_out(), enc.transform(peng_txt_filled))
# raw Sex with missing values: sklearn adds a "nan" category; Fathom does not (missing -> all zeros).
raw_sex = penguins[["Sex"]].astype(object)
enc = OneHotEncoder(sparse_output=False, handle_unknown="ignore").fit(raw_sex)
names = list(enc.get_feature_names_out())
vals = enc.transform(raw_sex)
keep = [j for j, n in enumerate(names) if n != "Sex_nan"]
out["onehot_sex_missing"] = case([names[j] for j in keep], vals[:, keep])
# numeric + text columns of cars (Cylinders is int64, so names are like Cylinders_8)
cars_cat = cars[["Cylinders", "Origin"]]
enc = OneHotEncoder(sparse_output=False).fit(cars_cat)
out["onehot_cars"] = case(enc.get_feature_names_out(), enc.transform(cars_cat))

# ---- DateTimeFeatures (pandas .dt accessors) -------------------------------------------------------
def dt_features(s, with_time):
    cols = [s.dt.year, s.dt.month, s.dt.day, s.dt.dayofweek, s.dt.dayofyear]
    names = ["year", "month", "day", "day_of_week", "day_of_year"]
    if with_time:
        cols += [s.dt.hour, s.dt.minute]
        names += ["hour", "minute"]
    return [f"{s.name}_{n}" for n in names], np.column_stack([c.astype(float) for c in cols])


n, v = dt_features(cars["Year"], False)
out["dates_cars"] = case(n, v)
dts = pd.DataFrame({
    "when": ["2020-02-29 13:45:00", "2021-12-31 23:59:00", "", "1999-01-04 00:00:00", "2024-07-14 06:05:30", "2000-03-01 12:00:00"],
    "day": ["2020-02-29", "2021-12-31", "2022-01-02", "", "2024-07-14", "2000-03-01"],
})
dts.to_csv(os.path.join(HERE, "datetimes.csv"), index=False)
dts = pd.read_csv(os.path.join(HERE, "datetimes.csv"), keep_default_na=False, na_values=[""], parse_dates=["when", "day"])
n1, v1 = dt_features(dts["when"], True)
n2, v2 = dt_features(dts["day"], False)
out["dates_synthetic"] = case(n1 + n2, np.column_stack([v1, v2]))

with open(os.path.join(HERE, "preprocessing.json"), "w") as f:
    json.dump(out, f, separators=(",", ":"))

# ---- Compose: the command line's default preprocessing ----------------------------------------------
def date_feats(X):
    parts = []
    for c in X.columns:
        s = pd.to_datetime(X[c])
        parts.append(np.column_stack([s.dt.year, s.dt.month, s.dt.day, s.dt.dayofweek, s.dt.dayofyear]).astype(float))
    return np.column_stack(parts)


def cli_preprocessing(num, cat, date):
    branches = []
    if num:
        branches.append(("num", Pipeline([("impute", SimpleImputer(strategy="median")), ("scale", StandardScaler())]), num))
    if cat:
        branches.append(("cat", Pipeline([("impute", SimpleImputer(strategy="most_frequent")),
                                          ("onehot", OneHotEncoder(handle_unknown="ignore", sparse_output=False))]), cat))
    if date:
        branches.append(("date", Pipeline([("features", FunctionTransformer(date_feats)),
                                           ("impute", SimpleImputer(strategy="median")), ("scale", StandardScaler())]), date))
    return ColumnTransformer(branches)


comp = {}
Xp = penguins.drop(columns=["Species"])
ct = cli_preprocessing(list(peng_num.columns), ["Island", "Sex"], [])
res = ct.fit_transform(Xp.astype({"Island": object, "Sex": object}))
comp["cli_penguins"] = case(ct.get_feature_names_out(), res)
Xc = cars.drop(columns=["Miles_per_Gallon", "Name"])  # Name (311 distinct) left out to keep the file small
ct = cli_preprocessing(["Cylinders", "Displacement", "Horsepower", "Weight_in_lbs", "Acceleration"], ["Origin"], ["Year"])
res = ct.fit_transform(Xc)
comp["cli_cars"] = {"columns": col_major(res)}
# Transform of unseen rows: fit on the first 300 cars, transform the rest (unknown names -> zeros).
ct = cli_preprocessing(["Cylinders", "Displacement", "Horsepower", "Weight_in_lbs", "Acceleration"], ["Origin"], ["Year"])
ct.fit(Xc.iloc[:300])
comp["cli_cars_holdout"] = {"columns": col_major(ct.transform(Xc.iloc[300:]))}
# passthrough remainder, non-verbose names
ct = ColumnTransformer([("scale", StandardScaler(), ["Weight_in_lbs"])], remainder="passthrough", verbose_feature_names_out=False)
res = ct.fit_transform(cars[["Cylinders", "Weight_in_lbs", "Acceleration"]])
comp["passthrough"] = case(ct.get_feature_names_out(), res)

with open(os.path.join(ROOT, "tests", "Fathom.Tests", "Compose", "Reference", "compose.json"), "w") as f:
    json.dump(comp, f, separators=(",", ":"))
print("wrote", len(out), "preprocessing cases and", len(comp), "compose cases")
