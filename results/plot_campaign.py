#!/usr/bin/python3
"""Figures for a campaign: python3 results/plot_campaign.py CAMPAIGN_DIR [-o OUT_DIR] [--metrics a,b,...]

Reads CAMPAIGN_DIR/points.csv (fleetsim sweep or fleetsim aggregate writes it; docs/campaigns.md) and
draws, for each metric and each swept parameter, the metric's mean over the seeds against that
parameter with its 95 % confidence band, one line per combination of the other parameters:
OUT_DIR/<metric>_vs_<parameter>.png (OUT_DIR defaults to CAMPAIGN_DIR). A parameter whose values are
all numbers gets a numeric axis; any other (15min, auto, a list) is drawn at evenly spaced positions in
campaign order. Metrics with no value anywhere (the satellite bill of a yard campaign) are skipped.
"""
import argparse
import csv
import re
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

DEFAULT_METRICS = ["delivery_ratio", "device_delivery_p1", "device_delivery_min", "latency_p95_s",
                   "age_of_information_p50_s", "charge_per_device_day_mah", "battery_life_p50_years",
                   "busiest_gateway_frames_per_hour", "satellite_cost_usd", "lost_no_free_demodulator"]


def read_points(path):
    with open(path, newline="") as f:
        reader = csv.DictReader(f)
        rows = list(reader)
        header = reader.fieldnames
    parameters = header[1:header.index("runs")]  # point, <parameters...>, runs, <metric>_mean, ...
    return parameters, rows


def number(text):
    try:
        return float(text)
    except ValueError:
        return None


def safe(name):
    return re.sub(r"[^A-Za-z0-9_.-]+", "_", name)


def plot(rows, parameters, metric, parameter, out):
    values = [r[f"{metric}_mean"] for r in rows]
    if all(v == "" for v in values):
        return None
    order = list(dict.fromkeys(r[parameter] for r in rows))  # campaign order
    numeric = all(number(v) is not None for v in order)
    position = {v: (number(v) if numeric else i) for i, v in enumerate(order)}
    others = [p for p in parameters if p != parameter]
    lines = {}
    for r in rows:
        if r[f"{metric}_mean"] == "":
            continue
        key = tuple(r[p] for p in others)
        lines.setdefault(key, []).append((position[r[parameter]], float(r[f"{metric}_mean"]), float(r[f"{metric}_ci95"])))
    fig, ax = plt.subplots(figsize=(7, 4.4))
    for key, points in lines.items():
        points.sort()
        x = [p[0] for p in points]
        mean = [p[1] for p in points]
        half = [p[2] for p in points]
        label = ", ".join(f"{p}={v}" for p, v in zip(others, key)) or None
        (line,) = ax.plot(x, mean, marker="o", ms=3, lw=1.5, label=label)
        ax.fill_between(x, [m - h for m, h in zip(mean, half)], [m + h for m, h in zip(mean, half)],
                        color=line.get_color(), alpha=0.2, lw=0)
    if not numeric:
        ax.set_xticks(range(len(order)), order)
    ax.set_xlabel(parameter)
    ax.set_ylabel(metric)
    runs = sorted({r["runs"] for r in rows})
    ax.set_title(f"{metric} against {parameter}\nmean over the seeds ({'/'.join(runs)} per point), 95 % confidence band",
                 fontsize=10)
    if len(lines) > 1:
        ax.legend(fontsize=7)
    ax.grid(True, alpha=0.3)
    fig.tight_layout()
    path = out / f"{safe(metric)}_vs_{safe(parameter)}.png"
    fig.savefig(path, dpi=120)
    plt.close(fig)
    return path


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("campaign_dir", type=Path)
    parser.add_argument("-o", "--out", type=Path)
    parser.add_argument("--metrics", default=",".join(DEFAULT_METRICS))
    args = parser.parse_args()
    out = args.out or args.campaign_dir
    out.mkdir(parents=True, exist_ok=True)
    parameters, rows = read_points(args.campaign_dir / "points.csv")
    if not parameters:
        raise SystemExit("points.csv has no swept parameter: nothing to draw against")
    written = [p for m in args.metrics.split(",") for q in parameters if (p := plot(rows, parameters, m, q, out))]
    print(f"{len(written)} figures written to {out}/")


if __name__ == "__main__":
    main()
