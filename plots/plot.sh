#!/usr/bin/env bash
# Figures from a results directory: installs matplotlib into plots/.venv if
# missing, then writes PNGs next to the CSV.
# Usage: plots/plot.sh [results/vm-vs-container]
set -euo pipefail
cd "$(dirname "$0")/.."
dir="${1:-results/vm-vs-container}"
if [ ! -x plots/.venv/bin/python ]; then
  python3 -m venv plots/.venv
  plots/.venv/bin/pip install -q matplotlib
fi
exec plots/.venv/bin/python plots/plot_run.py "$dir"
