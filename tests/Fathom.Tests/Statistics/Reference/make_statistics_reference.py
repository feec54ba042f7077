"""Reference values for Fathom.Statistics (special functions, distributions, normality tests).

Made with /usr/bin/python3 (scipy 1.10.1, numpy 1.24, mpmath for the t quantiles):
    /usr/bin/python3 tests/Fathom.Tests/Statistics/Reference/make_statistics_reference.py
Writes statistics_reference.json beside this script.
"""
import json, os
import numpy as np
from scipy import special, stats

here = os.path.dirname(os.path.abspath(__file__))
out = {}
xs = [0.001, 0.1, 0.5, 1.0, 1.5, 2.5, 7.3, 20.0, 171.5, 1234.5]
out["gammaln"] = [[x, float(special.gammaln(x))] for x in xs]
out["gammainc"] = [[a, x, float(special.gammainc(a, x)), float(special.gammaincc(a, x))]
                   for a in (0.5, 1.0, 3.7, 50.0) for x in (0.01, 0.9, 4.0, 60.0)]
out["betainc"] = [[a, b, x, float(special.betainc(a, b, x))]
                  for a in (0.5, 2.0, 35.5, 400.0) for b in (0.5, 1.0, 7.0) for x in (0.001, 0.3, 0.75, 0.999)]
out["erfc"] = [[x, float(special.erfc(x))] for x in (-3.0, -0.4, 0.0, 0.2, 1.1, 4.5, 9.0)]
out["norm"] = [[x, float(stats.norm.cdf(x)), float(stats.norm.sf(x))] for x in (-8.0, -1.96, 0.0, 0.3, 2.5, 6.0)]
out["norm_ppf"] = [[p, float(stats.norm.ppf(p))] for p in (1e-10, 0.025, 0.3, 0.5, 0.8, 0.975, 0.999999)]
out["t"] = [[t, df, float(stats.t.cdf(t, df)), float(stats.t.sf(t, df))]
            for df in (1.0, 2.5, 10.0, 431.0) for t in (-4.0, -0.7, 0.0, 1.3, 2.2, 12.0)]
# SciPy's t quantile is only good to ~1e-9 (stdtrit); these are solved with mpmath at 30 digits instead.
import mpmath
mpmath.mp.dps = 30
def t_ppf(p, df):
    if p == 0.5:
        return 0.0
    tail = min(p, 1 - p)
    f = lambda t: mpmath.betainc(df / 2, 0.5, 0, df / (df + t * t), regularized=True) / 2 - tail
    t = mpmath.findroot(f, float(abs(stats.t.ppf(tail, df))))
    return float(t if p > 0.5 else -t)
out["t_ppf"] = [[p, df, t_ppf(p, df)] for df in (1.0, 3.0, 20.0, 431.0) for p in (0.005, 0.5, 0.9, 0.975)]
out["f"] = [[f, d1, d2, float(stats.f.cdf(f, d1, d2)), float(stats.f.sf(f, d1, d2))]
            for (d1, d2) in ((1, 1), (3, 12), (10, 431), (40.5, 7)) for f in (0.05, 0.8, 2.4, 46.3)]
out["f_ppf"] = [[p, d1, d2, float(stats.f.ppf(p, d1, d2))] for (d1, d2) in ((3, 12), (10, 431)) for p in (0.05, 0.5, 0.95)]
out["chi2"] = [[x, k, float(stats.chi2.cdf(x, k)), float(stats.chi2.sf(x, k))]
               for k in (1, 2, 7.5, 100) for x in (0.01, 1.5, 9.0, 130.0)]
out["chi2_ppf"] = [[p, k, float(stats.chi2.ppf(p, k))] for k in (1, 2, 30) for p in (0.01, 0.5, 0.95)]
rng = np.random.default_rng(7)
sample = np.round(rng.gamma(2.0, 1.5, 60), 6)
out["sample"] = sample.tolist()
out["skew"] = float(stats.skew(sample))
out["kurtosis"] = float(stats.kurtosis(sample, fisher=False))
out["skewtest"] = list(map(float, stats.skewtest(sample)))
out["kurtosistest"] = list(map(float, stats.kurtosistest(sample)))
out["normaltest"] = list(map(float, stats.normaltest(sample)))
out["jarque_bera"] = list(map(float, stats.jarque_bera(sample)))
with open(os.path.join(here, "statistics_reference.json"), "w") as f:
    json.dump(out, f, indent=1)
