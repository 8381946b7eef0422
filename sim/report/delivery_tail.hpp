#pragma once
// The per-device delivery tail: the fleet's delivery ratio hides the containers a planner loses
// (a corner of the yard no gateway hears well). Over the devices that generated anything: the 1st
// and 5th percentile of their delivery ratios and the worst device (summary.json
// "device_delivery_ratio", the console's "tail" line).
#include <cstdint>

#include "sim/fleet/fleet_runtime.hpp"

namespace fleet::sim {

struct DeliveryTail {
  std::uint64_t devices = 0;  // with at least one record generated
  double p1 = 0;
  double p5 = 0;
  double min = 0;
  std::uint32_t worst_device = 0;  // device_id of the lowest ratio (the lowest id on a tie)
};

DeliveryTail delivery_tail(const FleetRuntime& fleet);

}  // namespace fleet::sim
