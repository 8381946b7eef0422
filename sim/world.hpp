#pragma once
// The world of a run: the SimGrid platform of the port (gateways, port network, backbone to the data
// centre) built in C++, and where each container stands in the yard.
#include <string>
#include <vector>

#include <simgrid/s4u.hpp>

#include "models/geo.hpp"
#include "sim/scenario.hpp"

namespace fleet::sim {

struct World {
  models::LocalTangentPlane frame;  // local east/north metres, origin at the yard centre
  std::vector<models::LocalPoint> gateway_positions;
  std::vector<simgrid::s4u::Host*> gateway_hosts;
  simgrid::s4u::Host* data_centre = nullptr;
  simgrid::s4u::Host* air = nullptr;  // where the fleet scheduler runs: it never communicates
  double gateway_to_server_latency_s = 0;  // idle-network latency of every gateway's path
};

// Builds the platform in the current SimGrid engine (call once, before the actors start).
World build_world(const Scenario& scenario);

// Container positions, uniform in the yard rectangle; each drawn from its own (seed, device) stream.
std::vector<models::LocalPoint> place_containers(const Scenario& scenario);

}  // namespace fleet::sim
