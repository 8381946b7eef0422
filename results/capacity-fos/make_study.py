#!/usr/bin/python3
"""Regenerates results/capacity-fos/ (README.md says what it answers), from the repository root:

    /usr/bin/python3 results/capacity-fos/make_study.py [-j N]

1. `fleetsim sweep results/capacity-fos/campaign.yaml -o results/runs/capacity-fos -j N` (niced; the
   run folders stay in the git-ignored results/runs/; a second call resumes or does nothing),
2. `fleetsim aggregate` into this folder: runs.csv and points.csv,
3. figures/: each headline metric against each swept parameter (results/plot_campaign.py),
4. capacity.png and table.md: the answer per fleet size.
"""
import argparse
import csv
import os
import subprocess
import sys
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.lines import Line2D  # noqa: E402

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
FLEETSIM = ROOT / "build" / "sim" / "fleetsim"
RUNS = ROOT / "results" / "runs" / "capacity-fos"
FLEET = "fleet.containers"
GATEWAYS = "port.gateway_grid.count"
FLEET_DELIVERY = 0.99   # the planner's target for the fleet's delivery ratio
TAIL_DELIVERY = 0.95    # ... and for the worst 1 % of containers (per-device delivery, 1st percentile)


def read_rows(path):
    with open(path, newline="") as f:
        return list(csv.DictReader(f))


def sh(*cmd):
    print("+", " ".join(map(str, cmd)), flush=True)
    subprocess.run([str(c) for c in cmd], check=True, cwd=ROOT)


def by_fleet(points):
    fleets = {}
    for p in points:
        fleets.setdefault(int(p[FLEET]), []).append(p)
    for rows in fleets.values():
        rows.sort(key=lambda p: int(p[GATEWAYS]))
    return fleets


def value(p, metric, stat="mean"):
    return float(p[f"{metric}_{stat}"])


def smallest(rows, metric, target):
    """The fewest gateways whose mean over the seeds reaches the target, or None."""
    return next((int(p[GATEWAYS]) for p in rows if value(p, metric) >= target), None)


def lost_share(p, reason):
    return value(p, f"lost_{reason}") / value(p, "records_generated")


def table(points):
    lines = [
        "| containers | min gateways, fleet delivery ≥ 99 % | min gateways, worst-1 % delivery ≥ 95 % | "
        "at that count: fleet delivery, worst-1 %, battery life p50 (y), busiest gateway (frames/h) | "
        "no free demodulator at 16 gateways (% of records) | same-SF interference at 16 (%) |",
        "|---:|---:|---:|---|---:|---:|"]
    for fleet, rows in sorted(by_fleet(points).items()):
        fleet_min = smallest(rows, "delivery_ratio", FLEET_DELIVERY)
        tail_min = smallest(rows, "device_delivery_p1", TAIL_DELIVERY)
        both = max(fleet_min, tail_min) if fleet_min is not None and tail_min is not None else None
        at = next((p for p in rows if both is not None and int(p[GATEWAYS]) == both), None)
        last = rows[-1]
        detail = (f"{both}: {value(at, 'delivery_ratio'):.2%}, {value(at, 'device_delivery_p1'):.2%}, "
                  f"{value(at, 'battery_life_p50_years'):.1f}, {value(at, 'busiest_gateway_frames_per_hour'):,.0f}"
                  if at else "not reached with 16")
        lines.append(f"| {fleet:,} | {fleet_min if fleet_min is not None else '> 16'} | "
                     f"{tail_min if tail_min is not None else '> 16'} | {detail} | "
                     f"{100 * lost_share(last, 'no_free_demodulator'):.3f} | "
                     f"{100 * lost_share(last, 'interference_same_sf'):.3f} |")
    return "\n".join(lines) + "\n"


def band(ax, rows, metric, scale=1.0, label=None):
    x = [int(p[GATEWAYS]) for p in rows]
    mean = [scale * value(p, metric) for p in rows]
    half = [scale * value(p, metric, "ci95") for p in rows]
    (line,) = ax.plot(x, mean, marker="o", ms=3, label=label)
    ax.fill_between(x, [m - h for m, h in zip(mean, half)], [m + h for m, h in zip(mean, half)],
                    color=line.get_color(), alpha=0.2, lw=0)
    return line


def figure(points, path):
    fig, axes = plt.subplots(2, 2, figsize=(11, 7.5))
    (fleet_ax, tail_ax), (load_ax, loss_ax) = axes
    for fleet, rows in sorted(by_fleet(points).items()):
        label = f"{fleet:,} containers"
        line = band(fleet_ax, rows, "delivery_ratio", 100, label)
        band(tail_ax, rows, "device_delivery_p1", 100, label)
        band(load_ax, rows, "busiest_gateway_frames_per_hour", 1, label)
        x = [int(p[GATEWAYS]) for p in rows]
        loss_ax.plot(x, [100 * lost_share(p, "no_free_demodulator") for p in rows], marker="o", ms=3,
                     color=line.get_color(), label=f"{label}: no free demodulator")
        loss_ax.plot(x, [100 * lost_share(p, "interference_same_sf") for p in rows], ls="--", marker="x", ms=3,
                     color=line.get_color(), label=f"{label}: same-SF interference")
    fleet_ax.axhline(100 * FLEET_DELIVERY, color="black", lw=0.8, ls=":")
    tail_ax.axhline(100 * TAIL_DELIVERY, color="black", lw=0.8, ls=":")
    fleet_ax.set_ylabel("fleet delivery ratio (%)")
    tail_ax.set_ylabel("per-device delivery, 1st percentile (%)")
    load_ax.set_ylabel("busiest gateway: frames received per hour")
    loss_ax.set_ylabel("records lost, % of generated")
    loss_ax.set_yscale("log")
    for ax in axes.flat:
        ax.set_xlabel("gateways on the yard (port.gateway_grid.count)")
        ax.grid(True, which="both", alpha=0.3)
    fleet_ax.legend(fontsize=8)
    # Colours are the fleet sizes of the first panel; here the legend only tells the two reasons apart,
    # small enough to stay clear of the curves.
    loss_ax.legend(handles=[Line2D([], [], color="grey", marker="o", ms=3, label="no free demodulator"),
                            Line2D([], [], color="grey", ls="--", marker="x", ms=3, label="same-SF interference")],
                   fontsize=8, loc="upper right")
    fig.suptitle("Fos-sur-Mer yard, 30-min reports, 12 h simulated: mean of 3 seeds, 95 % confidence bands", fontsize=11)
    fig.tight_layout()
    fig.savefig(path, dpi=120)
    plt.close(fig)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-j", "--jobs", type=int, default=os.cpu_count())
    args = parser.parse_args()
    env_nice = ["nice", "-n", "10"]
    sh(*env_nice, FLEETSIM, "sweep", HERE / "campaign.yaml", "-o", RUNS, "-j", args.jobs)
    sh(FLEETSIM, "aggregate", RUNS, "-o", HERE)
    sh(sys.executable, ROOT / "results" / "plot_campaign.py", HERE, "-o", HERE / "figures", "--metrics",
       "delivery_ratio,device_delivery_p1,busiest_gateway_frames_per_hour,battery_life_p50_years,"
       "lost_no_free_demodulator,latency_p95_s")
    points = read_rows(HERE / "points.csv")
    (HERE / "table.md").write_text(table(points))
    figure(points, HERE / "capacity.png")
    print((HERE / "table.md").read_text())


if __name__ == "__main__":
    main()
