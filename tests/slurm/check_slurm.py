#!/usr/bin/env python3
"""The campaign as a real Slurm job array on this machine.

Starts a private single-node Slurm (slurm_localhost.sh up), submits tests/slurm/four_runs.yaml with
`fleetsim sweep --submit` (a 4-task array and the aggregation job that depends on it), waits for
both, and checks that runs.csv and points.csv are byte-identical to a local sweep of the same
campaign. Slurm is stopped at the end whatever happened (slurm_localhost.sh down).
"""
import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def run(cmd, env=None, **kw):
    proc = subprocess.run([str(c) for c in cmd], capture_output=True, text=True, env=env, **kw)
    if proc.returncode != 0:
        raise AssertionError(f"{' '.join(map(str, cmd))}: exit {proc.returncode}\n{proc.stdout}\n{proc.stderr}")
    return proc


def job_states(env, job_ids):
    """Every job's (state, exit code) from scontrol, array tasks included; empty once Slurm forgot them."""
    states = []
    for job in job_ids:
        proc = subprocess.run(["scontrol", "-o", "show", "job", job], capture_output=True, text=True, env=env)
        for line in proc.stdout.splitlines():
            state = re.search(r"JobState=(\S+)", line)
            code = re.search(r"ExitCode=(\S+)", line)
            states.append((state.group(1) if state else "?", code.group(1) if code else "?"))
    return states


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--fleetsim", required=True)
    parser.add_argument("--work", required=True, type=Path)
    args = parser.parse_args()
    if args.work.exists():
        shutil.rmtree(args.work)
    args.work.mkdir(parents=True)
    cluster = args.work / "slurm"
    script = HERE / "slurm_localhost.sh"
    campaign = HERE / "four_runs.yaml"
    env = dict(os.environ, SLURM_CONF=str(cluster / "slurm.conf"))
    started = time.time()
    try:
        run([script, "up", cluster])
        on_slurm = args.work / "on_slurm"
        submitted = run([args.fleetsim, "sweep", campaign, "-o", on_slurm, "--submit", "-j", "2"], env=env).stdout
        jobs = re.search(r"submitted job array (\d+) and aggregation job (\d+)", submitted)
        assert jobs, f"no job ids in: {submitted}"
        script_text = (on_slurm / "slurm" / "array.sbatch").read_text()
        assert "#SBATCH --array=0-3%2\n" in script_text, script_text
        deadline = time.time() + 120
        while time.time() < deadline:
            states = job_states(env, jobs.groups())
            if states and all(s in ("COMPLETED", "FAILED", "CANCELLED", "TIMEOUT") for s, _ in states):
                break
            time.sleep(0.5)
        states = job_states(env, jobs.groups())
        assert len(states) == 5 and all(s == ("COMPLETED", "0:0") for s in states), \
            f"expected 4 array tasks and the aggregation COMPLETED with 0:0, got {states}"
        campaign_json = json.loads((on_slurm / "campaign.json").read_text())
        assert [r["status"] for r in campaign_json["runs"]] == ["done"] * 4, campaign_json["runs"]

        local = args.work / "local"
        run([args.fleetsim, "sweep", campaign, "-o", local, "-j", "2"])
        for name in ["runs.csv", "points.csv"]:
            a, b = (on_slurm / name).read_bytes(), (local / name).read_bytes()
            assert a == b, f"{name} differs between Slurm and the local sweep:\n{a.decode()}\n---\n{b.decode()}"
        print(f"slurm array of 4 runs aggregated to the same bytes as the local sweep ({time.time() - started:.1f} s)")
    finally:
        subprocess.run([str(script), "down", str(cluster)])


if __name__ == "__main__":
    sys.exit(main())
