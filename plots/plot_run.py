"""Figures for one capsim results directory.

timeseries.png: offered rate, Ready instances and p95 latency over time,
one line per scenario (mean over replications).
boots.png: empirical CDF of time to Ready per scenario, from boots.csv.
events.png (only when events.csv has a `deployment` row, a rollout): the
events of replication 0 of each scenario as a strip chart, time on x, one
row per object type and kind (`pod Ready`, `replicaset ScalingReplicaSet`).
"""
import csv
import math
import sys
from collections import defaultdict
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402


def number(text):
    return float(text) if text not in ("", None) else math.nan


def mean_series(rows, column):
    """Scenario -> (times, mean of column over replications per interval)."""
    by = defaultdict(lambda: defaultdict(list))
    for r in rows:
        value = number(r[column])
        if not math.isnan(value):
            by[r["scenario"]][number(r["time_s"])].append(value)
    return {s: (sorted(v), [sum(v[t]) / len(v[t]) for t in sorted(v)]) for s, v in by.items()}


def plot_timeseries(directory):
    rows = list(csv.DictReader(open(directory / "timeseries.csv")))
    panels = [("offered_rate", "offered rate (req/s)"), ("ready", "Ready instances"),
              ("latency_p95_s", "p95 latency in interval (s)")]
    fig, axes = plt.subplots(len(panels), 1, figsize=(9, 8), sharex=True)
    for ax, (column, label) in zip(axes, panels):
        for scenario, (t, y) in mean_series(rows, column).items():
            ax.plot([x / 60 for x in t], y, label=scenario)
        ax.set_ylabel(label)
        if column == "latency_p95_s":
            ax.set_yscale("log")
    axes[0].legend(loc="upper left", fontsize="small")
    axes[-1].set_xlabel("time (min)")
    fig.tight_layout()
    fig.savefig(directory / "timeseries.png", dpi=110)


def plot_boots(directory):
    rows = list(csv.DictReader(open(directory / "boots.csv")))
    by = defaultdict(list)
    for r in rows:
        if r["ready_s"]:
            by[r["scenario"]].append(number(r["ready_s"]) - number(r["requested_s"]))
    if not by:
        return
    fig, ax = plt.subplots(figsize=(8, 4.5))
    for scenario, xs in by.items():
        xs.sort()
        ax.step(xs, [(i + 1) / len(xs) for i in range(len(xs))], where="post", label=scenario)
    ax.set_xscale("log")
    ax.set_xlabel("time from request to Ready (s)")
    ax.set_ylabel("fraction of instances")
    ax.legend(fontsize="small")
    fig.tight_layout()
    fig.savefig(directory / "boots.png", dpi=110)


MARKERS = "o^sDv<>pPX*h"


def plot_events(directory):
    """Strip chart of replication 0's events per scenario; False when no rollout."""
    path = directory / "events.csv"
    if not path.exists():
        return False
    rows = list(csv.DictReader(open(path)))
    if not any(r["object"] == "deployment" for r in rows):
        return False
    by = defaultdict(list)
    for r in rows:
        if r["replication"] == "0":
            by[r["scenario"]].append(r)
    lanes = sorted({(r["object"].split("/")[0], r["kind"]) for rs in by.values() for r in rs})
    lane = {k: i for i, k in enumerate(lanes)}
    fig, axes = plt.subplots(len(by), 1, figsize=(10, 1.2 + 0.28 * len(lanes) * len(by)), sharex=True,
                             squeeze=False)
    for ax, (scenario, rs) in zip(axes[:, 0], by.items()):
        for key, i in lane.items():
            xs = [number(r["time_s"]) / 60 for r in rs if (r["object"].split("/")[0], r["kind"]) == key]
            if xs:
                ax.scatter(xs, [i] * len(xs), marker=MARKERS[i % len(MARKERS)], color=f"C{i % 10}", s=22, alpha=0.7)
        ax.set_yticks(range(len(lanes)), [f"{o} {k}" for o, k in lanes], fontsize="x-small")
        ax.set_ylim(len(lanes) - 0.3, -0.7)
        ax.grid(axis="x", alpha=0.3)
        ax.set_title(f"{scenario}, replication 0", fontsize="small", loc="left")
    axes[-1, 0].set_xlabel("time (min)")
    fig.tight_layout()
    fig.savefig(directory / "events.png", dpi=110)
    return True


def main():
    directory = Path(sys.argv[1] if len(sys.argv) > 1 else "results/vm-vs-container")
    plot_timeseries(directory)
    plot_boots(directory)
    events = f", {directory / 'events.png'}" if plot_events(directory) else ""
    print(f"figures: {directory / 'timeseries.png'}, {directory / 'boots.png'}{events}")


if __name__ == "__main__":
    main()
