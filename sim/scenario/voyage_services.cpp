#include "sim/scenario/voyage_services.hpp"

#include <algorithm>
#include <stdexcept>

#include "sim/scenario/network_spec.hpp"

namespace fleet::sim {

std::vector<VoyageShip> voyage_ships(const VoyageSpec& voyage) {
  std::vector<VoyageShip> ships;
  for (std::size_t s = 0; s < voyage.services.size(); ++s) {
    const ShipsSpec& spec = voyage.services[s].ships;
    for (int k = 1; k <= spec.count; ++k) ships.push_back(VoyageShip{s, k, ship_name(spec.name_prefix, k)});
  }
  return ships;
}

std::size_t voyage_ship_count(const VoyageSpec& voyage) {
  std::size_t count = 0;
  for (const ServiceSpec& service : voyage.services) count += static_cast<std::size_t>(service.ships.count);
  return count;
}

const RouteSpec& route_of(const VoyageSpec& voyage, const ServiceSpec& service) {
  const auto found = std::find_if(voyage.routes.begin(), voyage.routes.end(),
                                  [&](const RouteSpec& route) { return route.name == service.route; });
  if (found == voyage.routes.end())
    throw std::invalid_argument("service '" + service.name + "': no route named '" + service.route + "'");
  return *found;
}

std::size_t service_index(const VoyageSpec& voyage, const std::string& name) {
  const auto found = std::find_if(voyage.services.begin(), voyage.services.end(),
                                  [&](const ServiceSpec& service) { return service.name == name; });
  return static_cast<std::size_t>(found - voyage.services.begin());
}

models::Route route_model(const RouteSpec& route) {
  std::vector<models::Waypoint> waypoints;
  std::vector<models::LegDistanceOverride> overrides;
  for (std::size_t w = 0; w < route.waypoints.size(); ++w) {
    const WaypointSpec& point = route.waypoints[w];
    waypoints.push_back(models::Waypoint{point.name, {point.position.lat_deg, point.position.lon_deg}});
    if (point.sailed_length_m > 0) overrides.push_back(models::LegDistanceOverride{w, point.sailed_length_m});
  }
  return models::Route(std::move(waypoints), overrides);
}

models::VoyagePlan voyage_plan(const RouteSpec& route, const ServiceSpec& service, int number) {
  const models::Route model = route_model(route);
  models::VoyagePlan plan;
  plan.ship_name = ship_name(service.ships.name_prefix, number);
  plan.speed_m_per_s = service.ships.speed_m_per_s;
  plan.start_s = service.ships.first_arrival_s + (number - 1) * service.ships.headway_s;
  for (const PortCallSpec& call : service.calls)
    plan.port_calls.push_back(models::PortCall{model.waypoint_index(call.port), call.dwell_s});
  // A transit time sets the leg's pace: its sailed length (or great circle) over that time.
  for (std::size_t w = 0; w + 1 < route.waypoints.size(); ++w) {
    const WaypointSpec& point = route.waypoints[w];
    if (point.transit_s <= 0) continue;
    // The written length itself where there is one: the difference of the cumulative distances may
    // round it.
    const double length_m = point.sailed_length_m > 0
                                ? point.sailed_length_m
                                : model.distance_at_waypoint_m(w + 1) - model.distance_at_waypoint_m(w);
    plan.speed_overrides.push_back(models::SpeedOverride{w, w + 1, length_m / point.transit_s});
  }
  return plan;
}

}  // namespace fleet::sim
