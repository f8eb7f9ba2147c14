"""
Reference change points for test/stats/change-points.test.ts, computed by Apache Otava's own code
(otava/analysis.py compute_change_points: E-Divisive split in sliding windows, Student's t-test, merge),
not by corescope.

Run against a checkout of https://github.com/apache/otava (its commit is recorded in the output; set
OTAVA_COMMIT when the copy is an export without .git), with numpy and scipy:

    OTAVA=/path/to/otava python3 test/stats/reference/otava-change-points.py > test/stats/reference/otava-change-points.json

corescope departs from Otava in two places on purpose, and this script patches Otava the same way so the
vectors test everything else (the energy search over tau and kappa, the windows, the merge order):
  1. the t-test uses sample standard deviations (ddof=1); Otava passes np.std (ddof=0) to scipy's
     ttest_ind_from_stats, which expects sample ones, and so overstates t;
  2. after the merge removes a change point, every remaining one is re-tested against its new neighbours;
     Otava re-tests only the two after the removed one, leaving the one before it with stale statistics.
The unpatched Otava's indices are recorded too ("otavaUnpatched"), for the record.
"""
import json
import os
import subprocess
import sys

import numpy as np

sys.path.insert(0, os.environ["OTAVA"])
import otava.analysis as analysis  # noqa: E402
from otava.change_point_divisive.calculator import PairDistanceCalculator  # noqa: E402
from scipy.stats import ttest_ind_from_stats  # noqa: E402

WINDOW, MAX_P = 50, 0.001


def run(series):
    cps, _weak = analysis.compute_change_points(list(series), window_len=WINDOW, max_pvalue=MAX_P, min_magnitude=0.0)
    return cps


unpatched_compare = analysis.TTestSignificanceTester.compare
unpatched_merge = analysis.merge


def sample_sd_compare(self, left, right):
    """Otava's compare with np.std(..., ddof=1): scipy's ttest_ind_from_stats takes sample deviations."""
    stats = unpatched_compare(self, left, right)
    stats.std_1 = float(np.std(left, ddof=1)) if len(left) >= 2 else 0.0
    stats.std_2 = float(np.std(right, ddof=1)) if len(right) >= 2 else 0.0
    if len(left) + len(right) > 2:
        stats.pvalue = ttest_ind_from_stats(stats.mean_1, stats.std_1, len(left), stats.mean_2, stats.std_2, len(right), alternative="two-sided")[1]
    return stats


def retest_all_merge(change_points, series, max_pvalue, min_magnitude):
    tester = analysis.TTestSignificanceTester(max_pvalue)
    while change_points:
        intervals = tester.get_intervals(change_points)
        change_points = [tester.change_point(cp.to_candidate(), series, intervals) for cp in change_points]
        weakest = max(change_points, key=lambda c: c.stats.pvalue)
        if weakest.stats.pvalue < max_pvalue:
            weakest = min(change_points, key=lambda c: c.stats.change_magnitude())
            if weakest.stats.change_magnitude() > min_magnitude:
                return change_points
        change_points = [cp for cp in change_points if cp.index != weakest.index]
    return change_points


def noisy(rng, levels, cv):
    return [float(level * (1 + cv * rng.standard_normal())) for level in levels]


def cases():
    rng = np.random.default_rng(20260304)
    out = []
    for seed in range(6):
        step = noisy(rng, [100.0] * 8 + [115.0] * 4, 0.03)
        out.append((f"12 points, last 4 +15 %, CV 3 % #{seed}", step))
        out.append((f"first 8 of the above #{seed}", step[:8]))
    out.append(("noise, 30 points, CV 3 %", noisy(rng, [50.0] * 30, 0.03)))
    out.append(("noise, 80 points, CV 4 %", noisy(rng, [20.0] * 80, 0.04)))
    out.append(("two steps over three windows (120 points)", noisy(rng, [10.0] * 40 + [12.0] * 40 + [9.0] * 40, 0.03)))
    out.append(("step down 20 %, 30 points", noisy(rng, [200.0] * 18 + [160.0] * 12, 0.02)))
    out.append(("step at the newest point", noisy(rng, [100.0] * 15 + [130.0], 0.01)))
    out.append(("one outlier in noise", [*noisy(rng, [30.0] * 10, 0.02), 45.0, *noisy(rng, [30.0] * 10, 0.02)]))
    out.append(("noiseless step", [5.0] * 6 + [7.0] * 6))
    out.append(("constant", [3.0] * 9))
    out.append(("three points", [1.0, 1.02, 0.99]))
    out.append(("gradual drift, 60 points", [float(v) for v in np.linspace(100, 130, 60) * (1 + 0.01 * rng.standard_normal(60))]))
    return out


def describe(cps):
    return [{"index": int(cp.index), "pValue": float(cp.stats.pvalue), "meanBefore": float(cp.stats.mean_1), "meanAfter": float(cp.stats.mean_2)} for cp in cps]


def main():
    found = subprocess.run(["git", "-C", os.environ["OTAVA"], "rev-parse", "HEAD"], capture_output=True, text=True).stdout.strip()
    commit = found or os.environ.get("OTAVA_COMMIT", "")
    results = []
    for name, series in cases():
        analysis.TTestSignificanceTester.compare = unpatched_compare
        analysis.merge = unpatched_merge
        unpatched = [int(cp.index) for cp in run(series)]
        analysis.TTestSignificanceTester.compare = sample_sd_compare
        analysis.merge = retest_all_merge
        # The energy search alone: Otava's strongest split of the whole series (index and Q-hat).
        first = PairDistanceCalculator(np.array(series, dtype=np.float64)).get_next_candidate([slice(0, None)])
        split = {"index": int(first.index), "qhat": float(first.qhat)}
        results.append({"name": name, "series": series, "firstSplit": split, "changePoints": describe(run(series)), "otavaUnpatched": unpatched})
    json.dump({"generator": "test/stats/reference/otava-change-points.py", "otavaCommit": commit or "unknown", "windowLength": WINDOW, "maxPValue": MAX_P, "cases": results}, sys.stdout, indent=1)
    sys.stdout.write("\n")


main()
