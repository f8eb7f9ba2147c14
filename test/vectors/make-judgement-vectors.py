"""Reference vectors for the judgement arithmetic, computed with scipy (not with corescope's code).

Run: python3 test/vectors/make-judgement-vectors.py > test/vectors/judgement-vectors.json
(numpy 2.4, scipy 1.17 when committed). test/judgement/vectors.test.ts and test/stats/normal.test.ts read them.
"""
import json
import math

import numpy as np
import scipy
from scipy.stats import false_discovery_control, norm

out = {"generator": f"scipy {scipy.__version__}, numpy {np.__version__}"}

out["normalCdf"] = [[x, float(norm.cdf(x))] for x in [-8, -5, -3.5, -2, -1.2247, -0.5, -1e-3, 0, 0.3, 1, 1.7, 2.5, 4, 6]]
out["normalQuantile"] = [[p, float(norm.ppf(p))] for p in
                         [1e-10, 1e-6, 1e-4, 0.001, 0.0125, 0.02425, 0.05, 0.2, 0.5, 0.7, 0.975, 0.99, 0.999, 0.9999, 1 - 1e-7]]

bh_sets = [
    [0.01, 0.04, 0.03, 0.005, 0.2, 0.5, 0.0001],
    [0.9, 0.8, 0.7],
    [0.001, 0.002, 0.003, 0.004],
    [0.05, 0.05, 0.05, 0.05, 0.05],
    [0.3],
    [0.0, 1.0, 0.02, 0.5],
]
out["benjaminiHochberg"] = []
for ps in bh_sets:
    adjusted = false_discovery_control(ps, method="bh")
    # Discoveries at q: the largest rank k with p(k) <= k q / m (equivalently adjusted <= q).
    q = 0.05
    ranked = sorted(ps)
    k = max([i + 1 for i, p in enumerate(ranked) if p <= (i + 1) * q / len(ps)], default=0)
    out["benjaminiHochberg"].append({"p": ps, "q": q, "adjusted": [float(a) for a in adjusted], "discoveries": k})


def directional_p(x, se, margin):
    upper, lower = math.log1p(margin), math.log1p(-margin)
    return min(1.0, 2 * min(float(norm.sf((x - upper) / se)), float(norm.cdf((x - lower) / se))))


def verdict(low, high, margin):
    if low > 1 + margin:
        return "slower"
    if high < 1 - margin:
        return "faster"
    if low >= 1 - margin and high <= 1 + margin:
        return "same"
    return "inconclusive"


families = [
    {"margin": 0.03, "alpha": 0.05, "rows": [[math.log(1.10), 0.02], [math.log(1.01), 0.008], [math.log(0.97), 0.03], [0.0, 0.01]]},
    {"margin": 0.03, "alpha": 0.05, "rows": [[0.0, 0.008]] * 19 + [[math.log(1.08), 0.018]]},
    {"margin": 0.05, "alpha": 0.1, "rows": [[math.log(1.2), 0.03], [math.log(1.15), 0.03], [math.log(0.8), 0.05], [math.log(1.02), 0.004]]},
    {"margin": 0.0, "alpha": 0.05, "rows": [[0.02, 0.005], [-0.001, 0.002]]},
]
out["families"] = []
for family in families:
    margin, alpha, rows = family["margin"], family["alpha"], family["rows"]
    ps = [directional_p(x, se, margin) for x, se in rows]
    adjusted = false_discovery_control(ps, method="bh")
    m = len(ps)
    ranked = sorted(ps)
    r = max([i + 1 for i, p in enumerate(ranked) if p <= (i + 1) * alpha / m], default=0)
    level = max(r, 1) * alpha / m
    z = float(norm.ppf(1 - level / 2))
    z_power = float(norm.ppf(0.8))
    expected = []
    for (x, se), p, a in zip(rows, ps, adjusted):
        low, high = math.exp(x - z * se), math.exp(x + z * se)
        expected.append({
            "logRatio": x, "standardError": se, "pValue": p, "adjustedP": float(a),
            "low": low, "high": high, "verdict": verdict(low, high, margin),
            "minimumDetectable": (1 + margin) * math.exp((z + z_power) * se) - 1,
        })
    out["families"].append({"margin": margin, "alpha": alpha, "discoveries": r, "confidence": 1 - level, "rows": expected})

# a / b of two independent ratios, each with its 95 % interval: exp(ln(a/b) ± z·hypot(se_a, se_b)).
z95 = float(norm.ppf(0.975))
cases = [[[1.9, 1.8, 2.0], [1.1, 1.0, 1.2]], [[1.3, 1.235, 1.365], [1.2, 1.14, 1.26]]]
out["independentRatio"] = []
for a, b in cases:
    se = lambda i: (math.log(i[2]) - math.log(i[1])) / (2 * z95)
    centre = math.log(a[0] / b[0])
    half = z95 * math.hypot(se(a), se(b))
    out["independentRatio"].append({"a": a, "b": b, "estimate": a[0] / b[0], "low": math.exp(centre - half), "high": math.exp(centre + half)})

print(json.dumps(out, indent=2))
