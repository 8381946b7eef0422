#pragma once
// The fleet section's reader (fleet_reader.cpp), for the top-level loader.
#include "sim/scenario/scenario_fields.hpp"

namespace fleet::sim::loader {

// `fleet`: containers, the device (device_reader.hpp), the firmware and the environment.
FleetSpec read_fleet(const Context& ctx, const Section& top);

// The last word once every section is read: hw::validate_config on the configuration each device will
// get (at each SF "auto" may choose); a rule between keys it breaks is reported at the key written.
void check_firmware_config(const Context& ctx, const Field& root, const Scenario& scenario);

}  // namespace fleet::sim::loader
