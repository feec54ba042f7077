"""Reference outputs of scikit-learn 1.2.1 (NumPy 1.24, SciPy 1.10) for Fathom's scalers, power/quantile
transforms, binning, polynomial features, log and clipping transforms (issue 5, item 1).

Run from the repository root with the system Python:

    /usr/bin/python3 tests/Fathom.Tests/Preprocessing/Reference/make_transformers.py

Numbers are parsed with float_precision="round_trip" (pandas' default parser can be 1 ulp off, which moves
values that sit exactly on a bin edge). It reads samples/{iris,penguins,diabetes}.csv and writes transformers.json next to this script, in the same
shape as preprocessing.json: each case is {"names": [...], "columns": [[...], ...]} (column-major, NaN as
null); fitted statistics are {"values": [...]}. The tests never run Python; they read the JSON.
"""
import json
import os
import warnings

import numpy as np
import pandas as pd
from sklearn.preprocessing import (Binarizer, KBinsDiscretizer, MaxAbsScaler, MinMaxScaler, Normalizer,
                                   PolynomialFeatures, PowerTransformer, QuantileTransformer, RobustScaler)

warnings.simplefilter("ignore")
HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", "..", "..", ".."))
SAMPLES = os.path.join(ROOT, "samples")


def read(name):
    return pd.read_csv(os.path.join(SAMPLES, name), keep_default_na=False, na_values=[""], float_precision="round_trip")


def col_major(values):
    a = np.asarray(values, dtype=float)
    if a.ndim == 1:
        a = a[None, :]
    return [[None if np.isnan(v) else float(v) for v in a[:, j]] for j in range(a.shape[1])]


def vec(values):
    return {"values": [None if np.isnan(v) else float(v) for v in np.asarray(values, dtype=float).ravel()]}


def case(names, values):
    return {"names": [str(n) for n in names], "columns": col_major(values)}


iris = read("iris.csv").drop(columns=["target"])
peng = read("penguins.csv")[["Beak Length (mm)", "Beak Depth (mm)", "Flipper Length (mm)", "Body Mass (g)"]]
diab = read("diabetes.csv").drop(columns=["target"])
peng_full = peng.dropna()
out = {}

# ---- MinMaxScaler ------------------------------------------------------------------------------------
for label, kw, X in [("minmax_iris", {}, iris), ("minmax_peng_nan", {}, peng),
                     ("minmax_range", {"feature_range": (-2, 3)}, diab)]:
    s = MinMaxScaler(**kw).fit(X)
    out[label] = case(s.get_feature_names_out(), s.transform(X))
    out[label + "_scale"] = vec(s.scale_)
    out[label + "_min"] = vec(s.min_)
# clip: fit on the first 100 iris rows, transform all (later rows fall outside)
s = MinMaxScaler(clip=True).fit(iris.iloc[:100])
out["minmax_clip"] = case(s.get_feature_names_out(), s.transform(iris))
s = MinMaxScaler(clip=False).fit(iris.iloc[:100])
out["minmax_noclip"] = case(s.get_feature_names_out(), s.transform(iris))

# ---- RobustScaler ------------------------------------------------------------------------------------
for label, kw, X in [("robust_iris", {}, iris), ("robust_peng_nan", {}, peng),
                     ("robust_range", {"quantile_range": (10.0, 80.0)}, diab),
                     ("robust_unit", {"unit_variance": True}, diab),
                     ("robust_nocenter", {"with_centering": False}, iris),
                     ("robust_noscale", {"with_scaling": False}, iris)]:
    s = RobustScaler(**kw).fit(X)
    out[label] = case(s.get_feature_names_out(), s.transform(X))
    if s.center_ is not None:
        out[label + "_center"] = vec(s.center_)
    if s.scale_ is not None:
        out[label + "_scale"] = vec(s.scale_)

# ---- MaxAbsScaler ------------------------------------------------------------------------------------
for label, X in [("maxabs_diab", diab), ("maxabs_peng_nan", peng)]:
    s = MaxAbsScaler().fit(X)
    out[label] = case(s.get_feature_names_out(), s.transform(X))
    out[label + "_scale"] = vec(s.scale_)

# ---- Normalizer, Binarizer -----------------------------------------------------------------------------
for norm in ["l1", "l2", "max"]:
    s = Normalizer(norm=norm).fit(diab)
    out["normalizer_" + norm] = case(s.get_feature_names_out(), s.transform(diab))
s = Binarizer(threshold=0.01).fit(diab)
out["binarizer"] = case(s.get_feature_names_out(), s.transform(diab))

# ---- PowerTransformer ----------------------------------------------------------------------------------
for label, kw, X in [("power_yj_diab", {}, diab), ("power_yj_peng_nan", {}, peng),
                     ("power_bc_iris", {"method": "box-cox"}, iris),
                     ("power_bc_peng_nan", {"method": "box-cox"}, peng),
                     ("power_yj_nostd", {"standardize": False}, diab),
                     ("power_bc_nostd", {"method": "box-cox", "standardize": False}, iris)]:
    s = PowerTransformer(**kw).fit(X)
    out[label] = case(s.get_feature_names_out(), s.transform(X))
    out[label + "_lambdas"] = vec(s.lambdas_)

# ---- QuantileTransformer -------------------------------------------------------------------------------
for label, kw, X in [("quantile_uniform_diab", {"n_quantiles": 100}, diab),
                     ("quantile_normal_diab", {"n_quantiles": 100, "output_distribution": "normal"}, diab),
                     ("quantile_uniform_peng_nan", {"n_quantiles": 1000}, peng),
                     ("quantile_normal_iris", {"n_quantiles": 50, "output_distribution": "normal"}, iris)]:
    s = QuantileTransformer(**kw).fit(X)
    out[label] = case(s.get_feature_names_out(), s.transform(X))
    out[label + "_quantiles"] = case(s.get_feature_names_out(), s.quantiles_)
# new rows beyond the fitted range and between quantiles
s = QuantileTransformer(n_quantiles=30, output_distribution="normal").fit(iris.iloc[::2])
out["quantile_normal_unseen"] = case(s.get_feature_names_out(), s.transform(iris.iloc[1::2]))
s = QuantileTransformer(n_quantiles=30).fit(iris.iloc[::2])
out["quantile_uniform_unseen"] = case(s.get_feature_names_out(), s.transform(iris.iloc[1::2]))
out["quantile_uniform_unseen_inverse"] = case(s.get_feature_names_out(), s.inverse_transform(s.transform(iris.iloc[1::2])))

# ---- KBinsDiscretizer ----------------------------------------------------------------------------------
# kmeans leaves out the binary 'sex' column: with fewer distinct values than bins, k-means has empty clusters,
# which scikit-learn relocates to far points in an order Fathom does not reproduce (documented).
diab_nosex = diab.drop(columns=["sex"])
for strategy in ["uniform", "quantile", "kmeans"]:
    X = diab_nosex if strategy == "kmeans" else diab
    for encode in ["ordinal", "onehot-dense"]:
        s = KBinsDiscretizer(n_bins=4, strategy=strategy, encode=encode).fit(X)
        out[f"kbins_{strategy}_{encode}"] = case(s.get_feature_names_out(), s.transform(X))
    out[f"kbins_{strategy}_edges"] = vec(np.concatenate(s.bin_edges_))
    out[f"kbins_{strategy}_counts"] = vec(s.n_bins_)
# repeated values: quantile bins collapse (iris petal width has many ties)
s = KBinsDiscretizer(n_bins=10, strategy="quantile", encode="ordinal").fit(iris)
out["kbins_quantile_ties"] = case(s.get_feature_names_out(), s.transform(iris))
out["kbins_quantile_ties_counts"] = vec(s.n_bins_)
s = KBinsDiscretizer(n_bins=6, strategy="kmeans", encode="ordinal").fit(peng_full)
out["kbins_kmeans_peng"] = case(s.get_feature_names_out(), s.transform(peng_full))
out["kbins_kmeans_peng_edges"] = vec(np.concatenate(s.bin_edges_))

# ---- PolynomialFeatures --------------------------------------------------------------------------------
small = iris.iloc[:, :3]
for label, kw in [("poly_2", {}), ("poly_3", {"degree": 3}), ("poly_interaction", {"degree": 3, "interaction_only": True}),
                  ("poly_nobias", {"include_bias": False})]:
    s = PolynomialFeatures(**kw).fit(small)
    out[label] = case(s.get_feature_names_out(), s.transform(small))

# ---- log1p and clipping at fitted percentiles -----------------------------------------------------------
out["log1p_peng_nan"] = case(peng.columns, np.log1p(peng.to_numpy()))
lo = np.nanpercentile(peng.to_numpy(), 5, axis=0)
hi = np.nanpercentile(peng.to_numpy(), 95, axis=0)
out["winsor_peng_nan"] = case(peng.columns, np.clip(peng.to_numpy(), lo, hi))
out["winsor_peng_nan_lower"] = vec(lo)
out["winsor_peng_nan_upper"] = vec(hi)
lo = np.nanpercentile(diab.to_numpy(), 1, axis=0)
hi = np.nanpercentile(diab.to_numpy(), 90, axis=0)
out["winsor_diab"] = case(diab.columns, np.clip(diab.to_numpy(), lo, hi))

with open(os.path.join(HERE, "transformers.json"), "w") as f:
    json.dump(out, f)
print(len(out), "cases")

# ---- OrdinalEncoder (item 2) ---------------------------------------------------------------------------
from sklearn.preprocessing import OrdinalEncoder  # noqa: E402

pen = read("penguins.csv")
cats = pen[["Species", "Island", "Sex", "Flipper Length (mm)"]]
e = OrdinalEncoder().fit(cats)
out2 = {"ordinal_penguins": case(e.get_feature_names_out(), e.transform(cats))}
# unknown categories: fit on the first 200 rows, transform all; unknown -> -1
e = OrdinalEncoder(handle_unknown="use_encoded_value", unknown_value=-1, encoded_missing_value=-2).fit(cats.iloc[:200])
out2["ordinal_unknown"] = case(e.get_feature_names_out(), e.transform(cats))
with open(os.path.join(HERE, "encoders.json"), "w") as f:
    json.dump(out2, f)
print(len(out2), "encoder cases")

# ---- KNNImputer, MissingIndicator (item 3) -----------------------------------------------------------------
from sklearn.impute import KNNImputer, MissingIndicator  # noqa: E402


def holes(df, mod):
    """Cell (i, j) is blanked when (7·i + 3·j) % mod == 0 (the tests build the same holes)."""
    a = df.to_numpy(dtype=float).copy()
    for i in range(a.shape[0]):
        for j in range(a.shape[1]):
            if (7 * i + 3 * j) % mod == 0:
                a[i, j] = np.nan
    return pd.DataFrame(a, columns=df.columns)


out3 = {}
# The sample datasets hold many tied distances (iris has duplicate rows), and scikit-learn breaks ties by
# its own rounding noise; continuous random data (written to knn_data.csv) has none.
rs = np.random.RandomState(0)
knn_data = pd.DataFrame(rs.normal(size=(120, 5)) * [1, 2, 0.5, 3, 1] + [0, 1, 2, 3, 4], columns=["a", "b", "c", "d", "e"])
knn_data.to_csv(os.path.join(HERE, "knn_data.csv"), index=False, float_format="%.17g")
knn_data = pd.read_csv(os.path.join(HERE, "knn_data.csv"), float_precision="round_trip")
knn_h = holes(knn_data, 5)
knn_h2 = holes(knn_data, 3)
for label, kw, X in [("knn_uniform", {}, knn_h), ("knn_distance", {"weights": "distance"}, knn_h),
                     ("knn_3", {"n_neighbors": 3}, knn_h2), ("knn_7_distance", {"n_neighbors": 7, "weights": "distance"}, knn_h2)]:
    imp = KNNImputer(**kw).fit(X)
    out3[label] = case(imp.get_feature_names_out(), imp.transform(X))
# fit on the first 60 rows, transform the rest
imp = KNNImputer(n_neighbors=4).fit(knn_h.iloc[:60])
out3["knn_unseen"] = case(imp.get_feature_names_out(), imp.transform(knn_h.iloc[60:]))
# IterativeImputer with Ridge (Fathom's default estimator; scikit-learn's default BayesianRidge is not in Fathom)
from sklearn.experimental import enable_iterative_imputer  # noqa: E402,F401
from sklearn.impute import IterativeImputer  # noqa: E402
from sklearn.linear_model import Ridge  # noqa: E402

for label, kw, X in [("iterative_ridge", {}, knn_h2), ("iterative_ridge_3", {"max_iter": 3}, knn_h),
                     ("iterative_clip", {"min_value": 0.0, "max_value": 5.0}, knn_h2)]:
    it = IterativeImputer(estimator=Ridge(), **kw).fit(X)
    out3[label] = case(it.get_feature_names_out(), it.transform(X))
    out3[label + "_n_iter"] = vec([it.n_iter_])
it = IterativeImputer(estimator=Ridge()).fit(knn_h2.iloc[:80])
out3["iterative_unseen"] = case(it.get_feature_names_out(), it.transform(knn_h2.iloc[80:]))
peng_h = peng.copy()
peng_h.iloc[5:8, 1] = np.nan
mi = MissingIndicator().fit(peng_h)
out3["indicator_missing_only"] = case(mi.get_feature_names_out(), mi.transform(peng_h))
mi = MissingIndicator(features="all").fit(peng_h)
out3["indicator_all"] = case(mi.get_feature_names_out(), mi.transform(peng_h))
with open(os.path.join(HERE, "imputers.json"), "w") as f:
    json.dump(out3, f)
print(len(out3), "imputer cases")

# ---- FeatureUnion (item 4; written to ../../Compose/Reference/union.json) -----------------------------------
from sklearn.pipeline import FeatureUnion  # noqa: E402
from sklearn.preprocessing import StandardScaler  # noqa: E402

u = FeatureUnion([("std", StandardScaler()), ("minmax", MinMaxScaler()), ("missing", MissingIndicator())]).fit(peng_h)
union = {"union_penguins": case(u.get_feature_names_out(), u.transform(peng_h))}
with open(os.path.join(HERE, "..", "..", "Compose", "Reference", "union.json"), "w") as f:
    json.dump(union, f)

# ---- OneHotEncoder infrequent categories (item 2; appended to encoders.json) ---------------------------------
from sklearn.preprocessing import OneHotEncoder  # noqa: E402

pen_full = read("penguins.csv").dropna().reset_index(drop=True)
oh_cols = pen_full[["Species", "Island", "Sex", "Flipper Length (mm)"]]
with open(os.path.join(HERE, "encoders.json")) as f:
    out2 = json.load(f)
for label, kw in [("onehot_minfreq_20", {"min_frequency": 20}), ("onehot_minfreq_frac", {"min_frequency": 0.05}),
                  ("onehot_maxcat_3", {"max_categories": 3}), ("onehot_both", {"min_frequency": 10, "max_categories": 4})]:
    e = OneHotEncoder(sparse_output=False, handle_unknown="infrequent_if_exist", **kw).fit(oh_cols)
    out2[label] = case(e.get_feature_names_out(), e.transform(oh_cols))
# unknown categories go to the infrequent column: fit on the first 150 complete rows
e = OneHotEncoder(sparse_output=False, handle_unknown="infrequent_if_exist", min_frequency=5).fit(oh_cols.iloc[:150])
out2["onehot_unknown_to_infrequent"] = case(e.get_feature_names_out(), e.transform(oh_cols))
with open(os.path.join(HERE, "encoders.json"), "w") as f:
    json.dump(out2, f)
