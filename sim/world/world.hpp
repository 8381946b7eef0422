#pragma once
// The world of a run: the port's gateways, where each container stands in the yard, and the wide-area
// network from the gateways to the data centre as a SimGrid platform (sim/network_platform).
#include <cstddef>
#include <string>
#include <vector>

#include <simgrid/s4u.hpp>

#include "models/geo.hpp"
#include "sim/network/gateway.hpp"
#include "sim/network/network_platform.hpp"
#include "sim/scenario/scenario.hpp"
#include "sim/voyage/voyage_world.hpp"

namespace fleet::sim {

struct World {
  explicit World(models::LocalTangentPlane frame) : frame(frame) {}
  models::LocalTangentPlane frame;  // local east/north metres, origin at the yard centre
  std::vector<models::LocalPoint> gateway_positions;  // single-port world: the radio gateways in `frame`
  // Every gateway's name in index order: the radio ones (the medium's), then the cellular networks'
  // nodes (voyage world). `gateways` gives each one's node, buffer and role.
  std::vector<std::string> gateway_names;
  // Where each gateway stands, when it stands still (a port's, not a hub or a cellular network):
  // degrees, and metres east/north of its own yard's centre.
  struct Site {
    bool fixed = false;
    GeoPoint position;
    models::LocalPoint local;
  };
  std::vector<Site> gateway_sites;
  std::vector<GatewayPlacement> gateways;
  std::size_t radio_gateway_count = 0;
  NetworkDescription network;  // what was built: nodes and links in platform order
  NetworkPlatform platform;
  std::vector<std::size_t> gateway_nodes;  // per gateway, its node in the platform (as in `gateways`)
  std::size_t data_centre_node = 0;
  simgrid::s4u::Host* air = nullptr;  // where the fleet scheduler runs: it never communicates
  double gateway_to_server_latency_s = 0;  // idle-network latency of the first gateway's path (physics)
  std::vector<double> link_up_times_s;     // sorted dates at which a cut link comes back
};

// The run's network: the port's gateways with their access links to the port router, then either the
// backbone (port router → data centre) or the scenario's `network` nodes and links; its link faults.
// Voyage world: every port's gateways on that port's router, every ship's hub on its satellite link,
// every port's cellular node on its router, then the scenario's `network`.
NetworkDescription network_description(const Scenario& scenario);

// Builds the platform in the current SimGrid engine (call once, before the actors start).
World build_world(const Scenario& scenario);

// Container positions, uniform in the yard rectangle; each drawn from its own (seed, device) stream.
std::vector<models::LocalPoint> place_containers(const Scenario& scenario);

}  // namespace fleet::sim
