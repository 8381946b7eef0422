#include "sim/report/delivery_tail.hpp"

#include <vector>

#include "sim/report/run_outputs.hpp"

namespace fleet::sim {

DeliveryTail delivery_tail(const FleetRuntime& fleet) {
  DeliveryTail tail;
  std::vector<double> ratios;
  bool first = true;
  for (const Device& device : fleet.devices) {
    const std::uint32_t generated = device.records_generated();
    if (generated == 0) continue;
    const std::uint32_t id = device.board.device_id();
    const double ratio = static_cast<double>(fleet.deliveries.devices[id].records_delivered) / generated;
    ratios.push_back(ratio);
    if (first || ratio < tail.min || (ratio == tail.min && id < tail.worst_device)) {
      tail.min = ratio;
      tail.worst_device = id;
      first = false;
    }
  }
  tail.devices = ratios.size();
  tail.p1 = fleet_percentile(ratios, 1);
  tail.p5 = fleet_percentile(ratios, 5);
  return tail;
}

}  // namespace fleet::sim
