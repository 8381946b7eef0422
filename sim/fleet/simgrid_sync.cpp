#include "sim/fleet/simgrid_sync.hpp"

#include <simgrid/s4u.hpp>

#include "sim/fleet/fleet_runtime.hpp"

namespace fleet::sim {

bool booking_may_come_by(const FleetRuntime& fleet, hw::TimeUs at_us) {
  const PendingAnswers& answers = fleet.answers_pending;
  return answers.any() &&
         seconds_of(at_us) >= answers.booking_horizon_s(seconds_of(fleet.synced_us), fleet.scenario.radio.class_a.dedup_window_s);
}

void catch_up_with_simgrid(FleetRuntime& fleet, hw::TimeUs at_us) {
  if (at_us <= fleet.synced_us) return;
  simgrid::s4u::this_actor::sleep_until(seconds_of(at_us));
  fleet.synced_us = at_us;
}

}  // namespace fleet::sim
