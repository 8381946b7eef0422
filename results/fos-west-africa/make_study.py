#!/usr/bin/python3
"""Fos-West Africa reference studies: runs fleetsim on scenarios/fos-west-africa.yaml and
scenarios/fos-west-africa-cable-cut.yaml (10,000 containers, 35 days each) and writes into this folder
the figures, the tables they are drawn from, and README.md (every number in it comes from the two runs).

  /usr/bin/python3 results/fos-west-africa/make_study.py [--fleetsim build/sim/fleetsim] [--reuse-runs]

--reuse-runs redraws from the run folders already in results/runs/ (after changing only this script).

Run from the repository root. The run folders go to results/runs/fos-west-africa/ and
results/runs/fos-west-africa-cable-cut/ (git-ignored). Uses Debian's python3-matplotlib only. What the
reference studies share (running, reading, mixing path distributions, the README lines that read
alike) is results/study_common.py; only what this lane names is here.
"""
import json
import sys
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
import study_common as sc  # noqa: E402

HERE = Path(__file__).resolve().parent
BASE, CUT = "fos-west-africa", "fos-west-africa-cable-cut"
DAY_S = 86400.0
CUT_AT_S = 420 * 3600.0  # 2Africa and ACE go down off Abidjan at hour 420 (day 17.5) in the cut scenario
CUT_LINKS = ["2Africa Marseille-Abidjan", "ACE Dakar-Abidjan"]
PHASES = ["at_origin", "road", "yard", "at_sea", "port_call", "delivered"]
CABLES = ("2Africa", "ACE", "Equiano", "Atlas Offshore")
LORA_PORTS = {"fos": "Fos-sur-Mer", "tng": "Tanger Med", "los": "Lagos"}


def path_group(path):
    """How the data left the box (LoRa at a port, LTE-M at a port, a ship's hub) and the cable systems
    it crossed home to Marseille."""
    links = path.split(" > ")
    first = links[0]
    if first.endswith("-satellite"):
        return "ship hub, GEO satellite"
    systems = []
    for link in links:
        system = next((c for c in CABLES if link.startswith(c)), None)
        if system and system not in systems:
            systems.append(system)
    cables = " + ".join(systems) if systems else "no cable"
    if first.endswith("-lte-link"):
        return f"LTE-M {first[:-len('-lte-link')]}, {cables}"
    return f"LoRa {LORA_PORTS.get(first[:3], first)}, {cables}"


def check_same_but_faults(base, cut):
    """The cut study differs from the base only by its name, description and faults: checked on the
    resolved scenarios so the comparison cannot drift."""
    if not sc.same_but_faults(base, cut):
        raise SystemExit(f"{CUT}.yaml differs from {BASE}.yaml by more than its faults")
    resolved = (cut / "scenario.resolved.yaml").read_text()
    for link in CUT_LINKS:
        if f'{{link: "{link}", down: {int(CUT_AT_S)}s' not in resolved:
            raise SystemExit(f"the cut changed ({link}): update CUT_AT_S or CUT_LINKS in {__file__}")


def plot_latency_cdf(run_dir, containers, out):
    title = f"fos-west-africa: latency CDF per path ({containers:,} containers, 35 days)"
    sc.plot_latency_cdf(sc.group_cdfs(run_dir, path_group), 1000, title, out)


def satellite_by_service(run_dir):
    """Per service, hourly mean throughput of all its ships' satellite links (kbit/s)."""
    series = {}
    for row in sc.read_csv(run_dir / "link_load.csv"):
        if row["kind"] != "satellite":
            continue
        service = row["link"].rsplit("-", 2)[0]
        per_bin = series.setdefault(service, {})
        t = float(row["time_s"]) / DAY_S
        per_bin[t] = per_bin.get(t, 0.0) + float(row["mean_bps"]) / 1e3
    return {service: sorted(points.items()) for service, points in series.items()}


def plot_satellite(run_dir, out):
    fig, ax = plt.subplots(figsize=(9, 4))
    for service, points in sorted(satellite_by_service(run_dir).items()):
        ax.plot([t for t, _ in points], [b for _, b in points], linewidth=0.9, label=f"{service} hubs")
    ax.set_xlabel("day")
    ax.set_ylabel("satellite throughput (kbit/s, hourly mean)")
    ax.set_title("fos-west-africa: satellite load per service")
    ax.legend()
    fig.tight_layout()
    fig.savefig(out, dpi=120)


def stage_rows(phases):
    """The per-leg rows of phases.csv in journey order, those with time in them."""
    order = {"leg1": 0, "leg2": 1, "inland": 2}
    rows = [r for name, r in phases.items() if "/" in name and float(r["device_days"]) > 0]
    return sorted(rows, key=lambda r: (order[r["phase"].split("/")[0]], PHASES.index(r["phase"].split("/")[1])))


def plot_phases(phases, out):
    rows = [r for r in stage_rows(phases) if not r["phase"].endswith(("at_origin", "delivered"))]
    sc.plot_phase_bars([r["phase"] for r in rows], rows, "leg and phase", (11, 4), 40, out)


def plot_cut(base, cut, out):
    """Backhaul p50 of each path group that carried traffic after the cut, with and without it."""
    before = sc.group_table(base, path_group, CUT_AT_S)
    after = sc.group_table(cut, path_group, CUT_AT_S)
    groups = [g for g in sorted(set(before) | set(after)) if not g.startswith("ship hub")
              and (before.get(g, {}).get("records", 0) + after.get(g, {}).get("records", 0)) >= 500]
    def p50_ms(table, g):
        return table[g]["p50_weighted"] / table[g]["records"] * 1e3 if g in table else 0.0
    fig, ax = plt.subplots(figsize=(10, 4.5))
    y = range(len(groups))
    ax.barh([i + 0.2 for i in y], [p50_ms(before, g) for g in groups], height=0.4, label=BASE)
    ax.barh([i - 0.2 for i in y], [p50_ms(after, g) for g in groups], height=0.4, label=CUT)
    ax.set_yticks(list(y))
    ax.set_yticklabels(groups, fontsize=7)
    ax.set_xlabel("backhaul p50 after day 17.5 (ms); absent bar: the path carried nothing")
    ax.set_title("The cut off Abidjan: Lagos's traffic moves from 2Africa to Equiano")
    ax.legend(fontsize=8)
    fig.tight_layout()
    fig.savefig(out, dpi=120)


def satellite_lines(summary, scenario_services):
    sat = summary["voyage"]["satellite"]
    per_service = {}
    for link in sat["links"]:
        service = link["name"].rsplit("-", 2)[0]
        entry = per_service.setdefault(service, {"bytes": 0, "cost_usd": 0.0, "ships": 0})
        entry["bytes"] += link["bytes"]
        entry["cost_usd"] += link["cost_usd"]
        entry["ships"] += 1
    lines = [f"- Satellite: {sat['bytes'] / 1e6:,.1f} MB in 35 days, **${sat['cost_usd']:,.0f}**"
             f" at ${sat['price_usd_per_mb']}/MB:"]
    for service in scenario_services:
        e = per_service.get(service, {"bytes": 0, "cost_usd": 0.0, "ships": 0})
        lines.append(f"  {service} ({e['ships']} ships) {e['bytes'] / 1e6:,.1f} MB, ${e['cost_usd']:,.0f};")
    lines[-1] = lines[-1].rstrip(";") + "."
    return lines


def write_readme(base, cut, phases_base, containers):
    s_base = json.loads((base / "summary.json").read_text())
    s_cut = json.loads((cut / "summary.json").read_text())
    r, rc = s_base["records"], s_cut["records"]
    parts = s_base["latency_breakdown_s"]
    lines = [
        f"# Fos–West Africa reference studies: {containers:,} containers Lyon → Fos → Tanger Med → Lagos",
        "",
        "Regenerate both (after `cmake --build build --target fleetsim`, from the repository root; a few",
        "minutes per run on a 2-core machine):",
        "",
        "```sh",
        "/usr/bin/python3 results/fos-west-africa/make_study.py",
        "```",
        "",
        "Scenarios `scenarios/fos-west-africa.yaml` and `scenarios/fos-west-africa-cable-cut.yaml` (identical",
        "but for two faults, which the script checks); routes `scenarios/routes/fos-tanger-med.yaml` and",
        "`scenarios/routes/tanger-med-lagos.yaml`. Each box is trucked from Lyon to the Fos yard, sails on the",
        "`med-shuttle` (16 ships, 15 kn, two sailings a week) to Tanger Med, waits in the Tanger Med yard at",
        "least a day and boards the first `west-africa` ship (19 ships, 15 kn) that leaves after that: Dakar,",
        "Abidjan and Tema are calls on board, Lagos is the discharge, a truck takes it to Ibadan. It reports",
        "over LoRa to a yard's gateways or the ship's hub (GEO, 600 ms round trip, 2 Mbit/s, $2.14/MB), falls",
        "back to LTE-M within 30 km of a port and over land, and stores what it cannot send. The data crosses",
        "the ports' networks and the African cables home to the Marseille data centre. Sources for every",
        "figure: [docs/sources-west-africa.md](../../docs/sources-west-africa.md) and the scenario's comments.",
        "",
        "## What the fleet delivered",
        "",
        *sc.records_lines(r),
        *satellite_lines(s_base, ["med-shuttle", "west-africa"]),
        f"- Confirmed frames: {s_base['downlinks']['sent']:,} ACKs sent, {s_base['downlinks']['received']:,} received;"
        f" the ship hubs sent {sc.hub_share(s_base):.0f} % of the downlinks.",
        "",
        "## Latency per path",
        "",
        "![latency CDF per path](latency_cdf.png)",
        "",
        "Backhaul is gateway (or hub, or cellular network) reception → data centre; its median is the",
        "physics of the path when nothing waits: fibre at 4.9 µs/km plus equipment, half the GEO round trip,",
        "the LTE-M network's 100 ms.",
        "",
        *sc.path_table(sc.group_table(base, path_group)),
        "",
        *sc.latency_parts_table(parts),
        "",
        "## Satellite load",
        "",
        "![satellite load](satellite_load.png)",
        "",
        "Hourly mean throughput of the hubs' satellite links per service (`link_load_fos-west-africa.csv`).",
        "The shuttle's boxes are on board for two or three days, the West Africa service's for two weeks,",
        "so most of the bill is the long leg's. The spikes every 6 h over the first two weeks are the set-up's,",
        "as in the Asia–Med study: every tracker boots at the run's start and keeps that phase when it moves to",
        "the 6 h sea period, so a ship's boxes report within the same hour until the boxes loaded later mix in.",
        "",
        "## Battery drain and age of information per leg",
        "",
        "![per leg and phase](phases.png)",
        "",
        "`leg1` is Lyon to the Fos yard and the shuttle; `leg2` is the Tanger Med yard (the transshipment)",
        "and the West Africa service with its calls; `inland` is the Lagos yard and the truck.",
        "",
        "| leg/phase | device-days | mAh per device-day | mean age of information (h) |",
        "|---|---|---|---|",
        *[sc.phase_row(row["phase"], row) for row in stage_rows(phases_base)],
        "",
        "The fleet rows of `phases_fos-west-africa.csv` (`yard`, `at_sea`, ...) are the sums of these.",
        "At sea most boxes cannot see the sky, so each 8-hourly GNSS search runs to its timeout: a day at sea",
        "costs more than a day in a yard. The age of information counts from a device's first delivery.",
        "",
        "## The cable cut off Abidjan from day 17.5",
        "",
        "![cut](cable_cut_latency.png)",
        "",
        "On 14 March 2024 a submarine landslide in the canyon off Abidjan cut WACS, ACE, MainOne and SAT-3;",
        "the last repair took until May. The cut study takes down, at the same place, the two systems of this",
        "network that pass it north of their Abidjan landings: 2Africa and ACE. Paths used after the cut",
        "(`paths_fos-west-africa-cable-cut.csv`):",
        "",
        *sc.path_table(sc.group_table(cut, path_group, CUT_AT_S)),
        "",
    ]
    before, after = sc.group_table(base, path_group, CUT_AT_S), sc.group_table(cut, path_group, CUT_AT_S)
    by_entry = {group.split(", ")[0]: (group.split(", ")[1], g) for group, g in before.items()}
    for group, g in sorted(after.items()):
        entry, cables = group.split(", ")[0], group.split(", ")[-1]
        if entry not in by_entry or by_entry[entry][0] == cables:
            continue
        was_cables, was = by_entry[entry]
        delta_ms = min(g["idle_ms"]) - min(was["idle_ms"])
        lines.append(f"- {entry}: {was_cables} → {cables}, idle latency {delta_ms:+.3f} ms.")
    buffered = sc.buffered_peak(cut)
    lines += [
        sc.cut_delivery_line(r, rc, buffered),
        "- Tanger Med (Atlas Offshore), Fos and the ship hubs (the Marseille teleport) cross neither cut cable.",
        "- Dakar keeps ACE northwards to Penmarc'h: the break is south of it.",
    ]
    if buffered == 0:
        lines.append("- Every port had another route at every moment, so nothing waited: the cut costs latency only.")
    lines += [
        "",
        "## Assumptions to keep in mind",
        "",
        "- Cable segment lengths are great circles over the sea lane's turning points plus 10 %, not the",
        "  systems' surveyed routes (only whole-system lengths are published); Atlas Offshore's 1,634 km is",
        "  published. Terrestrial fibre is the great circle plus 30 %.",
        "- MainOne, WACS and SAT-3 land in Portugal and the United Kingdom and are not modelled; Equiano's",
        "  Lagos branch is its only landing here. Bandwidths are placeholders that never bind.",
        "- One itinerary for every box (Lyon → Lagos); the calls at Dakar, Abidjan and Tema carry no boxes",
        "  on or off, they only bring the ship into those ports' LTE-M reach.",
        "",
        *sc.files_lines(BASE),
    ]
    (HERE / "README.md").write_text("\n".join(lines) + "\n")


def main():
    base, cut = sc.run_pair(HERE, BASE, CUT, check_same_but_faults)
    phases_base = sc.phases_by_name(base)
    containers = json.loads((base / "summary.json").read_text())["containers"]
    plot_latency_cdf(base, containers, HERE / "latency_cdf.png")
    plot_satellite(base, HERE / "satellite_load.png")
    plot_phases(phases_base, HERE / "phases.png")
    plot_cut(base, cut, HERE / "cable_cut_latency.png")
    write_readme(base, cut, phases_base, containers)


if __name__ == "__main__":
    main()
