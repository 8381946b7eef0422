#!/usr/bin/python3
"""Policy A/B study (issue #3): runs build/sim/fleetsim on scenarios/policy-ab.yaml twice, same fleet
and seed, once per firmware policy, and writes the comparison next to this script:

  table.md           the comparison table (README.md quotes it)
  policy_ab.csv      the same figures, one row per policy
  policy_ab.png      battery life, age of information, delivery, airtime and records lost per policy
  policy-a/, policy-b/   each run's summary.json and scenario.resolved.yaml

Usage (from the repository root, after building fleetsim):
  /usr/bin/python3 results/policy-ab/run.py [--fleetsim build/sim/fleetsim]
"""
import argparse
import csv
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
SCENARIO = ROOT / "scenarios" / "policy-ab.yaml"

# Policy B is policy A's scenario with these overrides (the scenario file says the same).
POLICIES = {
    "policy-a": ("A: fixed hourly, GNSS 8 h", []),
    "policy-b": (
        "B: place- and battery-aware, alerts, GNSS 8 h",
        [
            "fleet.firmware.policy=place_aware",
            "fleet.firmware.battery_saving={low_below: 30%, critical_below: 10%}",
            "fleet.firmware.alerts.enabled=[door_open, door_close, shock]",
        ],
    ),
}
DAY_S = 86400.0


def run(fleetsim, name, overrides, scratch):
    out = scratch / name
    command = [str(fleetsim), "run", str(SCENARIO.relative_to(ROOT)), "-o", str(out), "--quiet", "--overwrite"]
    for override in overrides:
        command += ["--set", override]
    subprocess.run(command, cwd=ROOT, check=True)
    keep = HERE / name
    keep.mkdir(exist_ok=True)
    for file in ("summary.json", "scenario.resolved.yaml"):
        shutil.copyfile(out / file, keep / file)
    with open(out / "summary.json") as f:
        summary = json.load(f)
    with open(out / "devices.csv") as f:
        devices = list(csv.DictReader(f))
    return summary, devices


def percentile(values, p):
    """Linear interpolation between closest ranks (numpy's default), so the script needs no numpy."""
    ordered = sorted(values)
    rank = (len(ordered) - 1) * p / 100
    low = int(rank)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)


def figures(summary, devices):
    days = summary["duration_s"] / DAY_S
    records = summary["records"]
    airtime = [float(d["airtime_s"]) / days for d in devices]
    aoi_h = [float(d["age_of_information_mean_s"]) / 3600 for d in devices if int(d["records_delivered"]) > 0]
    life = [float(d["battery_life_years"]) for d in devices]
    return {
        "battery_life_p5_y": summary["battery_life_years"]["p5"],
        "battery_life_p50_y": summary["battery_life_years"]["p50"],
        "battery_life_p95_y": summary["battery_life_years"]["p95"],
        "charge_per_device_day_mah": summary["energy"]["charge_per_device_day_mah"],
        "aoi_p50_h": summary["age_of_information_s"]["p50"] / 3600,
        "aoi_p95_h": summary["age_of_information_s"]["p95"] / 3600,
        "records_generated": records["generated"],
        "records_delivered": records["delivered"],
        "delivery_ratio_pct": 100.0 * records["delivered"] / records["generated"],
        "records_lost_radio": records["lost_total"] - records["lost"]["queue_full"],
        "records_dropped_queue_full": records["lost"]["queue_full"],
        "records_still_queued": records["queued_on_device"] + records["on_air"] + records["in_flight"],
        "frames_sent": summary["frames"]["sent"],
        "confirmed_sent": summary["frames"]["confirmed_sent"],
        "acked": summary["frames"]["acked"],
        "downlinks_lost": sum(summary["downlinks"]["lost"].values()),
        "airtime_s_per_device_day_mean": sum(airtime) / len(airtime),
        "airtime_s_per_device_day_p95": percentile(airtime, 95),
        "_airtime": airtime,
        "_aoi_h": aoi_h,
        "_life": life,
    }


ROWS = [
    ("Battery life p5 / p50 / p95 (years)", lambda f: f"{f['battery_life_p5_y']:.1f} / {f['battery_life_p50_y']:.1f} / {f['battery_life_p95_y']:.1f}"),
    ("Charge per device per day (mAh)", lambda f: f"{f['charge_per_device_day_mah']:.3f}"),
    ("Age of information p50 / p95 (h)", lambda f: f"{f['aoi_p50_h']:.2f} / {f['aoi_p95_h']:.2f}"),
    ("Records generated", lambda f: f"{f['records_generated']:,}"),
    ("Delivery ratio (%)", lambda f: f"{f['delivery_ratio_pct']:.2f}"),
    ("Records lost on the radio", lambda f: f"{f['records_lost_radio']:,}"),
    ("Records dropped (queue full)", lambda f: f"{f['records_dropped_queue_full']:,}"),
    ("Records still on devices at the end", lambda f: f"{f['records_still_queued']:,}"),
    ("Frames sent", lambda f: f"{f['frames_sent']:,}"),
    ("Confirmed frames (alerts and their repeats) / acknowledged", lambda f: f"{f['confirmed_sent']:,} / {f['acked']:,}"),
    ("ACKs lost (gateway duty cycle, missed window, ...)", lambda f: f"{f['downlinks_lost']:,}"),
    ("Airtime per device per day, mean / p95 (s)", lambda f: f"{f['airtime_s_per_device_day_mean']:.2f} / {f['airtime_s_per_device_day_p95']:.2f}"),
]


def write_table(results):
    names = list(results)
    lines = ["| | " + " | ".join(POLICIES[n][0] for n in names) + " |", "|---|" + "---|" * len(names)]
    for label, cell in ROWS:
        lines.append(f"| {label} | " + " | ".join(cell(results[n]) for n in names) + " |")
    (HERE / "table.md").write_text(
        "<!-- generated by results/policy-ab/run.py: do not edit -->\n" + "\n".join(lines) + "\n")
    with open(HERE / "policy_ab.csv", "w", newline="") as f:
        keys = [k for k in results[names[0]] if not k.startswith("_")]
        writer = csv.writer(f)
        writer.writerow(["policy"] + keys)
        for n in names:
            writer.writerow([n] + [results[n][k] for k in keys])


def plot(results):
    names = list(results)
    labels = [POLICIES[n][0].split(":")[0] for n in names]
    colours = ["#4c72b0", "#dd8452"]
    fig, axes = plt.subplots(1, 4, figsize=(15, 3.8))
    ax = axes[0]
    ax.boxplot([results[n]["_life"] for n in names], labels=labels, whis=(5, 95), showfliers=False)
    ax.set_ylabel("projected battery life (years)")
    # From zero (the difference is small and must look it), with room above the longest-lived box.
    ax.set_ylim(0, 1.1 * max(max(results[n]["_life"]) for n in names))
    ax.set_title("battery life (box: p25-p75, whiskers p5-p95)", fontsize=9)
    ax = axes[1]
    for n, colour in zip(names, colours):
        values = sorted(results[n]["_aoi_h"])
        ax.plot(values, [(i + 1) / len(values) for i in range(len(values))], color=colour, label=labels[names.index(n)])
    ax.set_xlabel("time-average age of information per device (h)")
    ax.set_ylabel("fraction of devices")
    ax.legend()
    ax.set_title("age of information (CDF)", fontsize=9)
    ax = axes[2]
    ax.bar(labels, [results[n]["airtime_s_per_device_day_mean"] for n in names], color=colours)
    ax.set_ylabel("airtime per device per day (s)")
    ax.set_title("airtime (mean)", fontsize=9)
    ax = axes[3]
    delivered = [results[n]["records_delivered"] for n in names]
    lost = [results[n]["records_lost_radio"] for n in names]
    dropped = [results[n]["records_dropped_queue_full"] for n in names]
    ax.bar(labels, delivered, color="#55a868", label="delivered")
    ax.bar(labels, lost, bottom=delivered, color="#c44e52", label="lost on the radio")
    ax.bar(labels, dropped, bottom=[d + l for d, l in zip(delivered, lost)], color="#8172b3", label="dropped (queue)")
    ax.set_ylabel("records in 7 days, 2,000 devices")
    ax.legend(fontsize=8)
    ax.set_title("record fates", fontsize=9)
    fig.suptitle("Policy A vs B, same fleet and seed (scenarios/policy-ab.yaml)")
    fig.tight_layout()
    fig.savefig(HERE / "policy_ab.png", dpi=110)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fleetsim", default=str(ROOT / "build" / "sim" / "fleetsim"))
    args = parser.parse_args()
    if not Path(args.fleetsim).exists():
        sys.exit(f"{args.fleetsim} not found: build it first (cmake --build build --target fleetsim)")
    results = {}
    with tempfile.TemporaryDirectory() as scratch:
        for name, (_, overrides) in POLICIES.items():
            summary, devices = run(args.fleetsim, name, overrides, Path(scratch))
            results[name] = figures(summary, devices)
    write_table(results)
    plot(results)
    print((HERE / "table.md").read_text())


if __name__ == "__main__":
    main()
