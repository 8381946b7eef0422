#pragma once
// The port section's reader (port_reader.cpp), for the top-level loader and the voyage reader.
#include <map>
#include <string>

#include "sim/scenario/scenario_fields.hpp"

namespace fleet::sim::loader {

// `port`: the single port of the yard world, its gateways listed (port.gateways) or on a grid.
PortSpec read_port(const Context& ctx, const Section& top);

// What `port` and each entry of `ports` share: gateways, yard and gateway link. `seen_gateways` maps
// the gateway names read so far (unique over every port) to where they are written.
void read_port_site(const Context& ctx, const Section& section, std::map<std::string, std::string>& seen_gateways,
                    PortSpec& port, bool gateways_required);

}  // namespace fleet::sim::loader
