#!/usr/bin/python3
"""Radio validation (issue #4): runs the fleetsim binary on scenarios/validation/*.yaml with --set
sweeps and writes, per study, a CSV and a PNG into results/validation/<study>/.

  /usr/bin/python3 results/validation/run_radio_validation.py [--fleetsim build/sim/fleetsim] [aloha lorasim ns3]

  aloha    pure ALOHA: delivery ratio against e^(-2G) for G = 0.05 .. 1.5 (exit 1 if any point is off by
           more than 2 percentage points)
  lorasim  Bor et al. 2016 single-gateway experiments 0, 1, 4: data extraction rate against node count,
           next to the same set-up under LoRaSim's own collision rules (lorasim_reference.py)
  ns3      ns-3 lorawan complete-network-example set-up: delivery ratio and losses by reason for 100,
           1,000 and 5,000 devices

Run from the repository root. Scratch run folders go to results/runs/validation/ (git-ignored).
Uses Debian's python3-matplotlib only.
"""
import argparse
import csv
import json
import math
import subprocess
import sys
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
import lorasim_reference  # noqa: E402

HERE = Path(__file__).resolve().parent
SCRATCH = Path("results/runs/validation")
SEED = 1

# Time on air of 20-byte frames, docs/sources.md section 11 (Semtech formula, 8-symbol preamble, explicit
# header, CRC, LDRO at SF11/12 on 125 kHz) [S].
TOA_SF7_CR45_20B_S = 0.056576
TOA_SF12_CR48_20B_S = 1.712128
TOA_SF12_CR45_20B_S = 1.318912


def run(fleetsim, scenario, name, overrides):
    out = SCRATCH / name
    cmd = [fleetsim, "run", f"scenarios/validation/{scenario}", "-o", str(out), "--quiet", "--overwrite", "--seed", str(SEED)]
    for override in overrides:
        cmd += ["--set", override]
    subprocess.run(cmd, check=True)
    return json.loads((out / "summary.json").read_text()), out


def frame_outcomes(summary):
    """Frames resolved during the run (1 record per frame in every validation set-up)."""
    records = summary["records"]
    lost_radio = {k: v for k, v in records["lost"].items() if k != "queue_full"}
    resolved = records["delivered"] + sum(lost_radio.values())
    return resolved, records["delivered"], lost_radio


def write_csv(path, header, rows):
    with open(path, "w", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(header)
        writer.writerows(rows)


def aloha(fleetsim):
    devices = 1000
    rows = []
    for load in [0.05, 0.1, 0.2, 0.3, 0.5, 0.75, 1.0, 1.25, 1.5]:
        # G = N·T / (gap + T)  ->  gap = N·T/G − T; about 30,000 frames per point.
        gap_s = devices * TOA_SF7_CR45_20B_S / load - TOA_SF7_CR45_20B_S
        duration_s = 30000 * TOA_SF7_CR45_20B_S / load
        summary, _ = run(fleetsim, "aloha.yaml", f"aloha-G{load}",
                         [f"radio.traffic.mean_gap={gap_s!r}s", f"duration={duration_s!r}s",
                          f"fleet.containers={devices}"])
        resolved, delivered, _ = frame_outcomes(summary)
        ratio = delivered / resolved
        theory = math.exp(-2 * load)
        rows.append([load, resolved, delivered, round(ratio, 5), round(theory, 5), round(100 * (ratio - theory), 3)])
    write_csv(HERE / "aloha" / "aloha.csv",
              ["offered_load_G", "frames", "delivered", "delivery_ratio", "theory_exp_minus_2G", "difference_pp"], rows)

    fig, ax = plt.subplots(figsize=(7, 4.2))
    g = [x / 100 for x in range(1, 161)]
    ax.plot(g, [math.exp(-2 * x) for x in g], "k-", label="pure ALOHA, $e^{-2G}$")
    ax.plot(g, [x * math.exp(-2 * x) for x in g], "k:", label="throughput $Ge^{-2G}$")
    ax.plot([r[0] for r in rows], [r[3] for r in rows], "o", color="tab:red", label="fleetsim delivery ratio")
    ax.plot([r[0] for r in rows], [r[0] * r[3] for r in rows], "s", color="tab:blue", mfc="none",
            label="fleetsim throughput")
    ax.set_xlabel("offered load G (frames per frame time)")
    ax.set_ylabel("delivery ratio / throughput")
    ax.set_title("Pure ALOHA: 1,000 devices, SF7, one channel, capture off")
    ax.grid(alpha=0.3)
    ax.legend()
    fig.tight_layout()
    fig.savefig(HERE / "aloha" / "aloha.png", dpi=120)
    plt.close(fig)
    worst = max(abs(r[5]) for r in rows)
    print(f"aloha: worst difference {worst:.2f} percentage points (limit 2)")
    return worst <= 2.0


LORASIM_EXPERIMENTS = {
    # name: (description, overrides, airtime, channels)
    "exp0": ("SF12 BW125 CR4/8, 1 frequency", [], TOA_SF12_CR48_20B_S, 1),
    "exp1": ("as 0, 3 frequencies (fixed per node)", ["radio.channels=[868.1MHz, 868.3MHz, 868.5MHz]"],
             TOA_SF12_CR48_20B_S, 3),
    "exp4": ("SF12 BW125 CR4/5, 1 frequency", ["radio.coding_rate=4/5"], TOA_SF12_CR45_20B_S, 1),
}
LORASIM_NODES = [50, 100, 200, 400, 600, 800, 1000, 1500]
LORASIM_GAP_S = 1000.0


def lorasim(fleetsim):
    rows = []
    for experiment, (_, overrides, airtime_s, channels) in LORASIM_EXPERIMENTS.items():
        for nodes in LORASIM_NODES:
            summary, _ = run(fleetsim, "lorasim.yaml", f"lorasim-{experiment}-{nodes}",
                             overrides + [f"fleet.containers={nodes}"])
            resolved, delivered, _ = frame_outcomes(summary)
            simple, _ = run(fleetsim, "lorasim.yaml", f"lorasim-{experiment}-{nodes}-nocapture",
                            overrides + [f"fleet.containers={nodes}", "radio.capture=false"])
            resolved_simple, delivered_simple, _ = frame_outcomes(simple)
            reference = lorasim_reference.simulate(nodes, airtime_s, channels, LORASIM_GAP_S,
                                                   duration_s=2 * 86400, seed=SEED)
            load = nodes * airtime_s / (LORASIM_GAP_S + airtime_s) / channels
            rows.append([experiment, nodes, resolved, round(delivered / resolved, 4),
                         round(delivered_simple / resolved_simple, 4), round(reference["der_full"], 4),
                         round(reference["der_simple"], 4), round(math.exp(-2 * load), 4)])
    write_csv(HERE / "lorasim" / "lorasim.csv",
              ["experiment", "nodes", "frames", "der_fleetsim_capture", "der_fleetsim_no_capture",
               "der_lorasim_rules_full", "der_lorasim_rules_simple", "der_aloha_theory"], rows)

    fig, axes = plt.subplots(1, len(LORASIM_EXPERIMENTS), figsize=(13, 4.2), sharey=True)
    for ax, (experiment, (description, _, _, _)) in zip(axes, LORASIM_EXPERIMENTS.items()):
        mine = [r for r in rows if r[0] == experiment]
        nodes = [r[1] for r in mine]
        ax.plot(nodes, [r[3] for r in mine], "o-", color="tab:red", label="fleetsim, 6 dB capture")
        ax.plot(nodes, [r[5] for r in mine], "x--", color="tab:green", label="LoRaSim rules, full")
        ax.plot(nodes, [r[4] for r in mine], "s-", color="tab:blue", mfc="none", label="fleetsim, capture off")
        ax.plot(nodes, [r[6] for r in mine], "+--", color="tab:purple", label="LoRaSim rules, simple")
        ax.plot(nodes, [r[7] for r in mine], "k:", label="$e^{-2G}$")
        ax.set_title(f"{experiment}: {description}", fontsize=9)
        ax.set_xlabel("nodes")
        ax.grid(alpha=0.3)
    axes[0].set_ylabel("data extraction rate")
    axes[0].legend(fontsize=8)
    fig.suptitle("Bor et al. 2016 single-gateway set-up (20 B, 1 frame per ~1000 s, 99 m disc)")
    fig.tight_layout()
    fig.savefig(HERE / "lorasim" / "lorasim.png", dpi=120)
    plt.close(fig)
    print("lorasim: written")
    return True


NS3_DEVICES = [100, 1000, 5000]


def ns3(fleetsim):
    rows = []
    reasons = None
    for devices in NS3_DEVICES:
        summary, out = run(fleetsim, "ns3_complete_network.yaml", f"ns3-{devices}", [f"fleet.containers={devices}"])
        resolved, delivered, lost = frame_outcomes(summary)
        reasons = list(lost)
        with open(out / "devices.csv", newline="") as f:
            spreading_factors = [int(r["spreading_factor"]) for r in csv.DictReader(f)]
        sf_share = [round(spreading_factors.count(sf) / devices, 4) for sf in range(7, 13)]
        rows.append([devices, resolved, delivered, round(delivered / resolved, 4)] + [lost[r] for r in reasons]
                    + [summary["frames"]["duty_cycle_deferrals"]] + sf_share)
    write_csv(HERE / "ns3" / "ns3_complete_network.csv",
              ["devices", "frames", "delivered", "delivery_ratio"] + [f"lost_{r}" for r in reasons]
              + ["duty_cycle_deferrals"] + [f"share_sf{sf}" for sf in range(7, 13)], rows)

    fig, ax = plt.subplots(figsize=(7, 4.2))
    labels = [f"{r[0]:,}" for r in rows]
    bottom = [0.0] * len(rows)
    shares = [("delivered", [r[2] / r[1] for r in rows])]
    for i, reason in enumerate(reasons):
        values = [r[4 + i] / r[1] for r in rows]
        if any(values):
            shares.append((reason.replace("_", " "), values))
    for name, values in shares:
        ax.bar(labels, values, bottom=bottom, label=name)
        bottom = [b + v for b, v in zip(bottom, values)]
    ax.set_xlabel("devices (one gateway, 6.4 km disc, one frame per 600 s, 1 h)")
    ax.set_ylabel("share of frames")
    ax.set_title("ns-3 complete-network-example set-up: outcome of every frame")
    ax.legend(fontsize=8, loc="lower left")
    fig.tight_layout()
    fig.savefig(HERE / "ns3" / "ns3_complete_network.png", dpi=120)
    plt.close(fig)
    print("ns3: written")
    return True


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--fleetsim", default="build/sim/fleetsim")
    parser.add_argument("studies", nargs="*", default=["aloha", "lorasim", "ns3"])
    args = parser.parse_args()
    studies = {"aloha": aloha, "lorasim": lorasim, "ns3": ns3}
    ok = True
    for name in args.studies:
        (HERE / name).mkdir(exist_ok=True)
        ok = studies[name](args.fleetsim) and ok
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
