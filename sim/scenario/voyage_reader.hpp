#pragma once
// The voyage world's reader (voyage_reader.cpp), for the top-level loader; and the node names the
// voyage sections hand on to the network reader.
#include <vector>

#include "sim/scenario/scenario_fields.hpp"

namespace fleet::sim::loader {

// Names the voyage sections give that only the network section can check: they name its nodes.
struct NodeReferences {
  std::vector<Field> port_routers;   // ports[i].router
  std::vector<Field> ground_nodes;   // voyage.services[i].ships.hub.ground_node
};

// `ports`: the voyage world's ports (required once there is a `voyage`, written at `voyage`).
std::vector<PortSpec> read_ports(const Context& ctx, const Section& top, const Field& voyage, NodeReferences& refs);

// `voyage`: its routes, services, cellular coverage and itinerary, checked against `ports` and the run.
VoyageSpec read_voyage(const Context& ctx, const Field& field, const std::vector<PortSpec>& ports,
                       NodeReferences& refs, double duration_s);

}  // namespace fleet::sim::loader
