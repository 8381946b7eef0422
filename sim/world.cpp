#include "sim/world.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

#include "sim/random_purpose.hpp"

namespace fleet::sim {

namespace sg4 = simgrid::s4u;

namespace {
// Compute speed of the host the fleet scheduler runs on: irrelevant (nothing computes), a round figure.
constexpr double HOST_FLOPS = 1e9;

models::LatLon to_lat_lon(const GeoPoint& point) { return models::LatLon{point.lat_deg, point.lon_deg}; }
}  // namespace

NetworkDescription network_description(const Scenario& scenario) {
  NetworkDescription network;
  const NetworkSpec& spec = scenario.network;
  for (const GatewaySpec& gateway : scenario.port.gateways)
    network.nodes.push_back(NetworkNode{gateway.name, NetworkNodeKind::GATEWAY});
  const std::string router = spec.uses_backbone() ? BACKBONE_ROUTER_NODE : spec.port_router;
  // Each gateway's link to the port router: the port LAN, a latency and a bandwidth, no fibre length.
  for (const GatewaySpec& gateway : scenario.port.gateways) {
    NetworkLink access;
    access.name = access_link_name(gateway.name);
    access.end_a = gateway.name;
    access.end_b = router;
    access.bandwidth_bps = scenario.port.gateway_link.bandwidth_bps;
    access.equipment_latency_s = scenario.port.gateway_link.latency_s;
    access.kind = LinkKind::PORT;
    network.links.push_back(access);
  }
  if (spec.uses_backbone()) {
    const std::string data_centre = backbone_data_centre_node(scenario.data_centre.name);
    network.nodes.push_back(NetworkNode{router, NetworkNodeKind::PORT_ROUTER});
    network.nodes.push_back(NetworkNode{data_centre, NetworkNodeKind::DATA_CENTRE});
    const BackboneSpec& backbone = scenario.backbone;
    NetworkLink metro;
    metro.name = BACKBONE_LINK;
    metro.end_a = router;
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
  World world(models::LocalTangentPlane(to_lat_lon(scenario.port.yard.center)));
  for (const GatewaySpec& gateway : scenario.port.gateways)
    world.gateway_positions.push_back(world.frame.to_local(to_lat_lon(gateway.position)));

  sg4::NetZone* root = sg4::create_full_zone(scenario.port.name);
  world.air = root->create_host("lora-air", HOST_FLOPS);
  world.network = network_description(scenario);
  const auto centre = std::find_if(world.network.nodes.begin(), world.network.nodes.end(),
                                   [](const NetworkNode& n) { return n.kind == NetworkNodeKind::DATA_CENTRE; });
  // Every gateway's copies go to the data centre: one SimGrid comm per copy while the idle path holds.
  std::vector<ExpressPair> express;
  for (const GatewaySpec& gateway : scenario.port.gateways) express.push_back({gateway.name, centre->name});
  world.platform = build_network_platform(world.network, root, express);
  root->seal();

  world.data_centre_node = world.platform.node(centre->name);
  for (const GatewaySpec& gateway : scenario.port.gateways) world.gateway_nodes.push_back(world.platform.node(gateway.name));
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
  const YardSpec& yard = scenario.port.yard;
  for (std::uint32_t id = 0; id < scenario.fleet.containers; ++id) {
    models::RandomStream stream = make_stream(scenario.seed, id, RandomPurpose::PLACEMENT);
    if (yard.shape == "disc") {
      // Uniform over the area: the radius goes as the square root of a uniform draw.
      const double radius_m = yard.radius_m * std::sqrt(stream.uniform(0.0, 1.0));
      const double angle_rad = stream.uniform(0.0, 2 * std::numbers::pi);
      positions.push_back(models::LocalPoint{radius_m * std::cos(angle_rad), radius_m * std::sin(angle_rad)});
      continue;
    }
    const double east_m = stream.uniform(-yard.east_extent_m / 2, yard.east_extent_m / 2);
    const double north_m = stream.uniform(-yard.north_extent_m / 2, yard.north_extent_m / 2);
    positions.push_back(models::LocalPoint{east_m, north_m});
  }
  return positions;
}

}  // namespace fleet::sim
