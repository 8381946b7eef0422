#pragma once
// The fleet scheduler runs ahead of SimGrid's clock wherever no other actor can see the difference,
// and lets SimGrid catch up only where one can (docs/architecture.md §4). These are the two questions
// that decision asks, shared by the scheduler and the board (an uplink's start).
#include "hw/types.hpp"

namespace fleet::sim {

struct FleetRuntime;

// Whether a gateway may book a downlink at or before `at_us`, given how far SimGrid has run. A booking
// writes a device's receive window and the gateway's own transmissions, and reads the device's radio
// site; an event that reads or writes those at or after the earliest possible booking must not run
// before SimGrid has caught up with it (sim/books/pending_answers.hpp says when a booking can come).
bool booking_may_come_by(const FleetRuntime& fleet, hw::TimeUs at_us);

// Lets SimGrid's other actors run up to `at_us` (the fleet scheduler's actor sleeps until then), if
// they have not already. Call it from the fleet scheduler's actor only.
void catch_up_with_simgrid(FleetRuntime& fleet, hw::TimeUs at_us);

}  // namespace fleet::sim
