"""Reference numbers for OrdinaryLeastSquares, VarianceInflation and StepwiseSelection.

Made with /usr/bin/python3 (statsmodels 0.13.5, scipy 1.10.1, numpy 1.24) from samples/diabetes.csv:
    /usr/bin/python3 tests/Fathom.Tests/Linear/Reference/make_ols_reference.py
Writes ols_reference.json beside this script.
"""
import json, os
import numpy as np
import pandas as pd
import statsmodels.api as sm
from statsmodels.stats.outliers_influence import variance_inflation_factor
from statsmodels.stats.stattools import durbin_watson, jarque_bera, omni_normtest

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.abspath(os.path.join(here, "../../../.."))
df = pd.read_csv(os.path.join(root, "samples", "diabetes.csv"))
X = df.drop(columns="target").to_numpy()
y = df["target"].to_numpy()

def summary(res, resid):
    ci = res.conf_int(0.05)
    omni, omnip = omni_normtest(resid)
    jb, jbp, skew, kurt = jarque_bera(resid)
    return {
        "params": res.params.tolist(), "bse": res.bse.tolist(), "tvalues": res.tvalues.tolist(),
        "pvalues": res.pvalues.tolist(), "ci_lower": ci[:, 0].tolist(), "ci_upper": ci[:, 1].tolist(),
        "rsquared": res.rsquared, "rsquared_adj": res.rsquared_adj, "fvalue": float(res.fvalue),
        "f_pvalue": float(res.f_pvalue), "llf": res.llf, "aic": res.aic, "bic": res.bic,
        "scale": res.scale, "df_model": res.df_model, "df_resid": res.df_resid, "nobs": res.nobs,
        "omnibus": omni, "omnibus_p": omnip, "jarque_bera": jb, "jarque_bera_p": jbp,
        "skew": skew, "kurtosis": kurt, "durbin_watson": durbin_watson(resid),
        "condition_number": res.condition_number,
    }

out = {}
res = sm.OLS(y, sm.add_constant(X)).fit()
out["ols"] = summary(res, res.resid)
# no intercept: the uncentred R² and F
res0 = sm.OLS(y, X).fit()
out["ols_no_intercept"] = summary(res0, res0.resid)
# weighted least squares with weights 1 + (row index mod 3)
w = 1.0 + (np.arange(len(y)) % 3)
resw = sm.WLS(y, sm.add_constant(X), weights=w).fit()
out["wls"] = summary(resw, resw.wresid)
out["wls_weights"] = "1 + (row index mod 3)"
# 90 % intervals
ci90 = res.conf_int(0.10)
out["ci90_lower"] = ci90[:, 0].tolist(); out["ci90_upper"] = ci90[:, 1].tolist()
# variance inflation factors of the ten features (with a constant in the design)
Xc = sm.add_constant(X)
out["vif"] = [variance_inflation_factor(Xc, j + 1) for j in range(X.shape[1])]

# greedy stepwise by AIC/BIC with statsmodels' OLS (ties: lower column index first)
def crit(cols, kind):
    design = sm.add_constant(X[:, cols]) if cols else np.ones((len(y), 1))
    r = sm.OLS(y, design).fit()
    return r.aic if kind == "aic" else r.bic

def stepwise(direction, kind):
    cur = [] if direction == "forward" else list(range(X.shape[1]))
    best = crit(cur, kind); steps = []
    while True:
        cand = [c for c in range(X.shape[1]) if c not in cur] if direction == "forward" else list(cur)
        bc, bs = -1, best
        for c in cand:
            trial = sorted(cur + [c]) if direction == "forward" else [k for k in cur if k != c]
            s = crit(trial, kind)
            if s < bs: bs, bc = s, c
        if bc < 0: break
        cur = sorted(cur + [bc]) if direction == "forward" else [k for k in cur if k != bc]
        best = bs; steps.append([bc, bs])
    return {"selected": cur, "criterion": best, "steps": steps}

for d in ("forward", "backward"):
    for k in ("aic", "bic"):
        out[f"stepwise_{d}_{k}"] = stepwise(d, k)

with open(os.path.join(here, "ols_reference.json"), "w") as f:
    json.dump(out, f, indent=1)
