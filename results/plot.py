#!/usr/bin/python3
"""Figures for one fleetsim run folder: python3 results/plot.py RUN_DIR

Reads the run's CSV files (tidy, SI units in the column names) and writes PNG figures next to them:
  latency_cdf.png       delivery latency, generation to network server (CDF)
  battery_life.png      projected battery life across the fleet (histogram, p5/p50/p95 marked)
  records_over_time.png records generated, delivered and lost over the run
  yard_delivery.png     where the containers stand, coloured by delivery ratio, gateways marked
  energy_breakdown.png  where the charge goes, by component
Uses Debian's python3-matplotlib only (no pandas needed).
"""
import csv
import json
import sys
from pathlib import Path

import matplotlib

matplotlib.use("Agg")  # files only, no display needed
import matplotlib.pyplot as plt  # noqa: E402


def read_csv(path):
    with open(path, newline="") as f:
        return list(csv.DictReader(f))


def column(rows, name, kind=float):
    return [kind(r[name]) for r in rows]


def title(summary, what):
    return f"{summary['scenario']} (seed {summary['seed']}): {what}"


def latency_cdf(run, summary):
    rows = read_csv(run / "latency_percentiles.csv")
    if not rows:
        return
    fig, ax = plt.subplots(figsize=(7, 4.2))
    ax.plot(column(rows, "latency_s"), [p / 100 for p in column(rows, "percentile")], lw=2)
    lat = summary["latency_s"]
    for p, style in (("p50", ":"), ("p95", "--"), ("p99", "-.")):
        ax.axvline(lat[p], ls=style, color="grey", label=f"{p} {lat[p]:.3g} s")
    ax.legend(loc="lower right", fontsize=8)
    if lat["max"] > 10 * lat["min"]:  # log scale only where latencies span decades (queues, coverage gaps)
        ax.set_xscale("log")
    ax.set_xlabel("latency from record generation to network server (s)")
    ax.set_ylabel("fraction of delivered records")
    ax.set_title(title(summary, "delivery latency"))
    ax.grid(True, which="both", alpha=0.3)
    fig.tight_layout()
    fig.savefig(run / "latency_cdf.png", dpi=120)
    plt.close(fig)


def battery_life(run, summary, devices):
    years = column(devices, "battery_life_years")
    fig, ax = plt.subplots(figsize=(7, 4.2))
    ax.hist(years, bins=40, color="tab:green", alpha=0.8)
    life = summary["battery_life_years"]
    for p in ("p5", "p50", "p95"):
        ax.axvline(life[p], ls="--", color="black", lw=1)
        ax.annotate(f"{p} {life[p]:.1f} y", (life[p], ax.get_ylim()[1] * 0.9), rotation=90, fontsize=8, ha="right",
                    va="top")
    ax.set_xlabel(f"projected battery life (years, {life['model']} model)")
    ax.set_ylabel("containers")
    ax.set_title(title(summary, "battery life"))
    fig.tight_layout()
    fig.savefig(run / "battery_life.png", dpi=120)
    plt.close(fig)


def records_over_time(run, summary):
    rows = read_csv(run / "timeseries.csv")
    days = [t / 86400 for t in column(rows, "time_s")]
    fig, ax = plt.subplots(figsize=(7, 4.2))
    for name, label in [("records_generated", "generated"), ("records_delivered", "delivered"),
                        ("records_lost", "lost"), ("records_queued", "queued on devices")]:
        ax.plot(days, column(rows, name, int), label=label)
    ax.set_xlabel("simulated time (days)")
    ax.set_ylabel("records (cumulative; queued: current)")
    ax.set_title(title(summary, "records over time"))
    ax.legend()
    ax.grid(True, alpha=0.3)
    fig.tight_layout()
    fig.savefig(run / "records_over_time.png", dpi=120)
    plt.close(fig)


def yard_delivery(run, summary, devices):
    ratio = [int(d["records_delivered"]) / max(1, int(d["records_generated"])) for d in devices]
    fig, ax = plt.subplots(figsize=(7, 4.2))
    points = ax.scatter(column(devices, "east_m"), column(devices, "north_m"), c=ratio, s=6, cmap="viridis",
                        vmin=0, vmax=1)
    gateways = read_csv(run / "gateways.csv")
    ax.scatter(column(gateways, "east_m"), column(gateways, "north_m"), marker="^", s=80, color="red",
               edgecolor="black", label="gateways")
    for g in gateways:
        ax.annotate(g["gateway"], (float(g["east_m"]), float(g["north_m"])), fontsize=7, xytext=(4, 4),
                    textcoords="offset points")
    ax.legend(loc="upper right", fontsize=8)
    fig.colorbar(points, ax=ax, label="delivery ratio")
    ax.set_xlabel("east of yard centre (m)")
    ax.set_ylabel("north of yard centre (m)")
    ax.set_aspect("equal", adjustable="datalim")
    ax.set_title(title(summary, "delivery ratio by container position"))
    fig.tight_layout()
    fig.savefig(run / "yard_delivery.png", dpi=120)
    plt.close(fig)


def energy_breakdown(run, summary):
    by_component = {k: v for k, v in summary["energy"]["by_component_mah"].items() if v > 0}
    fig, ax = plt.subplots(figsize=(7, 4.2))
    ax.barh(list(by_component), list(by_component.values()), color="tab:orange")
    ax.set_xlabel("charge drawn over the run, whole fleet (mAh)")
    ax.set_title(title(summary, f"energy by component ({summary['energy']['charge_per_device_day_mah']:.3f} "
                                "mAh per device-day)"))
    fig.tight_layout()
    fig.savefig(run / "energy_breakdown.png", dpi=120)
    plt.close(fig)


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    run = Path(sys.argv[1])
    manifest = json.loads((run / "manifest.json").read_text())
    if not manifest.get("completed"):
        sys.exit(f"{run}: the run did not complete (manifest.json); no figures drawn")
    summary = json.loads((run / "summary.json").read_text())
    devices = read_csv(run / "devices.csv")
    latency_cdf(run, summary)
    battery_life(run, summary, devices)
    records_over_time(run, summary)
    yard_delivery(run, summary, devices)
    energy_breakdown(run, summary)
    print(f"figures written to {run}/")


if __name__ == "__main__":
    main()
