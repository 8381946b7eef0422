// Reads the way from the port to the data centre (scenarios/README.md `backbone`, `network`,
// `data_centre`): either the one backbone link, or the network's nodes and links (catalogue cables
// among them) with the names they share with the gateways, the ships' hubs and the ports' LTE-M
// networks. Separate because it is the only reader that needs the other sections read first: it
// checks the names the ports and the voyage give (their routers, the hubs' ground node).
#include "sim/scenario/network_reader.hpp"

#include <algorithm>
#include <initializer_list>
#include <map>
#include <stdexcept>
#include <string_view>
#include <utility>

#include "models/cable_catalogue.hpp"
#include "sim/scenario/fault_reader.hpp"
#include "sim/scenario/voyage_services.hpp"

namespace fleet::sim::loader {
namespace {

constexpr double MAX_FORWARD_WINDOW_S = 60;  // network.forward_window

// The per-km delay is the natural unit to write (4.9us); the structs keep it per metre. The 1/1000
// is a decimal shift before rounding, so "4.9us" gives exactly the 4.9e-9 of scenario.hpp.
double read_fibre_delay_per_km(const Context& ctx, const Section& s, double fallback_s_per_m) {
  const auto field = s.find("fibre_delay_per_km");
  if (!field) return fallback_s_per_m;
  const std::string& text = scalar_text(ctx, *field, describe_dimension(Dimension::TIME));
  const QuantityResult per_m = parse_scaled_quantity(text, Dimension::TIME, -3);
  if (!per_m.ok) ctx.fail_value(*field, per_m.error);
  if (per_m.value_si < 0) ctx.fail_value(*field, "must not be negative, got " + text);
  return per_m.value_si;
}

// Node kinds a scenario may write (gateways come from port.gateways).
const std::initializer_list<std::string_view> NODE_KINDS{"port_router",    "landing_station", "internet_exchange",
                                                         "ship_hub",       "ground_station",  "data_centre"};
const std::initializer_list<std::string_view> LINK_KINDS{"port_network", "cable", "metro"};

NetworkNodeKind node_kind_named(std::string_view name) {
  for (std::size_t k = 0; k < NETWORK_NODE_KIND_COUNT; ++k) {
    if (node_kind_name(static_cast<NetworkNodeKind>(k)) == name) return static_cast<NetworkNodeKind>(k);
  }
  throw std::logic_error("unknown node kind " + std::string(name));  // read_choice has checked it
}

LinkKind link_kind_named(std::string_view name) {
  for (std::size_t k = 0; k < LINK_KIND_COUNT; ++k) {
    if (link_kind_name(static_cast<LinkKind>(k)) == name) return static_cast<LinkKind>(k);
  }
  throw std::logic_error("unknown link kind " + std::string(name));
}

// Names share one space: gateways, nodes and links are named in faults and outputs. A map, as the
// voyage world adds two names per ship and per port.
class NameRegistry {
 public:
  void add(const Context& ctx, const Field& field, const std::string& name, const std::string& where) {
    if (name.empty()) ctx.fail_value(field, "a name must not be empty");
    const auto [known, added] = names_.emplace(name, where);
    if (!added) ctx.fail_value(field, "duplicate name '" + name + "' (already used by " + known->second + ")");
  }

 private:
  std::map<std::string, std::string> names_;  // name -> where it was given
};

std::vector<NetworkNode> read_network_nodes(const Context& ctx, const Section& s, NameRegistry& names) {
  std::vector<NetworkNode> nodes;
  const Field list_field = *s.find("nodes");
  for (const Field& element :
       s.list(list_field, "a list of nodes such as [{name: mrs-ls, kind: landing_station}]", "node")) {
    const Section n(ctx, element, {"name", "kind"});
    const Field name = n.require("name");
    NetworkNode node{read_text(ctx, name), {}};
    names.add(ctx, name, node.name, element.path);
    node.kind = node_kind_named(read_choice(ctx, n.require("kind"), "node kind", NODE_KINDS));
    nodes.push_back(std::move(node));
  }
  const auto centres = std::count_if(nodes.begin(), nodes.end(),
                                     [](const NetworkNode& n) { return n.kind == NetworkNodeKind::DATA_CENTRE; });
  if (centres != 1)
    ctx.fail_value(list_field, "exactly one node of kind data_centre is required, got " + std::to_string(centres));
  return nodes;
}

const NetworkNode* find_node(const std::vector<NetworkNode>& nodes, const std::string& name) {
  const auto found = std::find_if(nodes.begin(), nodes.end(), [&](const NetworkNode& n) { return n.name == name; });
  return found == nodes.end() ? nullptr : &*found;
}

std::vector<std::string> node_names(const std::vector<NetworkNode>& nodes) {
  std::vector<std::string> names;
  for (const NetworkNode& node : nodes) names.push_back(node.name);
  return names;
}

// A node named in the network; gateways are not (they attach to the port router by themselves).
const NetworkNode& read_node_reference(const Context& ctx, const Field& field, const std::vector<NetworkNode>& nodes,
                                       const std::vector<GatewaySpec>& gateways) {
  const std::string name = read_text(ctx, field);
  if (const NetworkNode* node = find_node(nodes, name)) return *node;
  for (const GatewaySpec& gateway : gateways) {
    if (gateway.name == name)
      ctx.fail_value(field, "'" + name + "' is a gateway, not a node: gateways attach to their port's router by its gateway_link");
  }
  fail_unknown_name(ctx, field, "node", node_names(nodes));
}

// What a hop is when the scenario does not say: a catalogue cable or a link between two landing stations
// is a cable; a link that reaches the data centre is metro fibre; the rest is the port's network.
LinkKind default_link_kind(const NetworkLink& link, NetworkNodeKind a, NetworkNodeKind b) {
  using K = NetworkNodeKind;
  if (!link.cable.empty() || (a == K::LANDING_STATION && b == K::LANDING_STATION)) return LinkKind::CABLE;
  if (a == K::DATA_CENTRE || b == K::DATA_CENTRE) return LinkKind::METRO;
  return LinkKind::PORT;
}

NetworkLink read_network_link(const Context& ctx, const Field& element, const std::vector<NetworkNode>& nodes,
                              const std::vector<GatewaySpec>& gateways, NameRegistry& names) {
  const Section l(ctx, element,
                  {"name", "ends", "cable", "length", "fibre_delay_per_km", "equipment_latency", "bandwidth", "kind"});
  NetworkLink link;
  const auto cable_field = l.find("cable");
  if (cable_field) {
    link.cable = read_text(ctx, *cable_field);
    std::vector<std::string> known;
    for (const models::CableSystem& cable : models::cable_catalogue()) known.push_back(cable.name);
    if (std::find(known.begin(), known.end(), link.cable) == known.end())
      fail_unknown_name(ctx, *cable_field, "cable system", known);
    const models::CableSystem& cable = models::cable_by_name(link.cable);
    if (auto length = l.find("length")) {
      ctx.fail_value(*length, "a catalogue cable's length is its published system length (" +
                                  format_quantity(cable.length_m, Dimension::DISTANCE) +
                                  "): remove length, or cable to give your own");
    }
    link.fibre_length_m = cable.length_m;
    if (cable.design_capacity_bps > 0) {
      link.bandwidth_bps = cable.design_capacity_bps;
    } else if (!l.find("bandwidth")) {
      l.fail("the cable catalogue has no capacity for '" + cable.name + "': give its bandwidth");
    }
  } else {
    link.fibre_length_m = read_quantity(ctx, l.require("length"), Dimension::DISTANCE, Check::NON_NEGATIVE);
  }
  const auto name_field = cable_field && !l.find("name") ? *cable_field : l.require("name");
  link.name = read_text(ctx, name_field);
  names.add(ctx, name_field, link.name, element.path);

  const Field ends = l.require("ends");
  if (!ends.node.IsSequence() || ends.node.size() != 2)
    ctx.fail_value(ends, "expected the two nodes the link joins, such as [sin-ls, mrs-ls], got " + describe(ends.node));
  const NetworkNode& a = read_node_reference(ctx, ctx.element(ends, 0, ends.node[0]), nodes, gateways);
  const NetworkNode& b = read_node_reference(ctx, ctx.element(ends, 1, ends.node[1]), nodes, gateways);
  if (a.name == b.name) ctx.fail_value(ends, "a link must join two different nodes, got '" + a.name + "' twice");
  link.end_a = a.name;
  link.end_b = b.name;

  link.fibre_delay_s_per_m = read_fibre_delay_per_km(ctx, l, link.fibre_delay_s_per_m);
  link.equipment_latency_s = l.quantity("equipment_latency", Dimension::TIME, 0.0, Check::NON_NEGATIVE);
  link.bandwidth_bps = l.quantity("bandwidth", Dimension::DATA_RATE, link.bandwidth_bps, Check::POSITIVE);
  link.kind = default_link_kind(link, a.kind, b.kind);
  if (auto kind = l.find("kind")) link.kind = link_kind_named(read_choice(ctx, *kind, "link kind", LINK_KINDS));
  return link;
}

// The gateways of the run: the port's, or in the voyage world every port's; with where each is written.
std::vector<std::pair<GatewaySpec, std::string>> world_gateways(const Scenario& scenario) {
  std::vector<std::pair<GatewaySpec, std::string>> gateways;
  const auto add = [&](const PortSpec& port, const std::string& path) {
    for (std::size_t g = 0; g < port.gateways.size(); ++g)
      gateways.emplace_back(port.gateways[g], path + ".gateways[" + std::to_string(g) + "]");
  };
  if (!scenario.voyage.enabled) add(scenario.port, "port");
  for (std::size_t p = 0; p < scenario.ports.size(); ++p) add(scenario.ports[p], "ports[" + std::to_string(p) + "]");
  return gateways;
}

// The names the voyage world gives its ships' hubs, satellite links and the ports' LTE-M networks
// (sim/scenario/network_spec.hpp): they share the name space, and faults may name the hubs and links.
void add_voyage_names(const Context& ctx, const Field& at, const Scenario& scenario, NameRegistry& names,
                      std::vector<std::string>& gateway_names, std::vector<std::string>& link_names) {
  for (const VoyageShip& voyage_ship : voyage_ships(scenario.voyage)) {
    const std::string& ship = voyage_ship.name;
    names.add(ctx, at, hub_name(ship), "the hub of ship " + ship);
    names.add(ctx, at, satellite_link_name(ship), "the satellite link of ship " + ship);
    gateway_names.push_back(hub_name(ship));
    link_names.push_back(satellite_link_name(ship));
  }
  for (const PortSpec& port : scenario.ports) {
    names.add(ctx, at, cellular_node_name(port.name), "the LTE-M network of port " + port.name);
    names.add(ctx, at, cellular_link_name(port.name), "the LTE-M link of port " + port.name);
    link_names.push_back(cellular_link_name(port.name));
  }
}

// Voyage world: each port's router and the hubs' ground node are nodes of network.nodes.
void check_node_references(const Context& ctx, const NodeReferences& refs, const std::vector<NetworkNode>& nodes,
                           const std::vector<GatewaySpec>& gateways) {
  for (const Field& router : refs.port_routers) {
    const NetworkNode& node = read_node_reference(ctx, router, nodes, gateways);
    if (node.kind != NetworkNodeKind::PORT_ROUTER && node.kind != NetworkNodeKind::INTERNET_EXCHANGE) {
      ctx.fail_value(router, "'" + node.name + "' is a " + std::string(node_kind_name(node.kind)) +
                                 ", not a port_router or internet_exchange");
    }
  }
  for (const Field& ground_node : refs.ground_nodes) read_node_reference(ctx, ground_node, nodes, gateways);
}

}  // namespace

BackboneSpec read_backbone(const Context& ctx, const Section& top) {
  BackboneSpec backbone;
  const Section s =
      top.section("backbone", {"length", "fibre_delay_per_km", "equipment_latency", "bandwidth"});
  backbone.length_m = s.quantity("length", Dimension::DISTANCE, backbone.length_m, Check::NON_NEGATIVE);
  backbone.fibre_delay_s_per_m = read_fibre_delay_per_km(ctx, s, backbone.fibre_delay_s_per_m);
  backbone.equipment_latency_s =
      s.quantity("equipment_latency", Dimension::TIME, backbone.equipment_latency_s, Check::NON_NEGATIVE);
  backbone.bandwidth_bps =
      s.quantity("bandwidth", Dimension::DATA_RATE, backbone.bandwidth_bps, Check::POSITIVE);
  return backbone;
}

NetworkSpec read_network(const Context& ctx, const Section& top, const Scenario& scenario, const NodeReferences& refs) {
  NetworkSpec network;
  const Section s =
      top.section("network", {"port_router", "nodes", "links", "faults", "gateway_buffer", "load_interval",
                              "forward_window"});
  network.gateway_buffer = static_cast<std::uint32_t>(s.integer("gateway_buffer", 0, 100'000'000, network.gateway_buffer));
  network.load_interval_s = s.quantity("load_interval", Dimension::TIME, network.load_interval_s, Check::POSITIVE);
  if (const auto window = s.find("forward_window")) {
    network.forward_window_s = read_quantity(ctx, *window, Dimension::TIME, Check::NON_NEGATIVE);
    // [A] Beyond a minute it is a scheduled upload, not a forwarder's bundle, and every copy would wait it.
    if (network.forward_window_s > MAX_FORWARD_WINDOW_S)
      ctx.fail_value(*window, "must be at most 60s, got " + scalar_text(ctx, *window, "a time"));
  }

  const bool voyage = scenario.voyage.enabled;
  NameRegistry names;
  std::vector<std::string> link_names;
  std::vector<std::string> gateway_names;
  std::vector<GatewaySpec> gateways;
  for (const auto& [gateway, where] : world_gateways(scenario)) {
    names.add(ctx, s.field(), gateway.name, where);
    link_names.push_back(access_link_name(gateway.name));
    gateway_names.push_back(gateway.name);
    gateways.push_back(gateway);
  }
  if (voyage) add_voyage_names(ctx, s.field(), scenario, names, gateway_names, link_names);
  if (auto nodes = s.find("nodes")) {
    if (auto backbone = top.find("backbone")) {
      ctx.fail(backbone->key_spot, backbone->path,
               "backbone and network.nodes both describe the way to the data centre: keep one "
               "(write the metro fibre as a link of network.links)");
    }
    network.nodes = read_network_nodes(ctx, s, names);
    if (voyage) {
      if (auto router = s.find("port_router")) {
        ctx.fail(router->key_spot, router->path,
                 "in the voyage world each port attaches to its own router (ports[i].router): remove network.port_router");
      }
      check_node_references(ctx, refs, network.nodes, gateways);
    } else {
      const Field router = s.require("port_router");
      const NetworkNode& node = read_node_reference(ctx, router, network.nodes, gateways);
      if (node.kind != NetworkNodeKind::PORT_ROUTER)
        ctx.fail_value(router, "'" + node.name + "' is a " + std::string(node_kind_name(node.kind)) + ", not a port_router");
      network.port_router = node.name;
    }
    for (const auto& [gateway, where] : world_gateways(scenario))
      names.add(ctx, s.field(), access_link_name(gateway.name), "the access link of " + where);
    const Field links = s.require("links");
    for (const Field& element :
         s.list(links, "a list of links such as [{name: metro, ends: [mrs-ls, mrs-dc], length: 8km}]", "link")) {
      network.links.push_back(read_network_link(ctx, element, network.nodes, gateways, names));
      link_names.push_back(network.links.back().name);
    }
  } else {
    if (voyage) {
      const Field voyage_field = *top.find("voyage");
      ctx.fail(voyage_field.key_spot, "network.nodes",
               "the voyage world needs network.nodes: the ports' routers and the hubs' ground node are nodes of it");
    }
    for (const char* key : {"port_router", "links"}) {
      if (auto field = s.find(key))
        ctx.fail(field->key_spot, field->path, std::string(key) + " needs network.nodes (without them the network is the backbone)");
    }
    link_names.push_back(BACKBONE_LINK);
  }
  read_network_faults(ctx, s, link_names, gateway_names, scenario.duration_s, network);
  return network;
}

DataCentreSpec read_data_centre(const Section& top) {
  DataCentreSpec centre;
  const Section s = top.section("data_centre", {"name", "lat", "lon"});
  centre.name = s.text("name", centre.name);
  centre.position = read_position(s, centre.position);
  return centre;
}

}  // namespace fleet::sim::loader
