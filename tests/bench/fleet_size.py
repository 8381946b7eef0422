#!/usr/bin/python3
"""Fleet-size benchmark: a scenario (the quickstart world by default) at several fleet sizes.

    python3 tests/bench/fleet_size.py [--fleetsim build/sim/fleetsim] [--scenario quickstart|asia-med|FILE.yaml]
                                      [--sizes 1000 10000] [--days 7] [--bench build/tests/bench/bench_sim]
                                      [--bare-devices 100000] [--rss-csv FILE]

For each size it runs `fleetsim run SCENARIO --set fleet.containers=N --set duration=Dd` once and
reports wall and CPU time (user + sys of the child), device events (firmware wake-ups, transmission
ends, ... from manifest.json) per CPU second, frames, and the peak resident memory of the process.

Memory over simulated time: while the child runs, its VmRSS (/proc/PID/status) is sampled every
0.2 s and its progress line (fleetsim prints it when stderr is a terminal, so the child gets a
pseudo-terminal) says how far the simulation is; the RSS at each simulated day mark is the first
sample taken at or past it (the last day: the last sample). `--rss-csv` writes every sample (containers, wall s, simulated s, RSS MB).

The bare-loop ratio: `bench_sim --benchmark_filter=BM_BareSimGridLoop/<bare-devices>` is run once
(one SimGrid actor popping a heap of that many device wake-ups with sleep_until,
tests/bench/bench_sim_bare_loop.cpp), and each size prints fleetsim's device events per CPU second
over the bare loop's events per CPU second (>= 1: the simulator keeps up with SimGrid's own clock).

Numbers depend on the machine and its load: compare ratios, or note the machine with them
(docs/performance.md).
"""
import argparse
import csv
import json
import os
import pty
import re
import subprocess
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PROGRESS = re.compile(r"simulated\s+(\d+)d\s+(\d+)h")
SAMPLE_PERIOD_S = 0.2


def scenario_path(name):
    if name.endswith((".yaml", ".yml")):
        return name
    return str(ROOT / "scenarios" / f"{name}.yaml")


def rss_mb(pid):
    try:
        with open(f"/proc/{pid}/status") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return None


def follow_progress(master_fd, progress):
    """Reads the child's progress line from the pseudo-terminal; keeps the last simulated time."""
    pending = ""
    while True:
        try:
            chunk = os.read(master_fd, 4096)
        except OSError:  # the child closed the terminal
            return
        if not chunk:
            return
        pending += chunk.decode(errors="replace")
        *lines, pending = re.split(r"[\r\n]", pending)
        for line in lines:
            found = PROGRESS.search(line)
            if found:
                progress["sim_s"] = int(found.group(1)) * 86400 + int(found.group(2)) * 3600


def run_once(fleetsim, scenario, containers, days):
    with tempfile.TemporaryDirectory() as out:
        master_fd, slave_fd = pty.openpty()
        start = time.monotonic()
        child = subprocess.Popen([fleetsim, "run", scenario, "-o", out, "--set", f"fleet.containers={containers}",
                                  "--set", f"duration={days:g}d"],
                                 stdout=subprocess.DEVNULL, stderr=slave_fd, stdin=subprocess.DEVNULL)
        os.close(slave_fd)
        progress = {"sim_s": 0}
        reader = threading.Thread(target=follow_progress, args=(master_fd, progress), daemon=True)
        reader.start()
        samples = []  # (wall s, simulated s, RSS MB)
        status = None
        while status is None:
            mb = rss_mb(child.pid)
            if mb is not None:
                samples.append((time.monotonic() - start, progress["sim_s"], mb))
            time.sleep(SAMPLE_PERIOD_S)
            _, status, usage = os.wait4(child.pid, os.WNOHANG)
            if _ == 0:
                status = None
        wall_s = time.monotonic() - start
        reader.join(timeout=1)
        os.close(master_fd)
        if os.waitstatus_to_exitcode(status) != 0:
            raise SystemExit(f"fleetsim failed at {containers} containers (exit {os.waitstatus_to_exitcode(status)})")
        manifest = json.loads((Path(out) / "manifest.json").read_text())
        summary = json.loads((Path(out) / "summary.json").read_text())
    cpu_s = usage.ru_utime + usage.ru_stime
    events = manifest["device_events"]
    day_marks = {}
    for day in range(1, int(days) + 1):
        past = [mb for _, sim_s, mb in samples if sim_s >= day * 86400]
        if past:
            day_marks[day] = past[0]
        elif day == int(days) and samples:  # the run ended before a progress line showed the last day
            day_marks[day] = samples[-1][2]
    return {"containers": containers, "days": days, "wall_s": wall_s, "cpu_s": cpu_s, "device_events": events,
            "events_per_cpu_s": events / cpu_s, "frames": summary["frames"]["sent"],
            "peak_rss_mb": usage.ru_maxrss / 1024, "rss_by_day_mb": day_marks, "samples": samples}


def bare_loop_events_per_s(bench, devices):
    """Events per CPU second of the bare SimGrid loop (BM_BareSimGridLoop), or None without the bench."""
    if not bench or not Path(bench).exists():
        return None
    result = subprocess.run([bench, f"--benchmark_filter=BM_BareSimGridLoop/{devices}$", "--benchmark_format=json"],
                            check=True, capture_output=True, text=True)
    runs = json.loads(result.stdout)["benchmarks"]
    return runs[0]["items_per_second"] if runs else None


def transparent_huge_pages():
    """The kernel's THP mode ("always", "madvise" or "never"): fleetsim advises huge pages for its device
    array and event queue, which they get under "always" and "madvise" (docs/performance.md)."""
    try:
        modes = Path("/sys/kernel/mm/transparent_hugepage/enabled").read_text().split()
    except OSError:
        return "unknown"
    chosen = [mode[1:-1] for mode in modes if mode.startswith("[")]
    return chosen[0] if chosen else "unknown"


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--fleetsim", default=str(ROOT / "build/sim/fleetsim"))
    parser.add_argument("--scenario", default="quickstart", help="quickstart, asia-med (scenarios/NAME.yaml) or a file")
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--days", type=float, default=7)
    parser.add_argument("--bench", default=str(ROOT / "build/tests/bench/bench_sim"),
                        help="bench_sim, for the bare SimGrid loop (skipped if missing)")
    parser.add_argument("--bare-devices", type=int, default=100000, choices=[1000, 10000, 100000])
    parser.add_argument("--rss-csv", help="write every RSS sample here")
    args = parser.parse_args()
    scenario = scenario_path(args.scenario)

    bare = bare_loop_events_per_s(args.bench, args.bare_devices)
    print(f"machine: {os.cpu_count()} cores, load {os.getloadavg()[0]:.1f}, transparent huge pages "
          f"{transparent_huge_pages()}; {args.days:g} simulated days of {Path(scenario).name}")
    if bare:
        print(f"bare SimGrid loop ({args.bare_devices} device wake-ups): {bare:,.0f} events per CPU s")
    print(f"{'containers':>10} {'wall s':>8} {'CPU s':>8} {'device events':>14} {'events/CPU s':>12} "
          f"{'vs bare':>8} {'frames':>10} {'peak RSS MB':>12}  RSS MB at day marks")
    rows = []
    for size in sorted(args.sizes):
        r = run_once(args.fleetsim, scenario, size, args.days)
        rows.append(r)
        ratio = f"{r['events_per_cpu_s'] / bare:8.2f}" if bare else f"{'-':>8}"
        marks = ", ".join(f"d{day} {mb:.0f}" for day, mb in r["rss_by_day_mb"].items())
        print(f"{r['containers']:>10} {r['wall_s']:>8.1f} {r['cpu_s']:>8.1f} {r['device_events']:>14} "
              f"{r['events_per_cpu_s']:>12.0f} {ratio} {r['frames']:>10} {r['peak_rss_mb']:>12.1f}  {marks}",
              flush=True)
    if args.rss_csv:
        with open(args.rss_csv, "w", newline="") as out:
            writer = csv.writer(out)
            writer.writerow(["containers", "wall_s", "simulated_s", "rss_mb"])
            for r in rows:
                for wall_s, sim_s, mb in r["samples"]:
                    writer.writerow([r["containers"], f"{wall_s:.2f}", sim_s, f"{mb:.1f}"])


if __name__ == "__main__":
    main()
