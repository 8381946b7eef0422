#pragma once
// The routes' reader (route_reader.cpp), for the voyage reader: voyage.routes and the checks its
// services share with the routes.
#include <cstddef>
#include <string>
#include <vector>

#include "sim/scenario/scenario_fields.hpp"

namespace fleet::sim::loader {

// voyage.routes[i]: {file: routes/x.yaml} (relative to the scenario's folder; its errors name that
// file) or {name, waypoints} inline. `route_names` collects the name fields of the routes so far.
RouteSpec read_route(const Context& ctx, const Field& element, std::vector<Field>& route_names);

// A ship speed (a service's, or a passage's length over its transit) inside the range of a ship.
void check_ship_speed(const Context& ctx, const Field& field, double speed_m_per_s, const std::string& what);

// A name unique among the entries of a list (routes, waypoints, services); `seen` collects the name fields.
void check_unique_name(const Context& ctx, const Field& name, std::vector<Field>& seen, const std::string& what);

std::vector<std::string> waypoint_names(const RouteSpec& route);
// The index of waypoint `name` on `route`, or route.waypoints.size() when it has none of that name.
std::size_t waypoint_position(const RouteSpec& route, const std::string& name);

}  // namespace fleet::sim::loader
