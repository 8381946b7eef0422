#!/usr/bin/env python3
"""Campaign tests: run `fleetsim sweep / aggregate / compare` and check what they wrote.

One function per check; ctest calls this script once per check (tests/campaign/CMakeLists.txt).
A check fails by raising, saying what it expected and what it found.
"""
import argparse
import csv
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

ARGS = None
HERE = Path(__file__).resolve().parent
FIXTURES = HERE / "fixtures"


def fleetsim(*args, expect=0, env=None):
    cmd = [ARGS.fleetsim, *map(str, args)]
    proc = subprocess.run(cmd, cwd=ARGS.source, capture_output=True, text=True, env=env)
    if proc.returncode != expect:
        raise AssertionError(f"{' '.join(cmd)}: exit {proc.returncode}, expected {expect}\n"
                             f"stdout:\n{proc.stdout}\nstderr:\n{proc.stderr}")
    return proc


def check(condition, message):
    if not condition:
        raise AssertionError(message)


def fresh(name):
    path = ARGS.work / name
    if path.exists():
        shutil.rmtree(path)
    return path


def campaign_json(directory):
    return json.loads((directory / "campaign.json").read_text())


def read_rows(path):
    with open(path, newline="") as f:
        return list(csv.DictReader(f))


def expansion():
    # --slurm writes campaign.json and the scripts and runs nothing: the expansion on its own.
    out = fresh("expansion")
    fleetsim("sweep", FIXTURES / "expansion.yaml", "-o", out, "--slurm")
    campaign = campaign_json(out)
    runs = campaign["runs"]
    # 3 x 2 grid points, times 2 zip steps, times 3 seeds.
    check(len(runs) == 3 * 2 * 2 * 3, f"{len(runs)} runs, expected 36")
    check(campaign["points"] == 12, f"{campaign['points']} points, expected 12")
    check(campaign["parameters"] == ["fleet.containers", "radio.spreading_factor", "fleet.firmware.report_interval",
                                     "fleet.firmware.sample_interval"], f"parameters {campaign['parameters']}")
    check(campaign["seeds"] == [7, 1, 42], f"seeds {campaign['seeds']} (the list, in its order)")
    seen = set()
    for i, run in enumerate(runs):
        # Point-major numbering, seeds innermost; the first grid key varies slowest.
        check(run["run"] == i and run["point"] == i // 3 and run["seed"] == [7, 1, 42][i % 3], f"run {i}: {run}")
        check(run["folder"] == f"runs/{i:04d}", f"run {i} folder {run['folder']}")
        p = run["parameters"]
        point = i // 3
        check(p["fleet.containers"] == ["10", "20", "30"][point // 4], f"run {i}: containers {p}")
        check(p["radio.spreading_factor"] == ["7", "auto"][point // 2 % 2], f"run {i}: spreading factor {p}")
        zipped = (p["fleet.firmware.report_interval"], p["fleet.firmware.sample_interval"])
        check(zipped == [("15min", "5min"), ("2h", "30min")][point % 2], f"run {i}: the zip keys move together: {p}")
        check(run["status"] == "pending", f"run {i} status {run['status']}")
        seen.add(tuple(sorted(p.items())) + (run["seed"],))
    check(len(seen) == len(runs), "every run is a different combination")
    # The hashes differ exactly where the resolved scenarios do: same point, other seed -> other hash.
    check(len({run["scenario_hash"] for run in runs}) == len(runs), "every run has its own scenario hash")
    # `seeds: N` means seeds 1..N.
    counted = fresh("expansion_count")
    fleetsim("sweep", FIXTURES / "two_by_three.yaml", "-o", counted, "--slurm")
    check(campaign_json(counted)["seeds"] == [1, 2, 3], "seeds: 3 is seeds 1, 2, 3")
    check(len(campaign_json(counted)["runs"]) == 12, "two_by_three has 12 runs")
    script = (counted / "slurm" / "array.sbatch").read_text()
    check("#SBATCH --array=0-11\n" in script, f"array line missing:\n{script}")
    check('--task "$SLURM_ARRAY_TASK_ID"' in script, "each task runs its own run")
    check(not (counted / "runs").exists(), "--slurm ran nothing locally")


def bad_campaign_files():
    fixtures = sorted((HERE / "bad").glob("*.yaml"))
    check(len(fixtures) >= 5, "bad campaign fixtures are missing")
    for fixture in fixtures:
        expected = fixture.with_suffix(".expected").read_text()
        rel = fixture.relative_to(ARGS.source)
        never = fresh("never")
        proc = fleetsim("sweep", rel, "-o", never, expect=2)
        check(proc.stderr == expected, f"{rel}: stderr\n{proc.stderr}\nexpected\n{expected}")
        check(not never.exists(), f"{rel}: a campaign folder was written for a bad campaign file")
    # Read only from a regular file: /dev/zero would never end, a FIFO would block at open.
    fifo = fresh("fifo_dir") / "campaign.yaml"
    fifo.parent.mkdir(parents=True)
    os.mkfifo(fifo)
    for path, kind in (("/dev/zero", "a character device"), (str(fifo), "a FIFO")):
        proc = fleetsim("sweep", path, "-o", fresh("never"), expect=2)
        expected = f"{path}: error: cannot read the campaign file: it is {kind}, not a regular file\n"
        check(proc.stderr == expected, f"{path}: stderr\n{proc.stderr}\nexpected\n{expected}")


def bad_grid_point_refused():
    never = fresh("bad_point")
    rel = (FIXTURES / "bad_grid_point.yaml").relative_to(ARGS.source)
    proc = fleetsim("sweep", rel, "-o", never, expect=2)
    # Reported in the campaign file, where 13 is written, with the grid point named.
    expected_head = f"{rel}:6:31: error: radio.spreading_factor: expected an integer from 7 to 12 or \"auto\", got 13"
    check(proc.stderr.startswith(expected_head), f"stderr\n{proc.stderr}\nexpected it to start with\n{expected_head}")
    check("grid point 1: fleet.containers=50, radio.spreading_factor=13" in proc.stderr, f"grid point not named:\n{proc.stderr}")
    check(not never.exists(), "nothing may run (or be written) when one grid point is bad")


def check_complete_campaign(out, runs_expected):
    campaign = campaign_json(out)
    check(all(run["status"] == "done" for run in campaign["runs"]), f"not every run done: {campaign['runs']}")
    rows = read_rows(out / "runs.csv")
    check(len(rows) == runs_expected, f"runs.csv has {len(rows)} rows, expected {runs_expected}")
    for row in rows:
        summary = json.loads((out / "runs" / f"{int(row['run']):04d}" / "summary.json").read_text())
        check(summary["records"]["balanced"], f"run {row['run']}: books do not close")
        check(float(row["delivery_ratio"]) == summary["records"]["delivery_ratio"], f"run {row['run']}: delivery ratio")
        check(int(row["seed"]) == summary["seed"], f"run {row['run']}: seed")
        check(int(row["fleet.containers"]) == summary["containers"], f"run {row['run']}: containers")
    return rows


def parallel_matches_serial():
    parallel = fresh("parallel")
    serial = fresh("serial")
    fleetsim("sweep", FIXTURES / "two_by_three.yaml", "-o", parallel, "-j", "2")
    fleetsim("sweep", FIXTURES / "two_by_three.yaml", "-o", serial, "-j1")
    rows = check_complete_campaign(parallel, 12)
    for name in ["runs.csv", "points.csv"]:
        check((parallel / name).read_bytes() == (serial / name).read_bytes(), f"{name} differs between -j 2 and -j 1")
    # A run of the campaign is the same as the run by hand with the same values.
    by_hand = fresh("by_hand")
    fleetsim("run", "scenarios/quickstart.yaml", "--set", "duration=6h", "--set", "output.timeseries_interval=1h",
             "--set", "fleet.containers=120", "--set", "fleet.firmware.report_interval=1h", "--seed", "2", "-o", by_hand, "--quiet")
    run = next(r for r in rows if r["fleet.containers"] == "120" and r["fleet.firmware.report_interval"] == "1h" and r["seed"] == "2")
    check((by_hand / "summary.json").read_bytes() == (parallel / "runs" / f"{int(run['run']):04d}" / "summary.json").read_bytes(),
          "a campaign run differs from the same run by hand")
    # points.csv: per point the mean of its three seeds, and a CI half-width of t(0.975, 2) x sd / sqrt(3).
    points = read_rows(parallel / "points.csv")
    check(len(points) == 4 and all(p["runs"] == "3" for p in points), f"points.csv: {points}")
    for point in points:
        values = [float(r["delivery_ratio"]) for r in rows if r["point"] == point["point"]]
        mean = sum(values) / 3
        sd = (sum((v - mean) ** 2 for v in values) / 2) ** 0.5
        check(abs(float(point["delivery_ratio_mean"]) - mean) < 1e-12, f"point {point['point']}: mean")
        check(abs(float(point["delivery_ratio_sd"]) - sd) < 1e-12, f"point {point['point']}: sd")
        check(abs(float(point["delivery_ratio_ci95"]) - 4.303 * sd / 3 ** 0.5) < 1e-12, f"point {point['point']}: ci95")


def resume_after_interrupt():
    out = fresh("resume")
    log = open(ARGS.work / "resume.log", "w")
    sweep = subprocess.Popen([ARGS.fleetsim, "sweep", str(FIXTURES / "slow_six.yaml"), "-o", str(out), "-j", "1"],
                             cwd=ARGS.source, stdout=log, stderr=subprocess.STDOUT)
    deadline = time.time() + 120
    try:
        while time.time() < deadline and not (out / "runs" / "0002" / "manifest.json").exists():
            time.sleep(0.05)  # run 2 has started: runs 0 and 1 are done
        check((out / "runs" / "0002").exists(), "the sweep did not get to its third run")
    finally:
        sweep.send_signal(signal.SIGTERM)
        code = sweep.wait(timeout=60)
    check(code == 130, f"an interrupted sweep exits 130, got {code} ({(ARGS.work / 'resume.log').read_text()})")
    statuses = [run["status"] for run in campaign_json(out)["runs"]]
    done = [i for i, s in enumerate(statuses) if s == "done"]
    check(len(done) >= 2 and len(done) < 6 and statuses[len(done):] == ["pending"] * (6 - len(done)),
          f"after the interruption: {statuses}")
    manifests = {i: (out / "runs" / f"{i:04d}" / "manifest.json").read_bytes() for i in done}
    # What an interrupted run left is removed before it is redone; a stray file shows that.
    stray = out / "runs" / f"{len(done):04d}" / "stray.txt"
    stray.parent.mkdir(parents=True, exist_ok=True)
    stray.write_text("left by an interrupted run\n")
    proc = fleetsim("sweep", FIXTURES / "slow_six.yaml", "-o", out, "-j", "2")
    check(f"{len(done)} already complete, {6 - len(done)} to run" in proc.stderr, f"resume said:\n{proc.stderr}")
    for i, manifest in manifests.items():
        check((out / "runs" / f"{i:04d}" / "manifest.json").read_bytes() == manifest, f"run {i} was complete but ran again")
    check(not stray.exists(), "the interrupted run's folder was not emptied before the rerun")
    check_complete_campaign(out, 6)
    # The resumed campaign aggregates to the same bytes as one run straight through.
    straight = fresh("straight")
    fleetsim("sweep", FIXTURES / "slow_six.yaml", "-o", straight, "-j", "2")
    for name in ["runs.csv", "points.csv"]:
        check((out / name).read_bytes() == (straight / name).read_bytes(), f"{name}: resumed differs from straight through")
    # A third time: nothing to do, and still the same tables.
    proc = fleetsim("sweep", FIXTURES / "slow_six.yaml", "-o", out)
    check("6 already complete, 0 to run" in proc.stderr, f"third sweep said:\n{proc.stderr}")


def failed_run_recorded():
    out = fresh("failing")
    wrapper = ARGS.work / "fail_run_3.sh"
    # Each run goes through FLEETSIM_SWEEP_WRAPPER; this one makes run 3 fail as a crashed run would.
    wrapper.write_text('#!/bin/sh\ncase "$*" in *runs/0003*) echo "simulated failure" >&2; exit 1;; esac\nexec "$@"\n')
    wrapper.chmod(0o755)
    env = dict(os.environ, FLEETSIM_SWEEP_WRAPPER=str(wrapper))
    proc = fleetsim("sweep", FIXTURES / "two_by_three.yaml", "-o", out, "-j", "2", expect=1, env=env)
    check("1 failed" in proc.stderr and "run 3 failed, see logs/0003.log" in proc.stderr, f"sweep said:\n{proc.stderr}")
    runs = campaign_json(out)["runs"]
    check(runs[3]["status"] == "failed" and runs[3]["exit_status"] == 1, f"run 3: {runs[3]}")
    check(all(r["status"] == "done" for i, r in enumerate(runs) if i != 3), "the other runs went on and finished")
    check("simulated failure" in (out / "logs" / "0003.log").read_text(), "the failed run's output is in its log")
    rows = read_rows(out / "runs.csv")
    check(rows[3]["status"] == "failed" and rows[3]["delivery_ratio"] == "", f"runs.csv row 3: {rows[3]}")
    point = read_rows(out / "points.csv")[1]  # run 3 is point 1's first seed
    check(point["runs"] == "2", f"point 1 averages its two finished seeds: {point}")
    # Without the failure the resumed sweep redoes run 3 alone and succeeds.
    proc = fleetsim("sweep", FIXTURES / "two_by_three.yaml", "-o", out)
    check("11 already complete, 1 to run" in proc.stderr, f"rerun said:\n{proc.stderr}")


def compare_output():
    a = fresh("compare_a")
    b = fresh("compare_b")
    common = ["--set", "duration=6h", "--set", "fleet.containers=200", "--quiet"]
    fleetsim("run", "scenarios/quickstart.yaml", *common, "-o", a)
    fleetsim("run", "scenarios/quickstart.yaml", *common, "--set", "fleet.firmware.report_interval=15min", "-o", b)
    sa = json.loads((a / "summary.json").read_text())
    sb = json.loads((b / "summary.json").read_text())
    text = fleetsim("compare", a, b).stdout
    check(f"A: {a}" in text and f"B: {b}" in text, f"the table names its columns:\n{text}")
    line = next(l for l in text.splitlines() if l.startswith("records_generated "))
    ga, gb = sa["records"]["generated"], sb["records"]["generated"]
    check(line.split()[1:4] == [str(ga), str(gb), str(gb - ga)], f"records_generated row: {line}")
    rows = list(csv.reader(fleetsim("compare", a, b, "--csv").stdout.splitlines()))
    check(rows[0] == ["metric", str(a), str(b), "B-A", "B/A-1"], f"csv header {rows[0]}")
    by_metric = {row[0]: row[1:] for row in rows[1:]}
    da, db = sa["records"]["delivery_ratio"], sb["records"]["delivery_ratio"]
    check(abs(float(by_metric["delivery_ratio"][2]) - (db - da)) < 1e-6, f"delivery ratio difference {by_metric['delivery_ratio']}")
    check(abs(float(by_metric["records_generated"][3]) - (gb / ga - 1)) < 1e-5, "relative difference")
    check(by_metric["satellite_cost_usd"] == ["", "", "", ""], "a yard run has no satellite figures")
    # Campaign points: DIR:N is the mean over the point's seeds.
    out = fresh("compare_campaign")
    fleetsim("sweep", FIXTURES / "two_by_three.yaml", "-o", out)
    points = read_rows(out / "points.csv")
    rows = list(csv.reader(fleetsim("compare", f"{out}:0", f"{out}:3", "--csv").stdout.splitlines()))
    by_metric = {row[0]: row[1:] for row in rows[1:]}
    for column, point in [(0, points[0]), (1, points[3])]:
        check(abs(float(by_metric["delivery_ratio"][column]) - float(point["delivery_ratio_mean"])) < 1e-6,
              f"point column {column}: {by_metric['delivery_ratio']} vs {point['delivery_ratio_mean']}")
    # Bad arguments exit 2, like every other argument error.
    fleetsim("compare", a, expect=2)  # one target is not a comparison
    fleetsim("compare", a, out / "no-such-run", expect=2)
    fleetsim("compare", a, f"{out}:99", expect=2)


CHECKS = [expansion, bad_campaign_files, bad_grid_point_refused, parallel_matches_serial, resume_after_interrupt,
          failed_run_recorded, compare_output]


def main():
    global ARGS
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("check", choices=[c.__name__ for c in CHECKS])
    for flag in ("--fleetsim", "--source"):
        parser.add_argument(flag, required=True)
    parser.add_argument("--work", required=True, type=Path)
    ARGS = parser.parse_args()
    ARGS.work.mkdir(parents=True, exist_ok=True)
    next(c for c in CHECKS if c.__name__ == ARGS.check)()
    print(f"{ARGS.check}: ok")


if __name__ == "__main__":
    sys.exit(main())
