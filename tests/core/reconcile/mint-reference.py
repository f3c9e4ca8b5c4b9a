"""Independent reference numbers for tests/core/reconcile/mint.test.ts.

A line-by-line transliteration into numpy of R's hts (R/MinT.R: lowerD, shrink.estim) and of the dense
path of fabletools (R/reconciliation.R, forecast.lst_mint_mdl: R <- t(S) %*% solve(W); P <- solve(R %*% S) %*% R),
which inverts W: a different algebra from src/core/reconcile/mint.ts (constraints, Cholesky, no inverse).
Run: python3 tests/core/reconcile/mint-reference.py
"""
import numpy as np

np.set_printoptions(precision=17)


def shrink_estim(x):
    n = x.shape[0]
    covm = x.T @ x / n
    tar = np.diag(np.diag(covm))
    sd = np.sqrt(np.diag(covm))
    corm = covm / np.outer(sd, sd)
    xs = x / sd
    v = (1 / (n * (n - 1))) * ((xs**2).T @ (xs**2) - 1 / n * (xs.T @ xs) ** 2)
    np.fill_diagonal(v, 0)
    corapn = np.eye(len(sd))
    d = (corm - corapn) ** 2
    lam = v.sum() / d.sum()
    lam = max(min(lam, 1), 0)
    return lam * tar + (1 - lam) * covm, lam, covm


def reconcile(S, W, yhat):
    R = S.T @ np.linalg.inv(W)
    P = np.linalg.inv(R @ S) @ R
    return S @ P @ yhat


def case(title, S, yhat, res):
    print("==", title)
    W, lam, covm = shrink_estim(res)
    print("lambda", repr(lam))
    for name, w in [("mint_shrink", W), ("mint_diag", np.diag(np.diag(covm))), ("ols", np.eye(S.shape[0])), ("wls_struct", np.diag(S.sum(axis=1)))]:
        print(name, [list(map(float, row)) for row in reconcile(S, w, yhat)])


# Hierarchy, node order T, A, B, A1, A2, B1, B2 (periods across columns of yhat; residual time down rows).
S1 = np.array([[1, 1, 1, 1], [1, 1, 0, 0], [0, 0, 1, 1], [1, 0, 0, 0], [0, 1, 0, 0], [0, 0, 1, 0], [0, 0, 0, 1]], float)
yhat1 = np.array([[100, 110], [58, 60], [45, 47], [30, 31], [25, 27], [20, 22], [22, 23]], float)
res1 = np.array([
    [3, 2, 1, 1.5, 0.5, 0.2, 0.9],
    [-4, -1, -2, -0.5, -0.8, -1.1, -0.7],
    [5, 3, 1, 2, 1.2, 0.4, 0.5],
    [-2, -2, 1, -1, -0.7, 0.8, 0.1],
    [1, 0, 2, 0.3, -0.1, 1.0, 1.2],
    [-3, -2, -1, -1.2, -0.9, -0.3, -0.6],
    [2, 1, 0, 0.4, 0.4, -0.2, 0.3],
    [0, 1, -1, 0.6, 0.2, -0.4, -0.5],
])
case("hierarchy", S1, yhat1, res1)

# Grouped 2 items x 2 locations, node order Total, A, B, X, Y, AX, AY, BX, BY.
S2 = np.array([[1, 1, 1, 1], [1, 1, 0, 0], [0, 0, 1, 1], [1, 0, 1, 0], [0, 1, 0, 1], [1, 0, 0, 0], [0, 1, 0, 0], [0, 0, 1, 0], [0, 0, 0, 1]], float)
yhat2 = np.array([[200], [90], [105], [120], [85], [50], [42], [66], [40]], float)
rng = np.random.default_rng(7)
bottom = rng.normal(0, [2, 1.5, 3, 1], size=(12, 4))
res2 = bottom @ S2.T + rng.normal(0, 0.8, size=(12, 9))
res2 = np.round(res2, 2)
print("res2", [list(map(float, r)) for r in res2.T])
case("grouped", S2, yhat2, res2)
