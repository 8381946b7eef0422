"""What the reference studies (results/asia-med, results/fos-west-africa, results/singapore-cable-cut)
do alike: run fleetsim or reuse its run folder, read the run's tables, mix the path distributions
into groups, and write the README lines and figures that read the same in every study. Each study
keeps what is its own: how it names path groups, its titles, its prose.

A study imports it with its folder's parent on sys.path (the scripts run from the repository root as
`/usr/bin/python3 results/<study>/make_study.py`). Uses Debian's python3-matplotlib only.
"""
import argparse
import bisect
import csv
import json
import re
import shutil
import subprocess
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

RUNS = Path("results/runs")


def read_csv(path):
    with open(path) as f:
        return list(csv.DictReader(f))


def arguments():
    """The command line every study takes: which fleetsim, and whether to redraw from the run folders
    already in results/runs/ (after changing only the script)."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--fleetsim", default="build/sim/fleetsim")
    parser.add_argument("--reuse-runs", action="store_true")
    return parser.parse_args()


def run(name, fleetsim, reuse=False):
    """Runs scenarios/<name>.yaml into results/runs/<name>/, or with reuse keeps a completed run there."""
    out = RUNS / name
    if reuse and (out / "manifest.json").exists() and json.loads((out / "manifest.json").read_text())["completed"]:
        return out
    if out.exists():
        shutil.rmtree(out)
    subprocess.run([fleetsim, "run", f"scenarios/{name}.yaml", "-o", str(out), "--quiet", "--overwrite"], check=True)
    return out


def same_but_faults(base, cut):
    """Whether two runs' resolved scenarios differ only by name, description and network faults."""
    def body(run_dir):
        text = (run_dir / "scenario.resolved.yaml").read_text()
        text = re.sub(r"^(#.*|name: .*|description: .*)\n", "", text, flags=re.M)
        return re.sub(r"\n  faults:\n(    .*\n)+", "\n", text)
    return body(base) == body(cut)


def run_pair(here, base_name, cut_name, check):
    """A base study and its cable cut: runs (or reuses) both, checks them with check(base, cut), and
    copies their tables beside the README. Returns the two run folders."""
    args = arguments()
    base = run(base_name, args.fleetsim, args.reuse_runs)
    cut = run(cut_name, args.fleetsim, args.reuse_runs)
    check(base, cut)
    copy_run_files(here, base_name, base, cut_name, cut)
    return base, cut


def copy_run_files(here, base_name, base, cut_name, cut):
    """The tables a study keeps beside its README, named after their run."""
    for name, run_dir in ((base_name, base), (cut_name, cut)):
        for f in ["summary.json", "phases.csv", "paths.csv", "links.csv"]:
            stem, ext = f.rsplit(".", 1)
            shutil.copy(run_dir / f, here / f"{stem}_{name}.{ext}")
    for f in ["path_percentiles.csv", "link_load.csv"]:
        stem, ext = f.rsplit(".", 1)
        shutil.copy(base / f, here / f"{stem}_{base_name}.{ext}")


def phases_by_name(run_dir):
    """The rows of a run's phases.csv by their phase."""
    return {r["phase"]: r for r in read_csv(run_dir / "phases.csv")}


def group_cdfs(run_dir, path_group, column="end_to_end_s"):
    """Per group (path_group(path) names it), the mixture of its paths' distributions:
    F(x) = sum_i w_i F_i(x), each F_i read off the path's percentiles 0..100 (within the 1 % of the
    simulator's log histogram)."""
    paths = {}
    for row in read_csv(run_dir / "path_percentiles.csv"):
        p = paths.setdefault(row["path"], {"records": int(row["records"]), "x": []})
        p["x"].append(float(row[column]))
    groups = {}
    for path, p in paths.items():
        groups.setdefault(path_group(path), []).append(p)
    cdfs = {}
    for group, members in groups.items():
        total = sum(m["records"] for m in members)
        xs = sorted({x for m in members for x in m["x"]})
        ys = [sum(m["records"] * bisect.bisect_right(m["x"], x) / len(m["x"]) for m in members) / total for x in xs]
        cdfs[group] = (xs, ys, total)
    return cdfs


def group_table(run_dir, path_group, since_s=0.0):
    """Per path group: records and backhaul p50 over the paths last used at or after since_s (cut study)."""
    rows = {}
    for row in read_csv(run_dir / "paths.csv"):
        if float(row["last_delivery_s"]) < since_s:
            continue
        g = rows.setdefault(path_group(row["path"]), {"records": 0, "idle_ms": set(), "p50_weighted": 0.0})
        n = int(row["records"])
        g["records"] += n
        g["idle_ms"].add(round(float(row["idle_latency_s"]) * 1e3, 3))
        g["p50_weighted"] += n * float(row["backhaul_p50_s"])
    return rows


def hub_share(summary):
    """The ship hubs' share of all downlinks sent (percent)."""
    sent = {g["name"]: g["downlinks_sent"] for g in summary["gateway_load"]}
    total = sum(sent.values())
    hubs = sum(v for k, v in sent.items() if k.endswith("-hub"))
    return 100 * hubs / total if total else 0.0


def fmt(x, digits=1):
    return f"{x:,.{digits}f}"


def buffered_peak(run_dir):
    """The most copies waiting in gateway buffers at once over the run."""
    return max(int(x["copies_buffered_peak"]) for x in read_csv(run_dir / "latency_timeseries.csv"))


def records_lines(records):
    """README bullets: the records' books and their losses by reason."""
    r = records
    return [
        f"- Records generated {r['generated']:,}, delivered {r['delivered']:,} ({100 * r['delivery_ratio']:.2f} %),"
        f" lost {r['lost_total']:,}, still queued or in flight {r['queued_on_device'] + r['on_air'] + r['in_flight']:,}"
        f" (the books close: {r['balanced']}).",
        "- Losses by reason: " + ", ".join(f"{k} {v:,}" for k, v in r["lost"].items() if v) + ".",
    ]


def path_table(table):
    """README table of a group_table: groups by records, their idle latencies and backhaul p50."""
    lines = ["| path group | records | idle latency (ms) | backhaul p50 (ms) |", "|---|---|---|---|"]
    for group, g in sorted(table.items(), key=lambda kv: -kv[1]["records"]):
        idle = ", ".join(fmt(x, 3) for x in sorted(g["idle_ms"]))
        lines.append(f"| {group} | {g['records']:,} | {idle} | {fmt(g['p50_weighted'] / g['records'] * 1e3, 3)} |")
    return lines


def latency_parts_table(parts):
    """README table of summary.json's latency_breakdown_s, in seconds."""
    lines = [
        "Where a record's latency goes (all records, seconds):",
        "",
        "| part | mean | p50 | p95 | p99 |",
        "|---|---|---|---|---|",
    ]
    for part, q in parts.items():
        lines.append(f"| {part} | {q['mean']:.4g} | {q['p50']:.4g} | {q['p95']:.4g} | {q['p99']:.4g} |")
    return lines


def phase_row(label, row):
    """README row of a phases.csv row: device-days, drain and mean age of information (none if never heard)."""
    aoi = float(row["age_of_information_mean_s"]) / 3600 if row["age_of_information_mean_s"] else float("nan")
    return f"| {label} | {fmt(float(row['device_days']), 0)} | {float(row['mah_per_device_day']):.3f} | {aoi:.2f} |"


def cut_delivery_line(records, records_cut, buffered):
    """README bullet: what the cut run delivered and lost against the base."""
    r, rc = records, records_cut
    return (f"- Delivered {rc['delivered']:,} records against {r['delivered']:,} without the cut; lost {rc['lost_total']:,}"
            f" against {r['lost_total']:,}; most copies waiting in buffers at once: {buffered:,}.")


def files_lines(base_name):
    """README section: the files a study copied from its two runs."""
    return [
        "## Files",
        "",
        f"Copied from the runs: `summary_*.json`, `phases_*.csv`, `paths_*.csv`, `path_percentiles_{base_name}.csv`,",
        f"`link_load_{base_name}.csv`, `links_*.csv`. The whole run folders are in `results/runs/` after a run.",
    ]


def plot_latency_cdf(cdfs, min_records, title, out):
    """One step curve per path group of group_cdfs with at least min_records, largest first."""
    fig, ax = plt.subplots(figsize=(9, 5))
    for group, (xs, ys, total) in sorted(cdfs.items(), key=lambda g: -g[1][2]):
        if total < min_records:
            continue
        ax.step(xs, ys, where="post", label=f"{group} ({total:,} records)")
    ax.set_xscale("log")
    ax.set_xlabel("end-to-end latency, generation → data centre (s)")
    ax.set_ylabel("fraction of records")
    ax.set_title(title)
    ax.grid(True, which="both", alpha=0.3)
    ax.legend(fontsize=7, loc="lower right")
    fig.tight_layout()
    fig.savefig(out, dpi=120)


def plot_phase_bars(names, rows, per, figsize, rotation, out):
    """Battery drain and mean age of information of phases.csv rows, side by side, one bar per name."""
    fig, (left, right) = plt.subplots(1, 2, figsize=figsize)
    left.bar(names, [float(r["mah_per_device_day"]) for r in rows], color="tab:orange")
    left.set_ylabel("mAh per device-day")
    left.set_title(f"battery drain per {per}")
    right.bar(names, [float(r["age_of_information_mean_s"] or 0) / 3600 for r in rows], color="tab:green")
    right.set_ylabel("mean age of information (h)")
    right.set_title(f"age of information per {per}")
    for ax in (left, right):
        ax.tick_params(axis="x", rotation=rotation)
    fig.tight_layout()
    fig.savefig(out, dpi=120)
