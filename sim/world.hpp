#pragma once
// The world of a run: the port's gateways, where each container stands in the yard, and the wide-area
// network from the gateways to the data centre as a SimGrid platform (sim/network_platform).
#include <cstddef>
#include <string>
#include <vector>

#include <simgrid/s4u.hpp>

#include "models/geo.hpp"
#include "sim/network_platform.hpp"
#include "sim/scenario.hpp"

namespace fleet::sim {

struct World {
  explicit World(models::LocalTangentPlane frame) : frame(frame) {}
  models::LocalTangentPlane frame;  // local east/north metres, origin at the yard centre
  std::vector<models::LocalPoint> gateway_positions;
  NetworkDescription network;  // what was built: nodes and links in platform order
  NetworkPlatform platform;
  std::vector<std::size_t> gateway_nodes;  // per gateway, its node in the platform
  std::size_t data_centre_node = 0;
  simgrid::s4u::Host* air = nullptr;  // where the fleet scheduler runs: it never communicates
  double gateway_to_server_latency_s = 0;  // idle-network latency of the first gateway's path (physics)
  std::vector<double> link_up_times_s;     // sorted dates at which a cut link comes back
};

// The run's network: the port's gateways with their access links to the port router, then either the
// backbone (port router → data centre) or the scenario's `network` nodes and links; its link faults.
NetworkDescription network_description(const Scenario& scenario);

// Builds the platform in the current SimGrid engine (call once, before the actors start).
World build_world(const Scenario& scenario);

// Container positions, uniform in the yard rectangle; each drawn from its own (seed, device) stream.
std::vector<models::LocalPoint> place_containers(const Scenario& scenario);

}  // namespace fleet::sim
