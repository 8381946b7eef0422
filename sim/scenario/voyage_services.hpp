#pragma once
// The voyage world's services as the models take them: a RouteSpec becomes a models::Route (great
// circles, canal lengths), each ship of a ServiceSpec a models::VoyagePlan (its calls, its speed, the
// canal's convoy pace). Ships are numbered service after service, in the order the scenario lists them;
// the gateways, names and outputs all follow that order.
#include <cstddef>
#include <string>
#include <vector>

#include "models/geo.hpp"
#include "models/route.hpp"
#include "models/ship_schedule.hpp"
#include "sim/scenario/scenario.hpp"

namespace fleet::sim {

inline models::LatLon to_lat_lon(const GeoPoint& point) { return models::LatLon{point.lat_deg, point.lon_deg}; }

struct VoyageShip {
  std::size_t service = 0;  // index into VoyageSpec::services
  int number = 1;           // 1-based within its service
  std::string name;         // ship_name(prefix, number)
};

// Every ship of every service, service after service.
std::vector<VoyageShip> voyage_ships(const VoyageSpec& voyage);
std::size_t voyage_ship_count(const VoyageSpec& voyage);

// The route a service names (the loader has checked that it exists); throws std::invalid_argument if not.
const RouteSpec& route_of(const VoyageSpec& voyage, const ServiceSpec& service);
// Index of the service with this name, or services.size().
std::size_t service_index(const VoyageSpec& voyage, const std::string& name);

models::Route route_model(const RouteSpec& route);
// Ship `number` (1-based) of the service: arrives at the route's first waypoint at
// first_arrival + (number − 1)·headway.
models::VoyagePlan voyage_plan(const RouteSpec& route, const ServiceSpec& service, int number);

}  // namespace fleet::sim
