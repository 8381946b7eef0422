#pragma once
// The files of a run folder (README.md "Outputs" documents every column and key).
#include <filesystem>
#include <string>
#include <vector>

#include "sim/books/backhaul_book.hpp"
#include "sim/fleet/fleet_runtime.hpp"
#include "sim/report/run_totals.hpp"
#include "sim/fleet/time_series.hpp"
#include "sim/world/world.hpp"

namespace fleet::sim {

struct Manifest {
  std::vector<std::string> command;
  std::string scenario_file;
  std::uint64_t seed = 0;
  std::string started_utc;
  double wall_time_s = 0;
  std::uint64_t device_events = 0;
  double simulated_s = 0;
  bool completed = false;
  bool interrupted = false;    // stopped by SIGINT or SIGTERM: the results were not written
  std::string interrupted_by;  // "SIGINT" or "SIGTERM"
  std::vector<std::string> outputs;
};

void write_manifest(const std::filesystem::path& dir, const Manifest& manifest);
void write_summary_json(const std::filesystem::path& dir, const FleetRuntime& fleet, const World& world,
                        const RunTotals& totals, const BackhaulBook& backhaul);
void write_devices_csv(const std::filesystem::path& dir, const FleetRuntime& fleet, const RunTotals& totals);
void write_gateways_csv(const std::filesystem::path& dir, const FleetRuntime& fleet, const World& world);
void write_timeseries_csv(const std::filesystem::path& dir, const TimeSeries& series);
void write_latency_csv(const std::filesystem::path& dir, const FleetRuntime& fleet);

// Fleet percentile of a per-device figure (p in [0, 100], linear interpolation between order statistics).
double fleet_percentile(std::vector<double> values, double p);

}  // namespace fleet::sim
