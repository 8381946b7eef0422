#pragma once
// The network side's readers (network_reader.cpp), for the top-level loader.
#include "sim/scenario/scenario_fields.hpp"
#include "sim/scenario/voyage_reader.hpp"

namespace fleet::sim::loader {

// `backbone`: the one link from the port router to the data centre when there are no network.nodes.
BackboneSpec read_backbone(const Context& ctx, const Section& top);

// `network`, once the port or ports and the voyage are read (`scenario` holds them): its nodes, links
// and faults, with every name checked against the others and `refs` checked against the nodes.
NetworkSpec read_network(const Context& ctx, const Section& top, const Scenario& scenario, const NodeReferences& refs);

// `data_centre`: its name and position.
DataCentreSpec read_data_centre(const Section& top);

}  // namespace fleet::sim::loader
