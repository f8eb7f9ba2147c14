"""
How often Otava's own code (patched as otava-change-points.py patches it) finds exactly one change point at
index 8 in 12 points whose last 4 are 15 % higher, and any change point in the first 8 alone, at window 50 and
max p-value 0.001. test/stats/change-points.test.ts holds corescope to these rates, less a margin.

    OTAVA=/path/to/otava python3 test/stats/reference/otava-power.py

Its output (3000 series per noise level, numpy seed 7), Otava commit 1ceb1537a49d:
    cv=0.02 exact-hit=0.985 fp(first8)=0.007
    cv=0.03 exact-hit=0.941 fp(first8)=0.006
    cv=0.04 exact-hit=0.766 fp(first8)=0.006
"""
import os
import sys

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
source = open(os.path.join(HERE, "otava-change-points.py")).read().replace("\nmain()\n", "\n")
exec(source)  # the patched Otava and noisy() of the reference generator
analysis.TTestSignificanceTester.compare = sample_sd_compare  # noqa: F821
analysis.merge = retest_all_merge  # noqa: F821

rng = np.random.default_rng(7)
TRIALS = 3000
for cv in (0.02, 0.03, 0.04):
    hits = false_alarms = 0
    for _ in range(TRIALS):
        series = noisy(rng, [100.0] * 8 + [115.0] * 4, cv)  # noqa: F821
        hits += [int(c.index) for c in run(series)] == [8]  # noqa: F821
        false_alarms += len(run(series[:8])) > 0  # noqa: F821
    print(f"cv={cv} exact-hit={hits / TRIALS:.3f} fp(first8)={false_alarms / TRIALS:.3f}")
    sys.stdout.flush()
