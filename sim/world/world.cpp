#include "sim/world/world.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

#include "sim/base/random_purpose.hpp"

namespace fleet::sim {

namespace sg4 = simgrid::s4u;

namespace {
// Compute speed of the host the fleet scheduler runs on: irrelevant (nothing computes), a round figure.
constexpr double HOST_FLOPS = 1e9;

}  // namespace

namespace {

NetworkLink access_link(const std::string& gateway, const std::string& router, const LinkSpec& spec) {
  // Each gateway's link to its port router: the port LAN, a latency and a bandwidth, no fibre length.
  NetworkLink access;
  access.name = access_link_name(gateway);
  access.end_a = gateway;
  access.end_b = router;
  access.bandwidth_bps = spec.bandwidth_bps;
  access.equipment_latency_s = spec.latency_s;
  access.kind = LinkKind::PORT;
  return access;
}

// Voyage world: port gateways, ship hubs, cellular nodes, in gateway order, and their links.
void add_voyage_gateways(const Scenario& scenario, NetworkDescription& network) {
  for (const PortSpec& port : scenario.ports)
    for (const GatewaySpec& gateway : port.gateways) {
      network.nodes.push_back(NetworkNode{gateway.name, NetworkNodeKind::GATEWAY});
      network.links.push_back(access_link(gateway.name, port.router, port.gateway_link));
    }
  for (const VoyageShip& voyage_ship : voyage_ships(scenario.voyage)) {
    const ShipHubSpec& hub = scenario.voyage.services[voyage_ship.service].ships.hub;
    const std::string& ship = voyage_ship.name;
    network.nodes.push_back(NetworkNode{hub_name(ship), NetworkNodeKind::SHIP_HUB});
    NetworkLink satellite;
    satellite.name = satellite_link_name(ship);
    satellite.end_a = hub_name(ship);
    satellite.end_b = hub.ground_node;
    satellite.bandwidth_bps = hub.bandwidth_bps;
    satellite.air_latency_s = hub.rtt_s / 2;  // one way: half the round trip (models/satellite_link.hpp)
    satellite.kind = LinkKind::SATELLITE;
    network.links.push_back(satellite);
  }
  const CellularSpec& cellular = scenario.voyage.cellular;
  for (const PortSpec& port : scenario.ports) {
    network.nodes.push_back(NetworkNode{cellular_node_name(port.name), NetworkNodeKind::GATEWAY});
    NetworkLink lte;
    lte.name = cellular_link_name(port.name);
    lte.end_a = cellular_node_name(port.name);
    lte.end_b = port.router;
    lte.bandwidth_bps = cellular.bandwidth_bps;
    lte.equipment_latency_s = cellular.latency_s;
    lte.kind = LinkKind::CELLULAR;
    network.links.push_back(lte);
  }
}

// Every gateway's name, in index order (radio ones first), and how many have a radio.
std::vector<std::string> gateway_names(const Scenario& scenario, std::size_t& radio_count) {
  std::vector<std::string> names;
  if (!scenario.voyage.enabled) {
    for (const GatewaySpec& gateway : scenario.port.gateways) names.push_back(gateway.name);
    radio_count = names.size();
    return names;
  }
  for (const PortSpec& port : scenario.ports)
    for (const GatewaySpec& gateway : port.gateways) names.push_back(gateway.name);
  for (const VoyageShip& ship : voyage_ships(scenario.voyage)) names.push_back(hub_name(ship.name));
  radio_count = names.size();
  for (const PortSpec& port : scenario.ports) names.push_back(cellular_node_name(port.name));
  return names;
}

}  // namespace

NetworkDescription network_description(const Scenario& scenario) {
  NetworkDescription network;
  const NetworkSpec& spec = scenario.network;
  if (scenario.voyage.enabled) {
    add_voyage_gateways(scenario, network);
  } else {
    const std::string router = spec.uses_backbone() ? BACKBONE_ROUTER_NODE : spec.port_router;
    for (const GatewaySpec& gateway : scenario.port.gateways)
      network.nodes.push_back(NetworkNode{gateway.name, NetworkNodeKind::GATEWAY});
    for (const GatewaySpec& gateway : scenario.port.gateways)
      network.links.push_back(access_link(gateway.name, router, scenario.port.gateway_link));
  }
  if (spec.uses_backbone()) {
    const std::string data_centre = backbone_data_centre_node(scenario.data_centre.name);
    network.nodes.push_back(NetworkNode{BACKBONE_ROUTER_NODE, NetworkNodeKind::PORT_ROUTER});
    network.nodes.push_back(NetworkNode{data_centre, NetworkNodeKind::DATA_CENTRE});
    const BackboneSpec& backbone = scenario.backbone;
    NetworkLink metro;
    metro.name = BACKBONE_LINK;
    metro.end_a = BACKBONE_ROUTER_NODE;
    metro.end_b = data_centre;
    metro.bandwidth_bps = backbone.bandwidth_bps;
    metro.fibre_length_m = backbone.length_m;
    metro.fibre_delay_s_per_m = backbone.fibre_delay_s_per_m;
    metro.equipment_latency_s = backbone.equipment_latency_s;
    metro.kind = LinkKind::METRO;
    network.links.push_back(metro);
  } else {
    network.nodes.insert(network.nodes.end(), spec.nodes.begin(), spec.nodes.end());
    network.links.insert(network.links.end(), spec.links.begin(), spec.links.end());
  }
  network.faults = spec.link_faults;
  return network;
}

World build_world(const Scenario& scenario) {
  const YardSpec& home_yard = scenario.voyage.enabled ? scenario.ports.front().yard : scenario.port.yard;
  World world(models::LocalTangentPlane(to_lat_lon(home_yard.center)));
  if (!scenario.voyage.enabled)
    for (const GatewaySpec& gateway : scenario.port.gateways)
      world.gateway_positions.push_back(world.frame.to_local(to_lat_lon(gateway.position)));
  world.gateway_names = gateway_names(scenario, world.radio_gateway_count);
  world.gateway_sites.resize(world.gateway_names.size());
  const std::vector<PortSpec> single_port{scenario.port};
  std::size_t g = 0;
  for (const PortSpec& port : scenario.voyage.enabled ? scenario.ports : single_port) {
    const models::LocalTangentPlane yard_frame(to_lat_lon(port.yard.center));
    for (const GatewaySpec& gateway : port.gateways)
      world.gateway_sites[g++] = World::Site{true, gateway.position, yard_frame.to_local(to_lat_lon(gateway.position))};
  }

  sg4::NetZone* root = sg4::create_full_zone(scenario.voyage.enabled ? scenario.name : scenario.port.name);
  world.air = root->create_host("lora-air", HOST_FLOPS);
  world.network = network_description(scenario);
  const auto centre = std::find_if(world.network.nodes.begin(), world.network.nodes.end(),
                                   [](const NetworkNode& n) { return n.kind == NetworkNodeKind::DATA_CENTRE; });
  // Every gateway's copies go to the data centre: one SimGrid comm per copy while the idle path holds.
  std::vector<ExpressPair> express;
  for (const std::string& gateway : world.gateway_names) express.push_back({gateway, centre->name});
  world.platform = build_network_platform(world.network, root, express);
  root->seal();

  world.data_centre_node = world.platform.node(centre->name);
  const std::vector<VoyageShip> ships = voyage_ships(scenario.voyage);
  const std::size_t port_gateways = scenario.voyage.enabled ? world.radio_gateway_count - ships.size()
                                                            : world.radio_gateway_count;
  for (g = 0; g < world.gateway_names.size(); ++g) {
    const std::size_t node = world.platform.node(world.gateway_names[g]);
    const bool hub = g >= port_gateways && g < world.radio_gateway_count;
    world.gateway_nodes.push_back(node);
    world.gateways.push_back(GatewayPlacement{static_cast<std::uint16_t>(g), node,
                                              hub ? scenario.voyage.services[ships[g - port_gateways].service].ships.hub.buffer
                                                  : scenario.network.gateway_buffer,
                                              hub,
                                              // a cellular network sends each device's packet on its own
                                              g < world.radio_gateway_count ? scenario.network.forward_window_s : 0.0});
  }
  if (!world.gateway_nodes.empty()) {
    const auto path = world.platform.graph().shortest_path(world.gateway_nodes[0], world.data_centre_node,
                                                           [](std::size_t) { return true; });
    world.gateway_to_server_latency_s = path ? path->latency_s : 0.0;
  }
  for (const LinkFault& fault : world.network.faults)
    if (std::isfinite(fault.up_at_s)) world.link_up_times_s.push_back(fault.up_at_s);
  std::sort(world.link_up_times_s.begin(), world.link_up_times_s.end());
  return world;
}

std::vector<models::LocalPoint> place_containers(const Scenario& scenario) {
  std::vector<models::LocalPoint> positions;
  positions.reserve(scenario.fleet.containers);
  for (std::uint32_t id = 0; id < scenario.fleet.containers; ++id) {
    models::RandomStream stream = make_stream(scenario.seed, id, RandomPurpose::PLACEMENT);
    positions.push_back(draw_yard_position(scenario.port.yard, stream));
  }
  return positions;
}

}  // namespace fleet::sim
