#!/usr/bin/env python3
"""SciPy reference fit for prec's fitter (docs/benchmarks.md, "Fitting").

Reads a problem written by dev.prec.fit.ProblemExport (law as a node list, data, Huber delta,
parameter scales and bounds, starting grid, optimiser settings), minimises the same objective
    sum_i w_i * huber(delta, log(pred_i) - log(target_i))
in the same coordinates (log for positive parameters) with scipy.optimize.minimize(method="L-BFGS-B")
from every start, with an exact gradient by reverse-mode differentiation of the node list in NumPy,
and prints one JSON object: best objective, best point, seconds, starts, converged count.

Usage: scipy_fit.py PROBLEM.json [--repeat K] [--processes P]
With --processes P the starts are split into P interleaved shares fitted by P worker processes
(the way a researcher would use P cores); the time includes the pool's start-up.
"""
import json
import sys
import time

import numpy as np
from scipy.optimize import minimize
from scipy.special import huber


def forward(nodes, cols, params):
    vals = []
    for nd in nodes:
        op = nd["op"]
        if op == "const":
            v = nd["value"]
        elif op == "var":
            v = cols[nd["name"]]
        elif op == "param":
            v = params[nd["index"]]
        else:
            a = vals[nd["a"]]
            b = vals[nd["b"]] if "b" in nd else None
            v = {
                "neg": lambda: -a, "exp": lambda: np.exp(a), "log": lambda: np.log(a),
                "log2": lambda: np.log2(a), "sqrt": lambda: np.sqrt(a),
                "add": lambda: a + b, "sub": lambda: a - b, "mul": lambda: a * b, "div": lambda: a / b,
                "pow": lambda: np.power(a, b), "min": lambda: np.minimum(a, b), "max": lambda: np.maximum(a, b),
            }[op]()
        vals.append(v)
    return vals


def backward(nodes, vals, seed, nparams):
    """Reverse-mode sweep: adjoint of every node, parameters' gradient summed over rows."""
    adj = [0.0] * len(nodes)
    adj[-1] = seed
    grad = np.zeros(nparams)
    for i in range(len(nodes) - 1, -1, -1):
        g = adj[i]
        nd = nodes[i]
        op = nd["op"]
        if op == "param":
            grad[nd["index"]] += np.sum(g)
            continue
        if op in ("const", "var") or (np.isscalar(g) and g == 0.0):
            continue
        a = vals[nd["a"]]
        v = vals[i]
        if op == "neg":
            adj[nd["a"]] = adj[nd["a"]] - g
        elif op == "exp":
            adj[nd["a"]] = adj[nd["a"]] + g * v
        elif op == "log":
            adj[nd["a"]] = adj[nd["a"]] + g / a
        elif op == "log2":
            adj[nd["a"]] = adj[nd["a"]] + g / (a * np.log(2.0))
        elif op == "sqrt":
            adj[nd["a"]] = adj[nd["a"]] + g * 0.5 / v
        else:
            b = vals[nd["b"]]
            if op == "add":
                da, db = g, g
            elif op == "sub":
                da, db = g, -g
            elif op == "mul":
                da, db = g * b, g * a
            elif op == "div":
                da, db = g / b, -g * v / b
            elif op == "pow":
                da, db = g * b * np.power(a, b - 1), g * v * np.log(np.where(a > 0, a, 1.0))
            elif op in ("min", "max"):
                pick = (a == v)
                da, db = g * pick, g * (~pick)
            adj[nd["a"]] = adj[nd["a"]] + da
            adj[nd["b"]] = adj[nd["b"]] + db
    return grad


def make_objective(problem):
    nodes = problem["nodes"]
    cols = {k: np.asarray(v, dtype=float) for k, v in problem["variables"].items()}
    log_target = np.log(np.asarray(problem["target"], dtype=float))
    w = np.asarray(problem["weights"], dtype=float)
    delta = problem["huber_delta"]
    log_scale = np.asarray(problem["log_scale"], dtype=bool)
    n = len(log_scale)

    def f(theta):
        with np.errstate(all="ignore"):
            p = np.where(log_scale, np.exp(theta), theta)
            vals = forward(nodes, cols, p)
            pred = vals[-1] * np.ones_like(log_target)
            if not np.all(np.isfinite(pred)) or np.any(pred <= 0):
                return np.inf, np.zeros(n)
            r = np.log(pred) - log_target
            value = float(np.sum(w * huber(delta, r)))
            dr = np.clip(r, -delta, delta)          # derivative of huber(delta, r)
            grad = backward(nodes, vals, w * dr / pred, n)
            grad = np.where(log_scale, grad * p, grad)
        return value, grad

    return f


def fit_starts(problem, starts):
    f = make_objective(problem)
    bounds = [tuple(b) for b in problem["bounds"]]
    # SciPy's ftol is relative to max(|f|, 1); prec's relative tolerance is relative to |f|.
    # Huber objectives here are far below 1, so SciPy gets a tolerance scaled down by 1e-3 to ask
    # for comparable convergence (documented in docs/benchmarks.md).
    options = {"maxiter": problem["max_iterations"], "gtol": problem["gradient_tolerance"],
               "ftol": problem["relative_tolerance"] * 1e-3, "maxcor": problem["memory"]}
    best, best_x, converged = np.inf, None, 0
    for x0 in starts:
        v0, _ = f(np.asarray(x0))
        if not np.isfinite(v0):
            continue
        res = minimize(f, np.asarray(x0), jac=True, method="L-BFGS-B", bounds=bounds, options=options)
        converged += int(res.success)
        if res.fun < best:
            best, best_x = float(res.fun), res.x.tolist()
    return best, best_x, converged


def _share(args):
    problem, starts = args
    return fit_starts(problem, starts)


def fit(problem, processes):
    if processes <= 1:
        return fit_starts(problem, problem["starts"])
    import multiprocessing
    shares = [(problem, problem["starts"][k::processes]) for k in range(processes)]
    with multiprocessing.Pool(processes) as pool:
        parts = pool.map(_share, shares)
    best = min(parts, key=lambda p: p[0])
    return best[0], best[1], sum(p[2] for p in parts)


def main():
    problem = json.load(open(sys.argv[1]))
    repeat = int(sys.argv[sys.argv.index("--repeat") + 1]) if "--repeat" in sys.argv else 1
    processes = int(sys.argv[sys.argv.index("--processes") + 1]) if "--processes" in sys.argv else 1
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        best, best_x, converged = fit(problem, processes)
        times.append(time.perf_counter() - t0)
    print(json.dumps({"best": best, "x": best_x, "seconds": sorted(times)[len(times) // 2], "all_seconds": times,
                      "starts": len(problem["starts"]), "converged": converged}))


if __name__ == "__main__":
    main()
