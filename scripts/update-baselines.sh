#!/usr/bin/env bash
# Regenerates the committed baseline results (results/<study>/) that the
# regression tests compare against, their figures, and results/golden/
# (the golden-bytes files of experiments/golden.yaml). Run it after an
# intended change of the model, and say why in the commit.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
swift build -c release --product capsim 2>&1 | grep -E "error|warning: " || true
for study in vm-vs-container flash-crowd hpa-tuning; do
  .build/release/capsim run "experiments/$study.yaml" --out "results/$study"
  plots/plot.sh "results/$study" || echo "plots skipped (matplotlib unavailable)" >&2
done
# The golden-bytes output that GoldenOutputTests compares byte for byte.
.build/release/capsim run experiments/golden.yaml --out results/golden
# The seed-claim studies, judged as they are written (capsim check exits 1 on a failed claim).
for study in recreate-vs-rolling bare-pod-vs-deployment pending-until-node vm-vs-container-density; do
  .build/release/capsim check "experiments/seed-claims/$study.yaml" --out "results/seed-claims/$study"
  plots/plot.sh "results/seed-claims/$study" || echo "plots skipped (matplotlib unavailable)" >&2
done
