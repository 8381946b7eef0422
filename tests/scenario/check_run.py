#!/usr/bin/env python3
"""Scenario tests: run the fleetsim binary and check what it wrote.

Each check is one function; ctest calls this script once per check (tests/scenario/CMakeLists.txt).
A check fails by raising (non-zero exit), printing what it expected and what it found.
"""
import argparse
import csv
import filecmp
import json
import math
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

ARGS = None
QUICKSTART = "scenarios/quickstart.yaml"
# A smaller variant of the quickstart for the checks that run several times.
SMALL = ["--set", "fleet.containers=300", "--set", "duration=2d"]
# A congested variant, so that every kind of fate occurs: many devices on one channel at SF12.
# SF12 frames of ~1.5 s need ~150 s of off-time at 1 %: reports every minute back the queue up.
CONGESTED = ["--set", "fleet.containers=200", "--set", "duration=1d",
             "--set", "radio.spreading_factor=12", "--set", "radio.channels=[868.1MHz]",
             "--set", "fleet.firmware.report_interval=1min", "--set", "fleet.firmware.queue_capacity=4"]
DETERMINISTIC_FILES = ["summary.json", "devices.csv", "gateways.csv", "timeseries.csv",
                       "latency_percentiles.csv", "paths.csv", "path_percentiles.csv", "links.csv", "latency_timeseries.csv",
                       "scenario.resolved.yaml"]
CABLE_CUT = "scenarios/singapore-cable-cut.yaml"
ASIA_MED = "scenarios/asia-med.yaml"
ASIA_MED_CUT = "scenarios/asia-med-cable-cut.yaml"
# The Asia-Med loop at test size: 400 containers for 12 days (ships already under way, at every phase).
VOYAGE_SMALL = ["--set", "fleet.containers=400", "--set", "duration=12d", "--set", "output.timeseries_interval=1d"]


def fleetsim(*args, expect=0):
    cmd = [ARGS.fleetsim, *args]
    proc = subprocess.run(cmd, cwd=ARGS.source, capture_output=True, text=True)
    if proc.returncode != expect:
        raise AssertionError(f"{' '.join(cmd)}: exit {proc.returncode}, expected {expect}\n"
                             f"stdout:\n{proc.stdout}\nstderr:\n{proc.stderr}")
    return proc


def run(name, *extra, scenario=QUICKSTART):
    out = ARGS.work / name
    if out.exists():
        shutil.rmtree(out)
    fleetsim("run", scenario, "-o", str(out), "--quiet", *extra)
    return out


def load_summary(out):
    return json.loads((out / "summary.json").read_text())


def check(condition, message):
    if not condition:
        raise AssertionError(message)


def records_balance(s):
    r = s["records"]
    lost = sum(r["lost"].values())
    check(r["lost_total"] == lost, f"lost_total {r['lost_total']} != sum of reasons {lost}")
    accounted = r["delivered"] + lost + r["queued_on_device"] + r["on_air"] + r["in_flight"]
    check(accounted == r["generated"], f"generated {r['generated']} != accounted {accounted}: {r}")
    check(r["balanced"] is True, "summary says the books do not balance")


def device_records_balance(row):
    """A devices.csv row closes as the summary does, but for what is on air or in flight."""
    gen = int(row["records_generated"])
    # Every loss column (they follow the RadioLoss enum), whatever the reasons are.
    lost = sum(int(v) for k, v in row.items() if k.startswith("records_lost_"))
    acc = lost + sum(int(row[k]) for k in ["records_delivered", "records_dropped_queue_full", "records_queued"])
    check(acc <= gen and gen - acc <= 16,  # the rest is on air or in flight (one frame at most)
          f"device {row['device_id']}: generated {gen}, accounted {acc}")


def quickstart_completes():
    out = run("quickstart")
    manifest = json.loads((out / "manifest.json").read_text())
    check(manifest["completed"] is True, f"manifest not completed: {manifest}")
    for name in DETERMINISTIC_FILES:
        check((out / name).stat().st_size > 0, f"{name} is empty")
    summary = load_summary(out)
    check(summary["containers"] == 2000, "quickstart has 2,000 containers")
    records = summary["records"]
    # Per device over 7 days: about 168 hourly reports (the first comes at a random offset), 21
    # positions (8-hourly), and alerts for 1 door opening + 1 closing + 0.2 knocks a day (about 15.4,
    # Poisson over the fleet: a standard deviation of 0.1 per device).
    check(2000 * 200 <= records["generated"] <= 2000 * 209, f"generated {records['generated']}")
    check(records["delivery_ratio"] > 0.5, f"delivery ratio {records['delivery_ratio']}")
    with open(out / "devices.csv") as f:
        rows = list(csv.DictReader(f))
    check(len(rows) == 2000, f"devices.csv has {len(rows)} rows")


def same_seed_same_bytes():
    a = run("a", *SMALL)
    b = run("b", *SMALL)
    for name in DETERMINISTIC_FILES:
        check(filecmp.cmp(a / name, b / name, shallow=False), f"{name} differs between two runs with the same seed")


def other_seed_other_bytes():
    a = run("a", *SMALL)
    b = run("b", *SMALL, "--seed", "2")
    for name in ["summary.json", "devices.csv"]:
        check(not filecmp.cmp(a / name, b / name, shallow=False), f"{name} is the same for seeds 1 and 2")


def books_close():
    out = run("congested", *CONGESTED)
    s = load_summary(out)
    records_balance(s)
    r = s["records"]
    check(r["lost"]["interference_same_sf"] > 0, f"congested run has no interference losses: {r}")
    check(r["lost"]["queue_full"] > 0, f"congested run has no queue drops (duty cycle should back up the queue): {r}")
    e = s["energy"]
    check(math.isclose(e["components_total_mah"], e["battery_drawn_mah"], rel_tol=1e-9),
          f"component charge {e['components_total_mah']} != battery drawn {e['battery_drawn_mah']}")
    by_component = sum(e["by_component_mah"].values())
    check(math.isclose(by_component, e["components_total_mah"], rel_tol=1e-9),
          f"sum by component {by_component} != total {e['components_total_mah']}")
    # Per device, the CSV closes the same way.
    with open(out / "devices.csv") as f:
        for row in csv.DictReader(f):
            device_records_balance(row)


def brown_out_closes_books():
    # Cells so small that every device browns out within the day, some with a frame on air.
    out = run("brown_out", "--set", "fleet.containers=2000", "--set", "duration=1d",
              "--set", "fleet.device.battery.capacity=0.05mAh", "--set", "fleet.device.battery.usable_fraction=100%")
    s = load_summary(out)
    r = s["records"]
    check(s["battery_life_years"]["browned_out_devices"] == 2000, f"not every device browned out: {s}")
    check(r["balanced"] is True and r["lost"]["brown_out"] > 0, f"brown-out books: {r}")
    # A dead device draws nothing: its death is predicted from the load, so no device drew more than its
    # cell held (0.1 % allows for the last impulse charges).
    with open(out / "devices.csv") as f:
        for row in csv.DictReader(f):
            check(float(row["charge_total_mah"]) <= 0.05 * 1.001, f"device {row['device_id']} drew {row['charge_total_mah']} mAh")


def idle_latency_is_physics():
    # One device next to a gateway at SF7: the fastest delivery is airtime + port link + fibre + equipment
    # (+ transfer time of the message, negligible at these bandwidths). CM02 keeps latencies as configured.
    out = run("idle", "--set", "fleet.containers=1", "--set", "duration=6h", "--set", "radio.spreading_factor=7",
              "--set", "radio.path_loss.shadowing_sigma=0dB")
    s = load_summary(out)
    # One routine record: 8-byte frame header + 17-byte record + 13 bytes of LoRaWAN overhead = 38 B PHY payload.
    # SF7/125 kHz/CR 4/5/explicit header/CRC: 8 + ceil((8*38 - 28 + 28 + 16) / 28) * 5 = 68 payload symbols,
    # (8 + 4.25 + 68) symbols of 1.024 ms each.
    toa_s = (8 + 4.25 + 68) * 1.024e-3
    backhaul_s = 0.002 + 60 * 4.9e-6 + 0.001
    check(math.isclose(s["latency_s"]["idle_backhaul"], backhaul_s, rel_tol=1e-12),
          f"idle backhaul {s['latency_s']['idle_backhaul']} != {backhaul_s}")
    measured = s["latency_s"]["min"]
    expected = toa_s + backhaul_s
    # Generation times travel in whole milliseconds, so a delivery may look up to 1 ms older.
    check(expected - 1e-6 <= measured <= expected + 1.1e-3, f"min latency {measured} s, physics says {expected} s")


def every_path_latency_is_physics():
    # The Singapore cable-cut network with one device at SF7: every path its copies took (SEA-ME-WE 6,
    # then SEA-ME-WE 5 while 6 is cut, from each gateway) has the idle latency of its physics, written
    # here from the scenario's figures: fibre km x 4.9 us/km (docs/sources.md section 5) + equipment.
    out = run("paths", "--set", "fleet.containers=1", "--set", "radio.spreading_factor=7",
              "--set", "radio.path_loss.shadowing_sigma=0dB", scenario=CABLE_CUT)
    us_per_km = 4.9e-6
    port_s = 0.002 + (25 * us_per_km + 0.0005)   # gateway LAN, then the port router to the Tuas landing
    metro_s = 8 * us_per_km + 0.0002
    cable_s = {"SEA-ME-WE 6": 19200 * us_per_km + 0.001, "SEA-ME-WE 5": 20000 * us_per_km + 0.001}
    with open(out / "paths.csv") as f:
        paths = list(csv.DictReader(f))
    fastest = {}
    for row in paths:
        cable = row["path"].split(" > ")[2]
        physics = port_s + cable_s[cable] + metro_s
        check(math.isclose(float(row["idle_latency_s"]), physics, rel_tol=1e-12),
              f"{row['path']}: idle latency {row['idle_latency_s']} != physics {physics}")
        fastest[cable] = min(fastest.get(cable, math.inf), float(row["backhaul_min_s"]))
    check(set(fastest) == set(cable_s), f"paths cover {set(fastest)}, expected both cables")
    for cable, seconds in fastest.items():
        # The fastest copy over the cable (some copies waited in a buffer, not all): the physics plus
        # ~0.2 kB at 100 Mbit/s on the gateway LAN (< 20 us).
        physics = port_s + cable_s[cable] + metro_s
        check(physics <= seconds <= physics + 50e-6, f"{cable}: fastest copy {seconds} s, physics {physics} s")
    # The reroute costs what 800 km more of fibre cost: 3.92 ms.
    check(math.isclose(cable_s["SEA-ME-WE 5"] - cable_s["SEA-ME-WE 6"], 3.92e-3, rel_tol=1e-9), "800 km = 3.92 ms")


def cable_cut_books_close():
    # Small buffers so that they fill while both cables are cut: every dropped copy is counted, the
    # records of frames that lost every copy are lost with their own reason, and the books close.
    out = run("cable_cut", "--set", "fleet.containers=300", "--set", "network.gateway_buffer=200", scenario=CABLE_CUT)
    s = load_summary(out)
    r = s["records"]
    check(r["balanced"] is True, f"books do not close: {r}")
    check(r["lost"]["gateway_buffer_full"] > 0, f"no records lost to full gateway buffers: {r}")
    with open(out / "gateways.csv") as f:
        gateways = list(csv.DictReader(f))
    check(all(int(g["buffer_peak"]) == 200 for g in gateways), f"buffers did not fill: {gateways}")
    check(sum(int(g["frames_lost_gateway_down"]) for g in gateways) > 0, "the gateway outage lost no frame")
    check(all(int(g["buffered_at_end"]) == 0 for g in gateways), "copies left in buffers after the repair")
    with open(out / "devices.csv") as f:
        lost = sum(int(row["records_lost_gateway_buffer_full"]) for row in csv.DictReader(f))
    check(lost == r["lost"]["gateway_buffer_full"], f"devices.csv buffer losses {lost} != summary {r['lost']}")


def forward_window_bundles_copies():
    # network.forward_window: each gateway's forwarder sends what it received within a minute as one
    # message. Every copy still arrives (books close), each gateway LAN link carries fewer messages than
    # the gateway forwarded copies but exactly their bytes, the wait counts as time at the gateway, and
    # the same seed gives the same outputs.
    window = ["--set", "network.forward_window=60s"]
    out = run("forward_window", *SMALL, *window)
    again = run("forward_window_again", *SMALL, *window)
    for name in DETERMINISTIC_FILES:
        check(filecmp.cmp(out / name, again / name, shallow=False), f"{name} differs between two bundled runs")
    s = load_summary(out)
    check(s["records"]["balanced"] is True, f"books do not close: {s['records']}")
    with open(out / "gateways.csv") as f:
        gateways = {g["gateway"]: g for g in csv.DictReader(f)}
    with open(out / "links.csv") as f:
        links = {row["link"]: row for row in csv.DictReader(f)}
    for name, g in gateways.items():
        link = links[name + "-link"]
        check(int(link["messages"]) < int(g["forwarded_frames"]),
              f"{name}: {link['messages']} messages for {g['forwarded_frames']} copies: nothing bundled")
        check(int(link["bytes"]) == int(g["forwarded_bytes"]), f"{name}: link bytes {link['bytes']} != copies' {g['forwarded_bytes']}")
    waited = s["latency_breakdown_s"]["gateway_buffer"]
    # The wait is a difference of two simulated times in seconds: it may exceed the window by rounding.
    check(1 < waited["max"] <= 60 + 1e-9, f"no copy waited in a window, or one waited longer: {waited}")
    # With the cables cut and small buffers, bundles that find no route wait and leave again: the
    # books still close.
    cut = run("forward_window_cut", "--set", "fleet.containers=300", "--set", "network.gateway_buffer=200",
              "--set", "network.forward_window=10s", scenario=CABLE_CUT)
    r = load_summary(cut)["records"]
    check(r["balanced"] is True, f"books do not close with bundles and cuts: {r}")


def one_answer_per_confirmed_transmission(s):
    # The server answers each confirmed transmission once, however late its other copies arrive: every
    # answer is transmitted (counted in sent, received or not) or dropped with a gateway-side reason.
    f, d = s["frames"], s["downlinks"]
    answers = d["sent"] + sum(n for reason, n in d["lost"].items() if reason != "under_sensitivity")
    check(answers <= f["confirmed_sent"], f"{answers} answers to {f['confirmed_sent']} confirmed transmissions: {d}")


def confirmed_cable_cut_books_close():
    # Every frame confirmed while both cables are cut: copies wait for hours in the gateway buffers and
    # reach the server long after their dedup window closed. They must not be answered a second time.
    out = run("confirmed_cable_cut", "--set", "fleet.containers=300", "--set", "network.gateway_buffer=200",
              "--set", "fleet.firmware.confirm_every_n_frames=1", scenario=CABLE_CUT)
    s = load_summary(out)
    check(s["records"]["balanced"] is True, f"books do not close: {s['records']}")
    one_answer_per_confirmed_transmission(s)
    check(s["downlinks"]["lost"]["no_backhaul_route"] + s["downlinks"]["lost"]["missed_rx_window"] > 0,
          f"the cuts cost no ACK: {s['downlinks']}")


def aloha_matches_theory():
    # Pure ALOHA (scenarios/validation/aloha.yaml): 1,000 devices at SF7 (56.576 ms for 20 bytes), one
    # channel, capture off, exponential gaps. The delivery ratio must be e^(-2G) within 2 percentage points
    # (issue #4); about 10,000 frames per point keep the statistical spread near 0.5 points.
    airtime_s, devices = 0.056576, 1000
    for load in [0.1, 0.5, 1.0, 1.5]:
        gap_s = devices * airtime_s / load - airtime_s
        out = ARGS.work / f"aloha-{load}"
        if out.exists():
            shutil.rmtree(out)
        fleetsim("run", "scenarios/validation/aloha.yaml", "-o", str(out), "--quiet",
                 "--set", f"radio.traffic.mean_gap={gap_s!r}s", "--set", f"duration={10000 * airtime_s / load!r}s")
        r = load_summary(out)["records"]
        lost = sum(v for k, v in r["lost"].items())
        check(r["lost"]["interference_same_sf"] == lost, f"G={load}: losses other than collisions: {r['lost']}")
        ratio = r["delivered"] / (r["delivered"] + lost)
        check(abs(ratio - math.exp(-2 * load)) <= 0.02, f"G={load}: delivery ratio {ratio}, e^-2G {math.exp(-2 * load)}")


def confirmed_books_close():
    # Every frame confirmed in the congested yard of books_close: ACKs are lost to the gateways' duty
    # cycle and busy transmitters, uplinks to gateways sending ACKs (half-duplex); repeats carry the same
    # frame counter and must not be delivered or lost twice (accounting.hpp).
    out = run("confirmed", *CONGESTED, "--set", "fleet.firmware.confirm_every_n_frames=1")
    s = load_summary(out)
    records_balance(s)
    f, d = s["frames"], s["downlinks"]
    check(f["confirmed_sent"] == f["sent"], f"every frame should be confirmed: {f}")
    check(0 < f["acked"] < f["confirmed_sent"], f"some but not all confirmed frames acked: {f}")
    check(f["acked"] <= d["received"] <= d["sent"], f"acks need received downlinks: {f} {d}")
    check(d["lost"]["gateway_duty_cycle"] > 0, f"no ACK lost to the gateways' duty cycle: {d}")
    check(s["records"]["duplicates_at_server"] > 0, "repeats of delivered frames should reach the server")
    one_answer_per_confirmed_transmission(s)
    gateways = list(csv.DictReader(open(out / "gateways.csv")))
    check(sum(int(g["frames_lost_gateway_transmitting"]) for g in gateways) > 0, "no half-duplex losses")
    with open(out / "devices.csv") as fh:
        for row in csv.DictReader(fh):
            check(int(row["frames_acked"]) <= int(row["confirmed_frames_sent"]), f"device {row['device_id']} acked too much")
            device_records_balance(row)


def counts_of(out):
    # What the actors and the radio decided, as counts: a device's fates, frames, downlinks and fixes,
    # and every gateway's column. (The floats, charge and latencies, move in their last bits with how
    # often SimGrid's clock is brought up to date: a sample settles every ledger.)
    counted = ("records_", "frames_", "confirmed_", "downlinks_", "adr_", "gnss_", "duty_cycle_")
    devices = [{k: v for k, v in row.items() if k.startswith(counted)} for row in read_rows(out / "devices.csv")]
    return devices, read_rows(out / "gateways.csv")


def running_ahead_changes_no_count():
    # The fleet scheduler runs ahead of SimGrid's clock except where another actor could see it
    # (sim/fleet/fleet_scheduler.cpp, simgrid_sync.hpp). A fleet sample every 10 s brings SimGrid's
    # clock up to date far more often than one a day, so if running ahead let an event miss what a
    # gateway or the server did (an ACK booked into a window, a downlink that makes a gateway deaf to an
    # uplink), the counts would differ. Every frame confirmed, in the congested yard and in the voyage.
    cases = {"yard": (QUICKSTART, CONGESTED), "voyage": (ASIA_MED, VOYAGE_SMALL[:4])}
    for name, (scenario, extra) in cases.items():
        counts = []
        for interval in ("10s", "1d"):
            out = run(f"{name}_{interval}", *extra, "--set", "fleet.firmware.confirm_every_n_frames=1",
                      "--set", f"output.timeseries_interval={interval}", scenario=scenario)
            counts.append(counts_of(out))
        (devices_fine, gateways_fine), (devices_coarse, gateways_coarse) = counts
        check(any(int(row["downlinks_received"]) > 0 for row in devices_fine), f"{name}: no downlink received")
        check(gateways_fine == gateways_coarse, f"{name}: the gateways' counts depend on how often the fleet samples")
        for fine, coarse in zip(devices_fine, devices_coarse):
            check(fine == coarse, f"{name}: device counts depend on how often the fleet samples: {fine} against {coarse}")


def adr_lowers_spreading_factor():
    # A yard booted at SF12 with every frame confirmed: with radio.adr on, the server's reference ADR
    # (models/lora_adr.hpp) moves the devices it hears with margin to a lower SF, then a lower power, via
    # the ACKs. Against the same yard without ADR: airtime per frame falls and the books still close.
    common = ["--set", "fleet.containers=100", "--set", "duration=36h", "--set", "radio.spreading_factor=12",
              "--set", "fleet.firmware.confirm_every_n_frames=1", "--set", "fleet.firmware.report_interval=30min"]
    runs = {}
    for adr in ("false", "true"):
        out = run(f"adr_{adr}", *common, "--set", f"radio.adr.enabled={adr}")
        s = load_summary(out)
        records_balance(s)
        rows = list(csv.DictReader(open(out / "devices.csv")))
        airtime_per_frame = sum(float(r["airtime_s"]) for r in rows) / sum(int(r["frames_sent"]) for r in rows)
        runs[adr] = (s, rows, airtime_per_frame)
    s_off, rows_off, airtime_off = runs["false"]
    s_on, rows_on, airtime_on = runs["true"]
    check(s_off["downlinks"]["adr_commands_sent"] == 0, f"ADR off sent commands: {s_off['downlinks']}")
    check(all(r["spreading_factor"] == "12" for r in rows_off), "without ADR every device stays at SF12")
    d = s_on["downlinks"]
    check(0 < d["adr_commands_applied"] <= d["adr_commands_sent"], f"ADR commands: {d}")
    lowered = sum(int(r["spreading_factor"]) < 12 for r in rows_on)
    check(lowered >= 0.8 * len(rows_on), f"only {lowered} of {len(rows_on)} devices left SF12")
    for r in rows_on:
        check(int(r["adr_commands_applied"]) <= int(r["adr_commands_sent"]), f"device {r['device_id']}: applied > sent")
        # The reference algorithm lowers the power only once the SF is down to 7.
        check(int(r["tx_power_dbm"]) == 14 or r["spreading_factor"] == "7", f"device {r['device_id']}: power before SF")
    # SF7 frames take about 1/20 of the airtime of SF12 ones (2^5 fewer chips per symbol, LDRO off).
    check(airtime_on < 0.5 * airtime_off, f"airtime per frame {airtime_on:.3f}s with ADR, {airtime_off:.3f}s without")


def missed_rx_windows():
    # 1.5 s of equipment latency each way: every ACK reaches its gateway after RX2 has opened.
    out = run("late", "--set", "fleet.containers=100", "--set", "duration=1d",
              "--set", "fleet.firmware.confirm_every_n_frames=1", "--set", "backbone.equipment_latency=1.5s")
    s = load_summary(out)
    records_balance(s)
    f, d = s["frames"], s["downlinks"]
    check(f["confirmed_sent"] > 0 and f["acked"] == 0, f"no confirmed frame may be acked: {f}")
    check(d["sent"] == 0 and d["received"] == 0, f"no downlink can be sent: {d}")
    check(d["lost"]["missed_rx_window"] > 0, f"missed windows not counted: {d}")
    # One ACK per confirmed transmission that reached the server (the rest were lost on the radio),
    # but for those whose ACK was still on its way back when the run ended: at most one per device.
    unresolved = f["confirmed_sent"] - f["lost"] - d["lost"]["missed_rx_window"]
    check(0 <= unresolved <= s["containers"], f"every answered uplink missed: {f} {d}")
    # Unacked, the records stay on the devices and are sent again: the server sees them twice, once counted.
    check(s["records"]["duplicates_at_server"] > 0, f"no repeated records: {s['records']}")


def class_a_window_energy():
    # One unconfirmed SF7 device: the radio's charge is TX over the time on air plus, per uplink, RX for
    # two empty windows of 8 symbols (RX1 at SF7: 8.192 ms, RX2 at SF12: 262.144 ms), sleep otherwise.
    out = run("windows", "--set", "fleet.containers=1", "--set", "duration=6h", "--set", "radio.spreading_factor=7",
              "--set", "radio.path_loss.shadowing_sigma=0dB")
    row = next(csv.DictReader(open(out / "devices.csv")))
    frames = int(row["frames_sent"])
    check(frames >= 5, f"{frames} frames in 6 h")
    toa_s = (8 + 4.25 + 68) * 1.024e-3  # 38 B PHY payload, as in idle_latency_is_physics
    tx_a, rx_a, sleep_a = 45e-3, 4.2e-3, 0.6e-6  # the dry-container tracker profile
    expected_c = frames * (tx_a * toa_s + rx_a * (0.008192 + 0.262144)) + sleep_a * (6 * 3600 - frames * toa_s)
    measured_c = float(row["charge_lora_radio_mah"]) * 3.6
    check(math.isclose(measured_c, expected_c, rel_tol=1e-9), f"radio charge {measured_c} C, expected {expected_c} C")


def bad_input_places():
    """The paths the bad-input fixtures may name, made afresh: {fifo} a FIFO (opening it would block),
    {file} a regular file, {nonempty} a folder holding one file, {many_gateways} a scenario with more
    gateways than gateway ids (generated: 3 MB is too much to commit), {usage} what --help prints."""
    work = ARGS.work
    places = {"work": str(work), "out": str(work / "never")}
    fifo = work / "fifo.yaml"
    if not fifo.exists():
        os.mkfifo(fifo)
    places["fifo"] = str(fifo)
    (work / "file.txt").write_text("a file, not a folder\n")
    places["file"] = str(work / "file.txt")
    nonempty = work / "nonempty"
    if nonempty.exists():
        shutil.rmtree(nonempty)
    nonempty.mkdir()
    (nonempty / "devices.csv").write_text("from another run\n")
    places["nonempty"] = str(nonempty)
    many = work / "many_gateways.yaml"
    lines = ["name: many", "port:", "  gateways:"]
    lines += [f"    - {{name: gw-{i}, lat: 43.4, lon: 4.9}}" for i in range(70_000)]
    many.write_text("\n".join(lines) + "\n")
    places["many_gateways"] = str(many)
    # A usage error ends with the usage text: named, so that a new subcommand changes no fixture.
    places["usage"] = fleetsim("--help").stdout
    return places


def expand(text, places):
    for key, value in places.items():
        text = text.replace("{" + key + "}", value)
    return text


def bad_input_exit_2():
    """Every fixture of tests/fixtures/bad: NAME.yaml, NAME.expected (the whole of stderr), and either
    NAME.set (one --set override a line, added to `run NAME.yaml -o {out}`) or NAME.args (the whole
    command line after `fleetsim`, one word a line; an empty line is an empty word). .set, .args and
    .expected may name {fixture} (NAME.yaml) and the places of bad_input_places(). Each must exit 2
    with exactly the expected message and write nothing."""
    fixtures = sorted((Path(ARGS.source) / "tests/fixtures/bad").glob("*.yaml"))
    check(len(fixtures) >= 120, f"only {len(fixtures)} bad-input fixtures")
    places = bad_input_places()
    failures = []
    for fixture in fixtures:
        rel = fixture.relative_to(ARGS.source)
        here = dict(places, fixture=str(rel))
        expected = expand(fixture.with_suffix(".expected").read_text(), here)
        args_file, set_file = fixture.with_suffix(".args"), fixture.with_suffix(".set")
        if args_file.exists():
            args = [expand(line, here) for line in args_file.read_text().split("\n")[:-1]]
        else:
            args = ["run", str(rel), "-o", places["out"]]
            if set_file.exists():
                for line in set_file.read_text().splitlines():
                    args += ["--set", expand(line, here)]
        proc = subprocess.run([ARGS.fleetsim, *args], cwd=ARGS.source, capture_output=True, timeout=60)
        stderr = proc.stderr.decode("utf-8", errors="replace")
        if proc.returncode != 2 or stderr != expected:
            failures.append(f"{rel}: exit {proc.returncode}, stderr\n{stderr}\nexpected\n{expected}")
        if Path(places["out"]).exists():
            failures.append(f"{rel}: a run folder was written for bad input")
            shutil.rmtree(places["out"])
        if sorted(p.name for p in Path(places["nonempty"]).iterdir()) != ["devices.csv"]:
            failures.append(f"{rel}: the non-empty folder was changed")
    check(not failures, "\n".join(failures))


def check_round_trip():
    first = fleetsim("check", QUICKSTART).stdout
    resolved = ARGS.work / "resolved.yaml"
    resolved.write_text(first)
    second = fleetsim("check", str(resolved)).stdout

    def body(text):  # the header comment names the file it was resolved from, which differs
        return [line for line in text.splitlines() if not line.startswith("#")]
    check(body(first) == body(second), "check of the resolved scenario differs from the resolved scenario")


def every_scenario_round_trips():
    # Every scenario that ships (the studies, their route files) loads, and its resolved form (routes
    # written inline) loads back to the same scenario.
    scenarios = sorted((Path(ARGS.source) / "scenarios").glob("*.yaml"))
    check(len(scenarios) >= 5, "scenarios are missing")
    for scenario in scenarios:
        first = fleetsim("check", str(scenario.relative_to(ARGS.source))).stdout
        resolved = ARGS.work / f"{scenario.stem}.resolved.yaml"
        resolved.write_text(first)
        second = fleetsim("check", str(resolved)).stdout
        body = lambda text: [line for line in text.splitlines() if not line.startswith("#")]  # noqa: E731
        check(body(first) == body(second), f"{scenario.name}: the resolved scenario does not load back the same")


def cli_usage():
    check("usage: fleetsim" in fleetsim("--help").stdout, "--help prints the usage")
    check(fleetsim("--version").stdout.startswith("fleetsim "), "--version prints the version")
    fleetsim("run", expect=2)
    fleetsim("frobnicate", QUICKSTART, expect=2)
    fleetsim("run", QUICKSTART, "--bogus", expect=2)
    missing = fleetsim("run", "scenarios/does-not-exist.yaml", expect=2)
    check("does-not-exist.yaml" in missing.stderr, f"missing file not named: {missing.stderr}")



# ---- run folders that never lie (docs/robustness.md) ----
# A run long enough to be caught in the middle: 60 simulated days of the quickstart (about a minute).
LONG = ["--set", "duration=60d"]


def start_run(out, *extra):
    """Starts a run in the background; returns once its folder holds the first manifest (the engine is
    about to start), with the process."""
    proc = subprocess.Popen([ARGS.fleetsim, "run", QUICKSTART, "-o", str(out), "--quiet", *extra],
                            cwd=ARGS.source, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 60
    while not (out / "manifest.json").exists():
        if proc.poll() is not None:
            raise AssertionError(f"the run ended before it started: {proc.communicate()}")
        check(time.monotonic() < deadline, "the run never wrote its manifest")
        time.sleep(0.05)
    time.sleep(0.5)  # into the engine's run
    return proc


def clean_folder(out, expected):
    """The folder holds exactly `expected`: no lock file left, no .partial file."""
    names = sorted(p.name for p in out.iterdir())
    check(names == sorted(expected), f"{out}: holds {names}, expected {sorted(expected)}")


def interrupted_run(signal_number, status, name):
    out = ARGS.work / name
    if out.exists():
        shutil.rmtree(out)
    proc = start_run(out, *LONG)
    proc.send_signal(signal_number)
    stdout, stderr = proc.communicate(timeout=60)
    check(proc.returncode == status, f"exit {proc.returncode}, expected {status}: {stderr}")
    check(f"interrupted by {name}" in stderr, f"stderr does not say so: {stderr}")
    manifest = json.loads((out / "manifest.json").read_text())
    check(manifest["completed"] is False and manifest["interrupted"] is True and manifest["interrupted_by"] == name,
          f"manifest: {manifest}")
    check(0 < manifest["simulated_s"] < 60 * 86400, f"simulated {manifest['simulated_s']} s of 60 d")
    # No results of a run that did not happen: only what the manifest lists.
    clean_folder(out, ["manifest.json", "scenario.resolved.yaml"])
    check(manifest["outputs"] == ["scenario.resolved.yaml"], f"outputs {manifest['outputs']}")


def sigint_marks_run_interrupted():
    interrupted_run(signal.SIGINT, 130, "SIGINT")


def sigterm_marks_run_interrupted():
    interrupted_run(signal.SIGTERM, 143, "SIGTERM")


def second_run_into_folder_refused():
    out = ARGS.work / "shared"
    if out.exists():
        shutil.rmtree(out)
    first = start_run(out, *LONG)
    resolved = (out / "scenario.resolved.yaml").read_bytes()
    second = fleetsim("run", QUICKSTART, "-o", str(out), "--quiet", "--overwrite", "--seed", "2", expect=2)
    check(second.stderr == f"fleetsim: error: run folder {out}: another fleetsim run is writing it (it holds .fleetsim.lock)\n",
          f"second run: {second.stderr}")
    check((out / "scenario.resolved.yaml").read_bytes() == resolved, "the second run touched the first one's folder")
    first.send_signal(signal.SIGTERM)
    first.communicate(timeout=60)
    check(first.returncode == 143, f"first run: exit {first.returncode}")
    # The lock goes with the run that held it: the folder can be reused (with --overwrite).
    run_dir = run("shared", *SMALL, "--overwrite")
    check(json.loads((run_dir / "manifest.json").read_text())["completed"] is True, "rerun not completed")


def overwrite_empties_folder():
    out = ARGS.work / "reused"
    if out.exists():
        shutil.rmtree(out)
    out.mkdir()
    (out / "latency_cdf.png").write_text("a figure of another run")
    (out / "old").mkdir()
    refused = fleetsim("run", QUICKSTART, "-o", str(out), "--quiet", *SMALL, expect=2)
    check("is not empty (2 entries, such as latency_cdf.png)" in refused.stderr, refused.stderr)
    check(sorted(p.name for p in out.iterdir()) == ["latency_cdf.png", "old"], "the refused run changed the folder")
    fleetsim("run", QUICKSTART, "-o", str(out), "--quiet", *SMALL, "--overwrite")
    manifest = json.loads((out / "manifest.json").read_text())
    check(manifest["completed"] is True, f"manifest {manifest}")
    # Exactly what the manifest lists, renamed into place: no stale figure, no .partial, no lock file.
    clean_folder(out, ["manifest.json", *manifest["outputs"]])


def read_rows(path):
    with open(path) as f:
        return list(csv.DictReader(f))


def voyage_books_close():
    # Containers on the move: records and energy balance (the run itself fails otherwise), the phase
    # books add up to the run's totals, and the satellite bill is the bytes the satellite links carried.
    out = run("voyage", *VOYAGE_SMALL, scenario=ASIA_MED)
    s = load_summary(out)
    check(s["records"]["balanced"] is True, f"books do not close: {s['records']}")
    check(s["records"]["delivered"] > 0, "nothing delivered")
    phases = {row["phase"]: row for row in read_rows(out / "phases.csv")}
    device_days = sum(float(row["device_days"]) for row in phases.values())
    check(math.isclose(device_days, 400 * 12, rel_tol=1e-9), f"phases cover {device_days} device-days, not 4,800")
    devices = read_rows(out / "devices.csv")
    charge_mah = sum(float(row["charge_total_mah"]) for row in devices)
    phase_charge_mah = sum(float(row["charge_mah"]) for row in phases.values())
    check(math.isclose(charge_mah, phase_charge_mah, rel_tol=1e-9), f"phases {phase_charge_mah} mAh != devices {charge_mah} mAh")
    for phase in ["yard", "at_sea"]:
        check(float(phases[phase]["device_days"]) > 100, f"too little time {phase}: {phases[phase]}")
        check(phases[phase]["age_of_information_mean_s"] != "", f"no age of information {phase}")
    links = {row["link"]: row for row in read_rows(out / "links.csv")}
    load = {}
    for row in read_rows(out / "link_load.csv"):
        load[row["link"]] = load.get(row["link"], 0) + int(row["bytes"])
    satellite_bytes = 0
    for name, row in links.items():
        if row["kind"] in ("satellite", "cellular"):
            check(load.get(name, 0) == int(row["bytes"]), f"{name}: link_load.csv {load.get(name)} != links.csv {row['bytes']}")
        if row["kind"] == "satellite":
            satellite_bytes += int(row["bytes"])
    sat = s["voyage"]["satellite"]
    check(sat["bytes"] == satellite_bytes > 0, f"satellite bytes {sat['bytes']} != {satellite_bytes}")
    check(math.isclose(sat["cost_usd"], satellite_bytes / 1e6 * 2.14, rel_tol=1e-12), f"satellite cost {sat}")
    check(int(links["Shanghai-lte-link"]["bytes"]) + int(links["Fos-sur-Mer-lte-link"]["bytes"]) > 0,
          "no LTE-M traffic at either end of the voyage")
    # Load per gateway, hub and cellular network: the busiest interval is at least the mean one.
    bins = 12 * 86400 / s["backhaul"]["load_interval_s"]
    for g in read_rows(out / "gateways.csv"):
        frames = int(g["forwarded_frames"]) + int(g["copies_dropped_buffer_full"]) + int(g["buffered_at_end"])
        check(float(g["frames_per_interval_p95"]) <= int(g["frames_per_interval_peak"]) and
              int(g["frames_per_interval_peak"]) >= frames / (bins + 1), f"{g['gateway']}: peak and p95 {g}")
    check(int(next(g for g in read_rows(out / "gateways.csv") if g["gateway"] == "ship-3-hub")["frames_per_interval_peak"]) > 0,
          "ship-3's hub received nothing")
    parts = s["latency_breakdown_s"]
    # Records that crossed no satellite count 0 s there; one that did took half the GEO round trip plus
    # its serialisation at the hub's 2 Mbit/s share (and any queueing behind the hub's other copies).
    check(0.3 <= parts["satellite"]["max"] <= 0.31, f"a satellite hop takes half the GEO round trip: {parts['satellite']}")


def voyage_transshipment_books_close():
    # Two services and a transshipment at Fos (tests/fixtures/voyage/asia-med.yaml): the books close, the
    # per-leg rows of phases.csv split the fleet's rows without losing any, the boxes wait in the hub's
    # yard, and each satellite link bills at its own service's price.
    out = run("transshipment", scenario="tests/fixtures/voyage/asia-med.yaml")
    s = load_summary(out)
    r = s["records"]
    check(r["balanced"] is True, f"books do not close: {r}")
    accounted = r["delivered"] + sum(r["lost"].values()) + r["queued_on_device"] + r["on_air"] + r["in_flight"]
    check(accounted == r["generated"], f"generated {r['generated']} != accounted {accounted}: {r}")
    rows = read_rows(out / "phases.csv")
    fleet_rows = {row["phase"]: row for row in rows if "/" not in row["phase"]}
    stage_rows = [row for row in rows if "/" in row["phase"]]
    check(len(fleet_rows) == 6 and stage_rows, f"phases.csv has no per-leg rows: {[row['phase'] for row in rows]}")
    containers, days = 100, 10
    for column, total in [("device_days", containers * days)]:
        check(math.isclose(sum(float(row[column]) for row in fleet_rows.values()), total, rel_tol=1e-9), f"fleet {column}")
        check(math.isclose(sum(float(row[column]) for row in stage_rows), total, rel_tol=1e-9), f"per-leg {column}")
    for phase, row in fleet_rows.items():
        per_leg = [r for r in stage_rows if r["phase"].split("/")[1] == phase]
        for column in ["device_days", "charge_mah", "age_observed_device_days"]:
            check(math.isclose(sum(float(r[column]) for r in per_leg), float(row[column]), rel_tol=1e-9, abs_tol=1e-12),
                  f"{phase} {column}: legs {[r[column] for r in per_leg]} != fleet {row[column]}")
    stages = {row["phase"]: row for row in stage_rows}
    check(float(stages["leg2/yard"]["device_days"]) > 10, f"too little time in the transshipment yard: {stages.get('leg2/yard')}")
    check(float(stages["leg2/at_sea"]["device_days"]) > 10, f"too little time on the feeder: {stages.get('leg2/at_sea')}")
    hubs = {g["gateway"]: g for g in read_rows(out / "gateways.csv")}
    check(sum(int(hubs[f"feeder-{k}-hub"]["forwarded_frames"]) for k in range(1, 6)) > 0, "no feeder's hub heard a box")
    sat = s["voyage"]["satellite"]
    check("price_usd_per_mb" not in sat, "two services at two prices: no single price")
    price = {f"vessel-{k}-satellite": 0.5 for k in range(1, 6)} | {f"feeder-{k}-satellite": 2.14 for k in range(1, 6)}
    for link in sat["links"]:
        check(math.isclose(link["cost_usd"], link["bytes"] / 1e6 * price[link["name"]], rel_tol=1e-12), f"cost of {link}")
    check(math.isclose(sat["cost_usd"], sum(link["cost_usd"] for link in sat["links"]), rel_tol=1e-12), f"total {sat}")


def voyage_same_seed_same_bytes():
    a = run("voyage_a", *VOYAGE_SMALL, scenario=ASIA_MED)
    b = run("voyage_b", *VOYAGE_SMALL, scenario=ASIA_MED)
    for name in DETERMINISTIC_FILES + ["phases.csv", "link_load.csv"]:
        check(filecmp.cmp(a / name, b / name, shallow=False), f"{name} differs between two runs of one seed")


def voyage_paths_are_physics():
    # Every path of the Asia-Med network, idle latency from the scenario's figures: fibre km x 4.9 us/km
    # (docs/sources.md section 5) + equipment; the satellite hop half the GEO round trip; LTE-M its latency.
    us_per_km = 4.9e-6
    hop = {
        "sha-hkg": 1300 * us_per_km + 0.001, "hkg-sin": 2900 * us_per_km + 0.001,
        "sin-uplink": 25 * us_per_km + 0.0005, "psd-uplink": 10 * us_per_km + 0.0005,
        "AAE-1": 25000 * us_per_km + 0.001, "SEA-ME-WE 6": 19200 * us_per_km + 0.001,
        "SEA-ME-WE 5": 20000 * us_per_km + 0.001, "psd-mrs": 2900 * us_per_km + 0.001,
        "mrs-ls-ix": 8 * us_per_km + 0.0002, "fos-mrs": 60 * us_per_km + 0.001,
        "teleport-ix": 30 * us_per_km + 0.001, "mrs-ix-dc": 5 * us_per_km + 0.0002,
    }
    out = run("voyage_paths", *VOYAGE_SMALL, "--set", "duration=20d", scenario=ASIA_MED_CUT)
    kinds = set()
    for row in read_rows(out / "paths.csv"):
        physics = 0.0
        for link in row["path"].split(" > "):
            if link.endswith("-satellite"):
                physics += 0.3
                kinds.add("satellite")
            elif link.endswith("-lte-link"):
                physics += 0.1
                kinds.add("cellular")
            elif link.endswith("-link"):
                physics += 0.002  # a gateway's port LAN
                kinds.add("lora")
            else:
                physics += hop[link]
        check(math.isclose(float(row["idle_latency_s"]), physics, rel_tol=1e-12),
              f"{row['path']}: idle latency {row['idle_latency_s']} != physics {physics}")
        # The fastest copy: the physics plus the serialisation of ~0.2 kB (0.8 ms at the 2 Mbit/s satellite
        # share, 1.6 ms at the 1 Mbit/s LTE-M share).
        check(physics <= float(row["backhaul_min_s"]) <= physics + 2.5e-3,
              f"{row['path']}: fastest copy {row['backhaul_min_s']} s, physics {physics} s")
    check(kinds == {"satellite", "cellular", "lora"}, f"paths cover {kinds}")
    cables = {row["path"].split(" > ")[-3] for row in read_rows(out / "paths.csv") if row["path"].startswith("sin-")}
    check({"SEA-ME-WE 6", "SEA-ME-WE 5"} <= cables, f"Singapore's traffic should reroute at the cut: {cables}")


def voyage_faults_book_losses():
    # Ship-1's satellite link is down for 4 days and its hub keeps only 50 copies; ship-2's hub fails for a
    # day. The hub's buffer fills and drops with every loss counted; the failed hub hears nothing.
    out = run("voyage_faults", *VOYAGE_SMALL, "--set", "voyage.services[0].ships.hub.buffer=50",
              "--set", "network.faults=[{link: ship-1-satellite, down: 1d, up: 5d}, {gateway: ship-2-hub, down: 2d, up: 3d}]",
              scenario=ASIA_MED)
    s = load_summary(out)
    r = s["records"]
    check(r["balanced"] is True, f"books do not close: {r}")
    gateways = {row["gateway"]: row for row in read_rows(out / "gateways.csv")}
    check(int(gateways["ship-1-hub"]["buffer_peak"]) == 50, f"ship-1's hub buffer did not fill: {gateways['ship-1-hub']}")
    check(int(gateways["ship-1-hub"]["copies_dropped_buffer_full"]) > 0, "ship-1's hub dropped nothing")
    check(int(gateways["ship-2-hub"]["frames_lost_gateway_down"]) > 0, "ship-2's failed hub lost no frame")
    check(r["lost"]["gateway_buffer_full"] > 0, f"no records lost to the full hub buffer: {r}")
    check(s["latency_breakdown_s"]["hub_queue"]["max"] > 86400, "no copy waited out the outage at the hub")



def voyage_beacon_means_sea():
    # On board the firmware knows it is at sea only from the hub's beacon (hw/place.hpp rule 2): with it, a
    # box sends about one frame per 6 h sea period (4 a day, plus the odd retry or probe); without it
    # the ship's motion reads as "road" and the box reports every 2 h (12 a day).
    def hub_frames_per_device_day(out):
        frames = sum(int(r["messages"]) for r in read_rows(out / "links.csv") if r["kind"] == "satellite")
        phases = {r["phase"]: float(r["device_days"]) for r in read_rows(out / "phases.csv")}
        return frames / (phases["at_sea"] + phases["port_call"])
    with_beacon = hub_frames_per_device_day(run("beacon", *VOYAGE_SMALL, scenario=ASIA_MED))
    without = hub_frames_per_device_day(run("no_beacon", *VOYAGE_SMALL, "--set", "voyage.services[0].ships.hub.beacon_interval=0s",
                                            scenario=ASIA_MED))
    check(4 <= with_beacon <= 6, f"with the beacon {with_beacon:.2f} frames per device-day at sea, expected 4-6")
    check(without >= 10, f"without the beacon {without:.2f} frames per device-day at sea, expected about 12")


def main():
    global ARGS
    parser = argparse.ArgumentParser()
    parser.add_argument("check")
    parser.add_argument("--fleetsim", required=True)
    parser.add_argument("--source", required=True)
    parser.add_argument("--work", required=True, type=Path)
    ARGS = parser.parse_args()
    ARGS.work.mkdir(parents=True, exist_ok=True)
    globals()[ARGS.check]()
    print(f"{ARGS.check}: ok")


if __name__ == "__main__":
    sys.exit(main())
