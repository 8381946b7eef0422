#pragma once
// Limits that make sense for a simulation, checked once every key is read (each key alone is already
// in its own range): how long a run may be, how finely it may be sampled against its length, how
// often events may come, and how many devices and gateways fit in memory and in a run's time. Without
// them a scenario that looks valid could run for ever (a 1e308-day run, a door opening 1e308 times a
// day), die of bad_alloc (load bins of 1 us), or end in NaN (a yard at the pole, or larger than the
// Earth). Documented in scenarios/README.md ("Limits").
#include <cstddef>
#include <optional>
#include <string>

#include "sim/scenario/scenario.hpp"

namespace fleet::sim {

constexpr double MIN_DURATION_S = 60;                     // a minute: less has nothing to report
constexpr double MAX_DURATION_S = 100 * 365.25 * 86400;  // a century: longer than any battery
constexpr double MIN_SAMPLE_INTERVAL_S = 1;               // timeseries_interval and load_interval
constexpr double MAX_SAMPLES = 1'000'000;                 // timeseries rows, load bins per series
constexpr double MAX_LOAD_CELLS = 250'000'000;            // load bins x (gateways + links): 4-8 bytes each
constexpr double MAX_EVENTS_PER_DAY = 86'400;             // a sensor event rate: one a second per device
constexpr double MAX_EXPECTED_EVENTS = 1e9;               // of one kind, over the fleet and the run
constexpr std::size_t MAX_GATEWAYS = 65'535;              // gateways, hubs and cellular networks: 16-bit ids
constexpr double MAX_DEVICE_GATEWAY_PAIRS = 1e9;          // the radio medium evaluates each pair once
constexpr double MAX_YARD_LATITUDE_DEG = 80;              // the yard's tangent plane degenerates at a pole
constexpr double MAX_YARD_SIZE_M = 1'000'000;             // a yard's extent or radius: 1000 km

struct LimitViolation {
  std::string key_path;  // where to point: "network.load_interval", "ports[1].yard.center.lat"
  std::string message;
};

// The first limit `scenario` breaks, or nothing.
std::optional<LimitViolation> first_limit_violation(const Scenario& scenario);

}  // namespace fleet::sim
