#pragma once
// The wide-area network of a run as plain data (no SimGrid): nodes, links with their physics, scheduled
// faults. The scenario loader fills it (scenarios/README.md `network`, `backbone`), sim/world turns it
// into the description sim/network_platform builds, and the outputs name links and nodes from it.
#include <cstdint>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

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
inline constexpr std::size_t NETWORK_NODE_KIND_COUNT = 7;

constexpr std::string_view node_kind_name(NetworkNodeKind kind) {
  switch (kind) {
    case NetworkNodeKind::GATEWAY: return "gateway";
    case NetworkNodeKind::SHIP_HUB: return "ship_hub";
    case NetworkNodeKind::PORT_ROUTER: return "port_router";
    case NetworkNodeKind::LANDING_STATION: return "landing_station";
    case NetworkNodeKind::INTERNET_EXCHANGE: return "internet_exchange";
    case NetworkNodeKind::GROUND_STATION: return "ground_station";
    case NetworkNodeKind::DATA_CENTRE: return "data_centre";
  }
  return "unknown";
}

// What a hop is, for the latency breakdown: the port's own network (gateway access, port router to the
// landing station or exchange), an undersea cable between landing stations, the metro fibre that
// reaches the data centre, a ship hub's satellite link, or the LTE-M access of a port's cellular network.
enum class LinkKind : std::uint8_t { PORT, CABLE, METRO, SATELLITE, CELLULAR };
inline constexpr std::size_t LINK_KIND_COUNT = 5;

constexpr std::string_view link_kind_name(LinkKind kind) {
  switch (kind) {
    case LinkKind::PORT: return "port_network";
    case LinkKind::CABLE: return "cable";
    case LinkKind::METRO: return "metro";
    case LinkKind::SATELLITE: return "satellite";
    case LinkKind::CELLULAR: return "cellular";
  }
  return "unknown";
}

struct NetworkNode {
  std::string name;
  NetworkNodeKind kind = NetworkNodeKind::LANDING_STATION;

  bool operator==(const NetworkNode&) const = default;
};

// One-way latency = fibre_length_m × fibre_delay_s_per_m + equipment_latency_s + air_latency_s
// (models::fibre_latency_s). A cable has fibre and equipment; a satellite hop has air latency only.
struct NetworkLink {
  std::string name;
  std::string end_a;
  std::string end_b;
  double bandwidth_bps = 10e9;
  double fibre_length_m = 0;
  double fibre_delay_s_per_m = 4.9e-9;  // docs/sources.md §5
  double equipment_latency_s = 0;
  double air_latency_s = 0;
  LinkKind kind = LinkKind::PORT;
  std::string cable;  // the models/cable_catalogue system it was taken from, or empty

  bool operator==(const NetworkLink&) const = default;
};

// The link is down from down_at_s until up_at_s (never back up if infinite).
struct LinkFault {
  std::string link;
  double down_at_s = 0;
  double up_at_s = std::numeric_limits<double>::infinity();

  bool operator==(const LinkFault&) const = default;
};

// The gateway's radio hears nothing from down_at_s until up_at_s (never again if infinite).
struct GatewayOutage {
  std::string gateway;
  double down_at_s = 0;
  double up_at_s = std::numeric_limits<double>::infinity();

  bool operator==(const GatewayOutage&) const = default;
};

struct NetworkDescription {
  std::string zone_name = "wan";
  std::vector<NetworkNode> nodes;
  std::vector<NetworkLink> links;
  std::vector<LinkFault> faults;
};

// The scenario's `network` section. Without `nodes`, the run's network is the backbone one: every
// gateway → port router over port.gateway_link, port router → data centre over `backbone`. With them,
// the gateways attach to `port_router` over port.gateway_link and the rest is as written.
struct NetworkSpec {
  std::vector<NetworkNode> nodes;  // empty: the backbone network
  std::vector<NetworkLink> links;
  std::string port_router;         // where the gateways attach; required with `nodes`
  std::vector<LinkFault> link_faults;
  std::vector<GatewayOutage> gateway_outages;
  // [A] Copies a gateway keeps while it has no route to the data centre (a store-and-forward packet
  // forwarder's queue; the plain Semtech UDP forwarder keeps none).
  std::uint32_t gateway_buffer = 1000;
  double load_interval_s = 60;  // bins of the per-link throughput (links.csv peak and p95)
  // How long a LoRa gateway's or ship hub's forwarder gathers copies into one backhaul message
  // (sim/network/gateway.hpp). 0, the default: each copy its own message, as LoRa Basics Station sends
  // each uplink; Semtech's UDP packet forwarder polls its concentrator every 10 ms (docs/sources.md).
  double forward_window_s = 0;

  bool uses_backbone() const { return nodes.empty(); }
  bool operator==(const NetworkSpec&) const = default;
};

// Names of the nodes and links the backbone network and the gateways' access links get.
inline constexpr const char* BACKBONE_ROUTER_NODE = "port-router";
inline constexpr const char* BACKBONE_LINK = "backbone";
inline std::string access_link_name(const std::string& gateway) { return gateway + "-link"; }
inline std::string backbone_data_centre_node(const std::string& data_centre) { return "dc-" + data_centre; }
// Voyage world (scenario `voyage`): ship k (1-based) is "<prefix>-<k>"; its hub is a gateway and a
// node "<ship>-hub" whose satellite link "<ship>-satellite" lands on the hub's ground node; each port's
// cellular network is a node "<port>-lte" on its router through the link "<port>-lte-link".
inline std::string ship_name(const std::string& prefix, int ship_number) { return prefix + "-" + std::to_string(ship_number); }
inline std::string hub_name(const std::string& ship) { return ship + "-hub"; }
inline std::string satellite_link_name(const std::string& ship) { return ship + "-satellite"; }
inline std::string cellular_node_name(const std::string& port) { return port + "-lte"; }
inline std::string cellular_link_name(const std::string& port) { return cellular_node_name(port) + "-link"; }

}  // namespace fleet::sim
