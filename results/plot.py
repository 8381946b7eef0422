#!/usr/bin/python3
"""Figures for one fleetsim run folder: python3 results/plot.py RUN_DIR

Reads the run's CSV files (tidy, SI units in the column names) and writes PNG figures next to them:
  latency_cdf.png       delivery latency, generation to network server (CDF)
  battery_life.png      projected battery life across the fleet (histogram, p5/p50/p95 marked)
  records_over_time.png records generated, delivered and lost over the run
  yard_delivery.png     where the containers stand, coloured by delivery ratio, gateways marked
                        (yard world; the colour scale spans the ratios the run has)
  energy_breakdown.png  where the charge goes, by component
and for a voyage run (phases.csv and link_load.csv present):
  phases.png            charge per device-day and mean age of information per phase of the journey
  satellite_load.png    throughput of each ship's satellite link over the run, with the bill
Every title names the scenario, its seed and the --set overrides of the run (manifest.json).
Uses Debian's python3-matplotlib only (no pandas needed).
"""
import csv
import json
import sys
import textwrap
from pathlib import Path

import matplotlib

matplotlib.use("Agg")  # files only, no display needed
import matplotlib.pyplot as plt  # noqa: E402


def read_csv(path):
    with open(path, newline="") as f:
        return list(csv.DictReader(f))


def column(rows, name, kind=float):
    return [kind(r[name]) for r in rows]


OVERRIDES = []  # the run's --set overrides, from manifest.json (main)


def title(summary, what):
    """Scenario, seed and overrides on a first line, what the figure shows on a second."""
    settings = [o for o in OVERRIDES if not o.startswith("seed=")]
    head = f"{summary['scenario']} (seed {summary['seed']}" + (f"; {', '.join(settings)}" if settings else "") + ")"
    # Long override lists wrap; a literal $ must not start matplotlib's mathtext.
    return "\n".join(textwrap.wrap(head, 90) + [what]).replace("$", r"\$")


def overrides_of(manifest):
    command = manifest.get("command", [])
    found = []
    for flag, value in zip(command, command[1:]):
        if flag == "--set":
            found.append(value)
        elif flag == "--seed":
            found.append(f"seed={value}")
    return found


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
    ax.set_title(title(summary, "delivery latency"), fontsize=10)
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
    ax.set_title(title(summary, "battery life"), fontsize=10)
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
    ax.set_title(title(summary, "records over time"), fontsize=10)
    ax.legend()
    ax.grid(True, alpha=0.3)
    fig.tight_layout()
    fig.savefig(run / "records_over_time.png", dpi=120)
    plt.close(fig)


def delivery_scale(ratio):
    """A colour range fitted to the data: from the worst device (rounded down to a percent) to 100 %."""
    low = min(ratio) if ratio else 0.0
    low = max(0.0, int(low * 100) / 100)
    return (low - 0.01, 1.0) if low >= 1.0 else (low, 1.0)


def yard_delivery(run, summary, devices):
    ratio = [int(d["records_delivered"]) / max(1, int(d["records_generated"])) for d in devices]
    vmin, vmax = delivery_scale(ratio)
    fig, ax = plt.subplots(figsize=(7, 4.2))
    points = ax.scatter(column(devices, "east_m"), column(devices, "north_m"), c=ratio, s=6, cmap="viridis",
                        vmin=vmin, vmax=vmax)
    # Only gateways with a fixed place (a ship's hub or a cellular network has empty coordinates).
    gateways = [g for g in read_csv(run / "gateways.csv") if g["east_m"] and g["north_m"]]
    ax.scatter(column(gateways, "east_m"), column(gateways, "north_m"), marker="^", s=80, color="red",
               edgecolor="black", label="gateways")
    for g in gateways:
        ax.annotate(g["gateway"], (float(g["east_m"]), float(g["north_m"])), fontsize=7, xytext=(4, 4),
                    textcoords="offset points")
    ax.legend(loc="upper right", fontsize=8)
    fig.colorbar(points, ax=ax, label=f"delivery ratio (scale {vmin:.0%} to {vmax:.0%})")
    ax.set_xlabel("east of yard centre (m)")
    ax.set_ylabel("north of yard centre (m)")
    ax.set_aspect("equal", adjustable="datalim")
    ax.set_title(title(summary, "delivery ratio by container position"), fontsize=10)
    fig.tight_layout()
    fig.savefig(run / "yard_delivery.png", dpi=120)
    plt.close(fig)


def phases(run, summary):
    rows = [r for r in read_csv(run / "phases.csv") if float(r["device_days"]) > 0]
    names = [r["phase"] for r in rows]
    fig, (charge, age) = plt.subplots(1, 2, figsize=(9, 4.2))
    charge.barh(names, [float(r["mah_per_device_day"]) for r in rows], color="tab:orange")
    charge.set_xlabel("charge per device-day (mAh)")
    # A phase nobody was heard from in has no age (empty in phases.csv): drawn as no bar.
    age.barh(names, [float(r["age_of_information_mean_s"]) / 3600 if r["age_of_information_mean_s"] else 0 for r in rows],
             color="tab:blue")
    age.set_xlabel("mean age of information (h)")
    for ax in (charge, age):
        ax.invert_yaxis()
        ax.grid(True, axis="x", alpha=0.3)
    fig.suptitle(title(summary, "battery drain and data freshness per phase of the journey"), fontsize=10)
    fig.tight_layout()
    fig.savefig(run / "phases.png", dpi=120)
    plt.close(fig)


def satellite_load(run, summary):
    rows = [r for r in read_csv(run / "link_load.csv") if r["kind"] == "satellite"]
    if not rows:
        return
    by_link = {}
    for r in rows:
        by_link.setdefault(r["link"], ([], []))
        by_link[r["link"]][0].append(float(r["time_s"]) / 86400)
        by_link[r["link"]][1].append(float(r["mean_bps"]) / 1000)
    fig, ax = plt.subplots(figsize=(7, 4.2))
    for name, (days, kbps) in by_link.items():
        ax.plot(days, kbps, lw=0.8, label=name)
    if len(by_link) <= 12:
        ax.legend(fontsize=7, ncol=2)
    bill = summary["voyage"]["satellite"]
    ax.set_xlabel("simulated time (days)")
    ax.set_ylabel("mean throughput per load interval (kbit/s)")
    # One price when every service pays the same; otherwise each ship is billed at its service's price.
    price = f"at ${bill['price_usd_per_mb']:.2f}/MB" if "price_usd_per_mb" in bill else "at each service's price"
    ax.set_title(title(summary, f"satellite links: {bill['bytes'] / 1e6:.1f} MB, ${bill['cost_usd']:.0f} {price}"),
                 fontsize=10)
    ax.grid(True, alpha=0.3)
    fig.tight_layout()
    fig.savefig(run / "satellite_load.png", dpi=120)
    plt.close(fig)


def energy_breakdown(run, summary):
    by_component = {k: v for k, v in summary["energy"]["by_component_mah"].items() if v > 0}
    fig, ax = plt.subplots(figsize=(7, 4.2))
    ax.barh(list(by_component), list(by_component.values()), color="tab:orange")
    ax.set_xlabel("charge drawn over the run, whole fleet (mAh)")
    ax.set_title(title(summary, f"energy by component ({summary['energy']['charge_per_device_day_mah']:.3f} "
                                "mAh per device-day)"), fontsize=10)
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
    OVERRIDES[:] = overrides_of(manifest)
    summary = json.loads((run / "summary.json").read_text())
    devices = read_csv(run / "devices.csv")
    latency_cdf(run, summary)
    battery_life(run, summary, devices)
    records_over_time(run, summary)
    energy_breakdown(run, summary)
    if "voyage" in summary:  # containers travel: no single yard to map
        phases(run, summary)
        satellite_load(run, summary)
    else:
        yard_delivery(run, summary, devices)
    print(f"figures written to {run}/")


if __name__ == "__main__":
    main()
