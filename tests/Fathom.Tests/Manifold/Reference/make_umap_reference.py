#!/usr/bin/python3
"""Reference a, b of UMAP's output kernel 1 / (1 + a d^(2b)), made with scipy 1.10.1 (/usr/bin/python3).

    cd tests/Fathom.Tests/Manifold/Reference && /usr/bin/python3 make_umap_reference.py

umap-learn is not installed here; this is the fit umap-learn's find_ab_params documents: scipy.optimize.curve_fit
of 1 / (1 + a x^(2b)) to y = 1 for x < min_dist, exp(-(x - min_dist) / spread) otherwise, on
x = linspace(0, 3 spread, 300), from a = b = 1. Writes umap_curve.json: [{min_dist, spread, a, b, sse}].
"""
import json
import os

import numpy as np
from scipy.optimize import curve_fit

out = []
for min_dist, spread in [(0.1, 1.0), (0.0, 1.0), (0.5, 1.0), (0.25, 2.0), (0.01, 0.5)]:
    def curve(x, a, b):
        return 1.0 / (1.0 + a * x ** (2 * b))
    xv = np.linspace(0, spread * 3, 300)
    yv = np.zeros(xv.shape)
    yv[xv < min_dist] = 1.0
    yv[xv >= min_dist] = np.exp(-(xv[xv >= min_dist] - min_dist) / spread)
    params, _ = curve_fit(curve, xv, yv, xtol=1e-14, ftol=1e-14, gtol=1e-14, maxfev=100000)
    sse = float(np.sum((curve(xv, *params) - yv) ** 2))
    out.append({"min_dist": min_dist, "spread": spread, "a": float(params[0]), "b": float(params[1]), "sse": sse})
with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "umap_curve.json"), "w") as f:
    json.dump(out, f, indent=1)
print(out)
