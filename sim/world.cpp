#include "sim/world.hpp"

#include <cmath>
#include <numbers>

#include "sim/random_purpose.hpp"

namespace fleet::sim {

namespace sg4 = simgrid::s4u;

namespace {
// Compute speed of the hosts: irrelevant to the results (no host computes), a round figure.
constexpr double HOST_FLOPS = 1e9;

models::LatLon to_lat_lon(const GeoPoint& point) { return models::LatLon{point.lat_deg, point.lon_deg}; }
}  // namespace

World build_world(const Scenario& scenario) {
  World world{models::LocalTangentPlane(to_lat_lon(scenario.port.yard.center)), {}, {}, nullptr, nullptr, 0};
  sg4::NetZone* zone = sg4::create_full_zone(scenario.port.name);

  world.data_centre = zone->create_host("dc-" + scenario.data_centre.name, HOST_FLOPS);
  world.air = zone->create_host("lora-air", HOST_FLOPS);

  const BackboneSpec& backbone = scenario.backbone;
  const double backbone_latency_s = backbone.length_m * backbone.fibre_delay_s_per_m + backbone.equipment_latency_s;
  sg4::Link* backbone_link = zone->create_link("backbone", backbone.bandwidth_bps)->set_latency(backbone_latency_s)->seal();

  for (const GatewaySpec& gateway : scenario.port.gateways) {
    world.gateway_positions.push_back(world.frame.to_local(to_lat_lon(gateway.position)));
    sg4::Host* host = zone->create_host(gateway.name, HOST_FLOPS);
    sg4::Link* access = zone->create_link(gateway.name + "-link", scenario.port.gateway_link.bandwidth_bps)
                            ->set_latency(scenario.port.gateway_link.latency_s)
                            ->seal();
    zone->add_route(host->get_netpoint(), world.data_centre->get_netpoint(), nullptr, nullptr,
                    {sg4::LinkInRoute(access), sg4::LinkInRoute(backbone_link)}, true);
    world.gateway_hosts.push_back(host);
  }
  zone->seal();
  world.gateway_to_server_latency_s = scenario.port.gateway_link.latency_s + backbone_latency_s;
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
