#!/usr/bin/env bash
# The main job: install what is missing, build in release mode, run a study
# from experiments/ (default: the VM vs container study), print its
# summary table and where the CSV went. Extra arguments go to `capsim run`.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
swift build -c release --product capsim 2>&1 | grep -vE '^\[[0-9]+/[0-9]+\]' || true
test -x .build/release/capsim
config="${1:-experiments/vm-vs-container.yaml}"
shift || true
exec .build/release/capsim run "$config" "$@"
