#pragma once
// The device profile's reader (device_reader.cpp), for the fleet reader.
#include "sim/scenario/scenario_fields.hpp"

namespace fleet::sim::loader {

// The device of `fleet`: the built-in defaults, then the file fleet.profile names (relative to the
// scenario's folder), then the inline fleet.device; what a layer leaves out keeps the value below it.
DeviceSpec read_fleet_device(const Context& ctx, const Section& fleet);

}  // namespace fleet::sim::loader
