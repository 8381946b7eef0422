#!/usr/bin/python3
"""Fleet-size benchmark: a scenario (the quickstart world by default) at several fleet sizes.

    python3 tests/bench/fleet_size.py [--fleetsim build/sim/fleetsim] [--scenario scenarios/quickstart.yaml]
                                      [--sizes 1000 10000] [--days 7]

For each size it runs `fleetsim run scenarios/quickstart.yaml --set fleet.containers=N` once and
reports wall time, device events per second (firmware wake-ups and transmission ends, from
manifest.json) and the peak resident memory of the process. Numbers depend on the machine: compare
ratios between sizes, or note the machine with them (README "Performance").
"""
import argparse
import json
import os
import resource
import subprocess
import tempfile
import time
from pathlib import Path


def run_once(fleetsim, scenario, containers, days):
    with tempfile.TemporaryDirectory() as out:
        before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        start = time.monotonic()
        subprocess.run([fleetsim, "run", scenario, "-o", out, "--quiet",
                        "--set", f"fleet.containers={containers}", "--set", f"duration={days}d"], check=True)
        wall_s = time.monotonic() - start
        peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        manifest = json.loads((Path(out) / "manifest.json").read_text())
        summary = json.loads((Path(out) / "summary.json").read_text())
    if peak_kb <= before:
        peak_kb = float("nan")  # an earlier, larger child holds the maximum; run sizes in increasing order
    events = manifest["device_events"]
    return {"containers": containers, "days": days, "wall_s": wall_s, "device_events": events,
            "events_per_s": events / wall_s, "frames": summary["frames"]["sent"],
            "peak_rss_mb": peak_kb / 1024}


def main():
    root = Path(__file__).resolve().parents[2]
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--fleetsim", default=str(root / "build/sim/fleetsim"))
    parser.add_argument("--scenario", default=str(root / "scenarios/quickstart.yaml"))
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--days", type=float, default=7)
    args = parser.parse_args()
    print(f"machine: {os.cpu_count()} cores; {args.days:g} simulated days of {Path(args.scenario).name}")
    print(f"{'containers':>10} {'wall s':>8} {'device events':>14} {'events/s':>10} {'frames':>10} {'peak RSS MB':>12}")
    for size in sorted(args.sizes):
        r = run_once(args.fleetsim, args.scenario, size, args.days)
        print(f"{r['containers']:>10} {r['wall_s']:>8.2f} {r['device_events']:>14} {r['events_per_s']:>10.0f} "
              f"{r['frames']:>10} {r['peak_rss_mb']:>12.1f}")


if __name__ == "__main__":
    main()
