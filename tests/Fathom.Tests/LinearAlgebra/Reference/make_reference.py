"""Generates linalg_reference.json for Fathom.Tests.LinearAlgebra.

Run from this folder:  /usr/bin/python3 make_reference.py
Uses numpy.linalg / scipy.linalg (LAPACK) as the independent answer. Inputs are stored too, so the tests
never need Python.
"""
import json
import numpy as np
import scipy.linalg as sl

rng = np.random.default_rng(20261101)
out = {"numpy": np.__version__}

# Full-rank tall least squares, 2 right-hand sides.
a = rng.standard_normal((9, 4)); b = rng.standard_normal((9, 2))
x, res, rank, sv = np.linalg.lstsq(a, b, rcond=None)
out["lstsq_full"] = dict(a=a.tolist(), b=b.tolist(), x=x.tolist(), rank=int(rank), rss=res.tolist())

# Rank-deficient: column 3 = column 0 + 2*column 1, column 4 = column 2 (rank 3 of 5).
a = rng.standard_normal((8, 5)); a[:, 3] = a[:, 0] + 2 * a[:, 1]; a[:, 4] = a[:, 2]
b = rng.standard_normal((8, 2))
x, res, rank, sv = np.linalg.lstsq(a, b, rcond=None)
out["lstsq_deficient"] = dict(a=a.tolist(), b=b.tolist(), x=x.tolist(), rank=int(rank))

# Underdetermined (wide): minimum-norm solution.
a = rng.standard_normal((3, 6)); b = rng.standard_normal((3, 1))
x, res, rank, sv = np.linalg.lstsq(a, b, rcond=None)
out["lstsq_wide"] = dict(a=a.tolist(), b=b.tolist(), x=x.tolist(), rank=int(rank))

# Cholesky of an SPD matrix and a solve.
g = rng.standard_normal((6, 6)); spd = g @ g.T + 6 * np.eye(6); rhs = rng.standard_normal(6)
out["cholesky"] = dict(a=spd.tolist(), l=np.linalg.cholesky(spd).tolist(), b=rhs.tolist(),
                       x=sl.cho_solve(sl.cho_factor(spd, lower=True), rhs).tolist(),
                       logdet=float(np.linalg.slogdet(spd)[1]))

# Thin SVD of tall, wide and square matrices (singular values; vectors compared by reconstruction/|dot|).
for name, shape in (("svd_tall", (12, 5)), ("svd_wide", (4, 9)), ("svd_square", (7, 7))):
    a = rng.standard_normal(shape)
    u, s, vt = np.linalg.svd(a, full_matrices=False)
    out[name] = dict(a=a.tolist(), s=s.tolist(), u=u.tolist(), vt=vt.tolist())

# Symmetric eigen (ascending, like eigh).
g = rng.standard_normal((8, 8)); sym = (g + g.T) / 2
w, v = np.linalg.eigh(sym)
out["eigh"] = dict(a=sym.tolist(), w=w.tolist(), v=v.tolist())

with open("linalg_reference.json", "w") as f:
    json.dump(out, f, indent=1)
print("wrote linalg_reference.json")
