#pragma once
// Fleet figures sampled at a fixed simulated interval (timeseries.csv).
#include <cstdint>
#include <vector>

namespace fleet::sim {

struct TimeSeriesRow {
  double time_s = 0;
  std::uint64_t records_generated = 0;
  std::uint64_t records_delivered = 0;
  std::uint64_t records_lost = 0;  // radio losses and queue drops
  std::uint64_t records_queued = 0;
  double mean_state_of_charge = 0;
  double charge_drawn_mah = 0;  // whole fleet, cumulative
};

using TimeSeries = std::vector<TimeSeriesRow>;

}  // namespace fleet::sim
