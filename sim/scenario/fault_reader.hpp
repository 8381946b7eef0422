#pragma once
// The faults' reader (fault_reader.cpp), for the network reader.
#include <string>
#include <vector>

#include "sim/scenario/scenario_fields.hpp"

namespace fleet::sim::loader {

// network.faults of section `s` (the network), each naming one of `link_names` or `gateway_names`
// and falling inside a run of `duration_s`: appended to network.link_faults and network.gateway_outages.
void read_network_faults(const Context& ctx, const Section& s, const std::vector<std::string>& link_names,
                         const std::vector<std::string>& gateway_names, double duration_s, NetworkSpec& network);

}  // namespace fleet::sim::loader
