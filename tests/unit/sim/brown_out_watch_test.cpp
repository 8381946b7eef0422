#include "sim/fleet/brown_out_watch.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <vector>

using namespace fleet::sim;
using fleet::hw::TimeUs;

namespace {
struct Popped {
  TimeUs at_us;
  std::uint64_t order;
  std::uint32_t device_id;
  std::uint32_t generation;
  bool operator==(const Popped&) const = default;
};
}  // namespace

// Against the plain way (every prediction its own queue entry, a stale one skipped by its generation):
// devices re-predicted at random, often (a load change after each event). The current brown-outs must
// come out at the same instants with the same insertion counters, so in the same order among every
// other event. Two kinds of prediction: a board's, from a few loads (sleep, a fix, a transmission:
// a cell empties in so many days under each, so a device's predictions come later and later, and the
// queue holds a few entries per device, not one per prediction); and any reach at all, from the
// present instant to weeks ahead, where only the order is checked.
TEST_CASE("A brown-out watch pops the current predictions where one entry per prediction would", "[brown_out]") {
  const bool few_loads = GENERATE(true, false);
  CAPTURE(few_loads);
  constexpr std::uint32_t DEVICES = 50;
  EventQueue watched;
  EventQueue plain;
  std::vector<BrownOutWatch> watches(DEVICES);
  std::vector<std::uint32_t> generation(DEVICES, 0);
  std::vector<Popped> from_watched, from_plain;
  std::size_t watched_peak = 0, plain_peak = 0;
  std::uint32_t state = 2024;
  const auto next = [&state] { return state = state * 1664525U + 1013904223U; };
  TimeUs now_us = 0;
  const auto pop_due = [&] {
    while (!watched.empty() && watched.top_at_us() <= now_us) {
      const Event e = watched.pop();
      if (watches[e.device_id].take_entry(watched, e.device_id, e.generation))
        from_watched.push_back({e.at_us, e.order, e.device_id, e.generation});
    }
    while (!plain.empty() && plain.top_at_us() <= now_us) {
      const Event e = plain.pop();
      if (e.generation == generation[e.device_id]) from_plain.push_back({e.at_us, e.order, e.device_id, e.generation});
    }
  };
  for (int step = 0; step < 200000; ++step) {
    now_us += next() % 4 == 0 ? 0 : next() % 20'000'000;  // ties now and then, else up to 20 s on
    pop_due();
    const std::uint32_t device = next() % DEVICES;
    ++generation[device];  // the load changed: what was predicted before is stale
    watches[device].forget();
    if (next() % 3 == 0) continue;  // the new load cannot empty the cell within the run
    constexpr TimeUs DAY_US = 86'400'000'000;
    const std::uint32_t reach = next() % 4;
    const TimeUs ahead_us = few_loads ? (reach + 1) * 3 * DAY_US - next() % 1000  // 3, 6, 9 or 12 days
                            : reach == 0 ? 0 : reach == 1 ? next() % 60'000'000 : std::uint64_t{next()} * 500;  // to 25 d
    const TimeUs at_us = now_us + ahead_us;
    watches[device].predict(watched, device, at_us);
    plain.push_reserved(at_us, EventKind::BROWN_OUT, device, generation[device], plain.reserve_order());
    watched_peak = std::max(watched_peak, watched.size());
    plain_peak = std::max(plain_peak, plain.size());
  }
  now_us = ~TimeUs{0} - 1;  // to the end: every entry left comes out
  pop_due();
  CHECK(from_watched.size() > (few_loads ? 10U : 1000U));  // a board's load changes long before its cell empties
  CHECK(from_watched == from_plain);
  CHECK(watched.empty());
  CAPTURE(watched_peak, plain_peak);
  if (few_loads) {
    CHECK(plain_peak > 100 * DEVICES);
    CHECK(watched_peak < 5 * DEVICES);
  }
}
