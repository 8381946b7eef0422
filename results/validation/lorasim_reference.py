"""LoRaSim's single-gateway collision rules (Bor et al., MSWiM 2016; LoRaSim 0.2.1 loraDir.py), written
from their description in docs/sources.md section 11, to put fleetsim's energy-based capture
next to the peer's own rules on the same set-up. Single SF (experiments 0, 1, 4), one gateway.

- Nodes uniform in a disc of 98.95 m around the gateway, 14 dBm, loss 127.41 + 20.8·log10(d/40) dB.
- Each node waits an exponential time (mean `gap_s`) after its previous frame ends, then sends: one
  frame in flight per node, every node starting at t = 0.
- A frame is checked, when it starts, against every frame then on air on the same frequency (one SF):
  "simple": any overlap destroys both;
  "full": the newer frame is untouched if the older one ends before the newer one's first 3 symbols
  (8 − 5 preamble symbols) are over; otherwise pairwise 6 dB capture: within 6 dB both are lost, else
  only the weaker one.
- DER = frames received / frames sent. No sensitivity losses (the disc is inside every SF's range).
"""
import heapq
import math
import random

DISC_RADIUS_M = 98.95
SF12_SYMBOL_S = 2**12 / 125e3
CAPTURE_DB = 6.0
TIMING_SYMBOLS = 8 - 5


def _rssi_dbm(rng):
    distance_m = DISC_RADIUS_M * math.sqrt(rng.random())
    return 14.0 - (127.41 + 20.8 * math.log10(max(distance_m, 1e-3) / 40.0))


def _run(nodes, airtime_s, channels, gap_s, duration_s, seed, full):
    rng = random.Random(seed)
    rssi = [_rssi_dbm(rng) for _ in range(nodes)]
    channel = [rng.randrange(channels) for _ in range(nodes)]
    starts = [(rng.expovariate(1.0 / gap_s), node) for node in range(nodes)]
    heapq.heapify(starts)
    on_air = [[] for _ in range(channels)]  # per channel: (end_s, node, frame) of frames still on air
    collided = []  # per frame; final once the frame has ended
    counted = []   # frames that end within the run: the ones DER counts
    while starts:
        now, node = heapq.heappop(starts)
        if now > duration_s:
            break
        frames = on_air[channel[node]]
        frames[:] = [f for f in frames if f[0] > now]
        mine = len(collided)
        collided.append(False)
        for end_s, other_node, other in frames:
            if not full:
                collided[mine] = collided[other] = True
                continue
            if end_s <= now + TIMING_SYMBOLS * SF12_SYMBOL_S:
                continue  # the older frame is gone before the newer one's preamble locks
            difference_db = rssi[node] - rssi[other_node]
            if abs(difference_db) < CAPTURE_DB:
                collided[mine] = collided[other] = True
            elif difference_db < 0:
                collided[mine] = True
            else:
                collided[other] = True
        end_s = now + airtime_s
        frames.append((end_s, node, mine))
        if end_s <= duration_s:
            counted.append(mine)
        heapq.heappush(starts, (end_s + rng.expovariate(1.0 / gap_s), node))
    received = sum(1 for frame in counted if not collided[frame])
    return received / len(counted) if counted else 0.0


def simulate(nodes, airtime_s, channels, gap_s, duration_s, seed):
    """DER under LoRaSim's full and simple collision rules."""
    return {
        "der_full": _run(nodes, airtime_s, channels, gap_s, duration_s, seed, full=True),
        "der_simple": _run(nodes, airtime_s, channels, gap_s, duration_s, seed, full=False),
    }
