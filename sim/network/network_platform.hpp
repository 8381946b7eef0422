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
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include <simgrid/s4u.hpp>

#include "models/network_graph.hpp"
#include "sim/scenario/network_spec.hpp"

namespace fleet::sim {

double link_latency_s(const NetworkLink& link);

struct TransferOutcome {
  bool delivered = false;
  std::size_t stopped_at = 0;      // the node the message reached (the destination if delivered)
  std::vector<std::size_t> links;  // links crossed, in order
  // Per crossed link, the time from reaching its near end to reaching its far end (failed attempts
  // from that node included), so the hop times add up to elapsed_s.
  std::vector<double> hop_elapsed_s;
  double elapsed_s = 0;
};

// A pair of nodes that many messages cross between (a gateway and the data centre): the platform adds
// one SimGrid route along their idle shortest path, and while that path is still the shortest over the
// links that are up, a transfer crosses it as ONE comm instead of one per hop. Same latencies and
// sharing (CM02 sums the latencies and shares each link), a fraction of the engine's work per message.
struct ExpressPair {
  std::string from;
  std::string to;
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
  // Between an express pair, while the express path is the current shortest path, the whole path is
  // one comm; if a link fails under it, where the message was is unknown, so it is sent again from
  // `from` (an end-to-end retransmission). Its hop times are then shared out as the hops would have
  // taken them: each hop its latency, the transmission time in proportion to bytes / bandwidth.
  TransferOutcome transfer(std::size_t from, std::size_t to, std::uint64_t bytes) const;
  // The same, into `outcome` (cleared first): a caller that transfers often keeps one and reuses its
  // vectors' capacity, so a transfer allocates nothing.
  void transfer(std::size_t from, std::size_t to, std::uint64_t bytes, TransferOutcome& outcome) const;

  // Bumped whenever a link goes down or up: a path computed under another version may be stale.
  std::uint64_t topology_version() const { return *topology_version_; }

 private:
  friend NetworkPlatform build_network_platform(const NetworkDescription&, simgrid::s4u::NetZone*,
                                                const std::vector<ExpressPair>&);
  struct Express {
    std::size_t from;
    std::size_t to;
    std::vector<std::size_t> links;
  };
  struct CachedPath {
    std::uint64_t version;
    std::optional<models::GraphPath> path;
  };
  const Express* express(std::size_t from, std::size_t to) const;
  bool express_is_current(const Express& express, const models::GraphPath& path) const;
  void share_out(const Express& express, double elapsed_s, std::uint64_t bytes, TransferOutcome& outcome) const;

  models::NetworkGraph graph_;
  std::shared_ptr<std::uint64_t> topology_version_ = std::make_shared<std::uint64_t>(0);
  mutable std::unordered_map<std::uint64_t, CachedPath> path_cache_;  // key: from × node count + to
  std::vector<Express> express_;
  struct Interfaces {
    simgrid::s4u::Host* end_a;  // on the link's end_a node
    simgrid::s4u::Host* end_b;
  };
  std::vector<simgrid::s4u::Host*> hosts_;
  std::vector<simgrid::s4u::SplitDuplexLink*> links_;
  std::vector<Interfaces> interfaces_;  // per link
};

// Builds the hosts and links in a full zone (a child of `parent`, or the root zone if null), adds the
// express routes, seals it, and schedules the faults. Throws std::invalid_argument for an unknown end,
// fault link or express node, a duplicate name, a fault that comes back up before it goes down, or an
// express pair with no path.
NetworkPlatform build_network_platform(const NetworkDescription& description,
                                       simgrid::s4u::NetZone* parent = nullptr,
                                       const std::vector<ExpressPair>& express = {});

}  // namespace fleet::sim
