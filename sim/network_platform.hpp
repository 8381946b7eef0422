#pragma once
// The wide-area network of a run as a SimGrid platform: ports (gateways, port routers), landing stations
// and internet exchanges, undersea cables, a satellite ground station and the data centre in Marseille.
//
// Why hop by hop: SimGrid fixes every route when a zone is sealed, and its Floyd/Dijkstra zones weigh a
// route by its number of links, not its latency; turning a link off makes the comms that cross it fail
// but never moves a route. Real networks reroute, so here every link is its own one-hop SimGrid route
// between two interface hosts of its own ("<node>|<link>": two cables may join the same two landing
// stations, and SimGrid allows one route per pair of hosts), and a transfer crosses the network as
// consecutive SimGrid comms, one per hop, each
// hop chosen from the latency-shortest path over the links that are up at that moment
// (models::NetworkGraph) — what a router does. Each hop is a real SimGrid comm on a real link, so
// bandwidth sharing and congestion are SimGrid's. The cost of store-and-forward per hop is one extra
// size/bandwidth per hop: 1 µs for a 100-byte uplink on a 1 Gbit/s link.
//
// Wiring (the lead): translate the scenario's `network:` block (see models/route.hpp) into a
// NetworkDescription; call build_network_platform() once before the actors start (the engine must have
// network/model:CM02 so latencies come out as configured); gateway actors call transfer() instead of
// Mailbox::put to reach the data centre host, then hand the message over with a zero-size put or a
// direct call. Faults are applied by SimGrid timers at their dates.
#include <cstddef>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include <simgrid/s4u.hpp>

#include "models/network_graph.hpp"

namespace fleet::sim {

enum class NetworkNodeKind {
  GATEWAY,
  SHIP_HUB,
  PORT_ROUTER,
  LANDING_STATION,
  INTERNET_EXCHANGE,
  GROUND_STATION,
  DATA_CENTRE
};

struct NetworkNode {
  std::string name;
  NetworkNodeKind kind;
};

// One-way latency = fibre_length_m × fibre_delay_s_per_m + equipment_latency_s + air_latency_s
// (models::fibre_latency_s). A cable has fibre and equipment; a satellite hop has air latency only.
struct NetworkLink {
  std::string name;
  std::string end_a;
  std::string end_b;
  double bandwidth_bps = 10e9;
  double fibre_length_m = 0;
  double fibre_delay_s_per_m = 4.9e-9;  // domain.md §5
  double equipment_latency_s = 0;
  double air_latency_s = 0;
};

// The link is down from down_at_s until up_at_s (never back up if infinite).
struct LinkFault {
  std::string link;
  double down_at_s;
  double up_at_s = std::numeric_limits<double>::infinity();
};

struct NetworkDescription {
  std::string zone_name = "wan";
  std::vector<NetworkNode> nodes;
  std::vector<NetworkLink> links;
  std::vector<LinkFault> faults;
};

double link_latency_s(const NetworkLink& link);

struct TransferOutcome {
  bool delivered = false;
  std::size_t stopped_at = 0;      // the node the message reached (the destination if delivered)
  std::vector<std::size_t> links;  // links crossed, in order
  double elapsed_s = 0;
};

class NetworkPlatform {
 public:
  std::size_t node(const std::string& name) const { return graph_.node_by_name(name); }
  std::size_t link(const std::string& name) const;
  // Where the node's actors run (gateway forwarders, the network server).
  simgrid::s4u::Host* host(std::size_t node) const { return hosts_.at(node); }
  simgrid::s4u::SplitDuplexLink* sg_link(std::size_t link) const { return links_.at(link); }
  // Both directions up. (A split-duplex link's own is_on() never changes: turn_off() acts on its two
  // directions, so they are the ones to ask.)
  bool is_up(std::size_t link) const;
  const models::NetworkGraph& graph() const { return graph_; }

  // The latency-shortest path over the links that are up now; nullopt if the destination is cut off.
  std::optional<models::GraphPath> current_path(std::size_t from, std::size_t to) const;

  // Moves `bytes` from one node to another, one SimGrid comm per hop; call it from an actor. Each hop
  // goes to the next node of the current shortest path; a hop whose link fails under it is retried
  // from where the message is. Stops undelivered where no path remains (the caller buffers and counts).
  TransferOutcome transfer(std::size_t from, std::size_t to, std::uint64_t bytes) const;

 private:
  friend NetworkPlatform build_network_platform(const NetworkDescription&, simgrid::s4u::NetZone*);
  models::NetworkGraph graph_;
  struct Interfaces {
    simgrid::s4u::Host* end_a;  // on the link's end_a node
    simgrid::s4u::Host* end_b;
  };
  std::vector<simgrid::s4u::Host*> hosts_;
  std::vector<simgrid::s4u::SplitDuplexLink*> links_;
  std::vector<Interfaces> interfaces_;  // per link
};

// Builds the hosts and links in a full zone (a child of `parent`, or the root zone if null), seals it,
// and schedules the faults. Throws std::invalid_argument for an unknown end, fault link, a duplicate
// name or a fault that comes back up before it goes down.
NetworkPlatform build_network_platform(const NetworkDescription& description,
                                       simgrid::s4u::NetZone* parent = nullptr);

}  // namespace fleet::sim
