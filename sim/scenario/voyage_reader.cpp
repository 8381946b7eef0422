// Reads the voyage world (scenarios/README.md `ports` and `voyage`): the ports with their routers,
// the services that sail the routes with their ships and satellite hubs, the coastal LTE-M network
// and the itinerary of the boxes, whose schedule must exist within the run. Separate because it is a
// world of its own (the yard world reads `port` instead); the routes are read by route_reader.cpp.
#include "sim/scenario/voyage_reader.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdio>
#include <initializer_list>
#include <map>
#include <string_view>

#include "models/satellite_link.hpp"
#include "models/ship_schedule.hpp"
#include "sim/scenario/port_reader.hpp"
#include "sim/scenario/route_reader.hpp"
#include "sim/scenario/voyage_services.hpp"

namespace fleet::sim::loader {
namespace {

const std::initializer_list<std::string_view> ORBITS{"geo", "leo"};

ShipHubSpec read_hub(const Context& ctx, const Section& ships, NodeReferences& refs) {
  ShipHubSpec hub;
  const Section s = ships.section("hub", {"orbit", "rtt", "bandwidth", "price_per_mb", "ground_node", "buffer",
                                          "first_obstruction", "per_further_obstruction", "below_deck",
                                          "above_deck_share", "beacon_interval"});
  if (auto field = s.find("orbit")) hub.orbit = read_choice(ctx, *field, "orbit", ORBITS);
  // The orbit sets the defaults of the link's figures (models/satellite_link.hpp, docs/sources.md section 5).
  const models::SatelliteLinkParams link =
      models::default_satellite_link(hub.orbit == "leo" ? models::Orbit::LEO : models::Orbit::GEO);
  hub.rtt_s = s.quantity("rtt", Dimension::TIME, link.rtt_s, Check::POSITIVE);
  hub.bandwidth_bps = s.quantity("bandwidth", Dimension::DATA_RATE, link.bandwidth_bps, Check::POSITIVE);
  hub.price_usd_per_mb = s.quantity("price_per_mb", Dimension::DIMENSIONLESS, link.price_usd_per_mb, Check::NON_NEGATIVE);
  const Field ground_node = s.require("ground_node");
  hub.ground_node = read_text(ctx, ground_node);
  refs.ground_nodes.push_back(ground_node);
  hub.buffer = static_cast<std::uint32_t>(s.integer("buffer", 1, 100'000'000, hub.buffer));
  hub.first_obstruction_db =
      s.quantity("first_obstruction", Dimension::DECIBEL, hub.first_obstruction_db, Check::NON_NEGATIVE);
  hub.per_further_obstruction_db =
      s.quantity("per_further_obstruction", Dimension::DECIBEL, hub.per_further_obstruction_db, Check::NON_NEGATIVE);
  hub.below_deck_db = s.quantity("below_deck", Dimension::DECIBEL, hub.below_deck_db, Check::NON_NEGATIVE);
  hub.above_deck_share =
      s.quantity("above_deck_share", Dimension::FRACTION, hub.above_deck_share, Check::FRACTION);
  hub.beacon_interval_s = s.quantity("beacon_interval", Dimension::TIME, hub.beacon_interval_s, Check::NON_NEGATIVE);
  return hub;
}

ShipsSpec read_ships(const Context& ctx, const Section& voyage, NodeReferences& refs) {
  ShipsSpec ships;
  const Section s =
      voyage.section("ships", {"count", "first_arrival", "headway", "speed", "name_prefix", "hub"});
  ships.count = static_cast<int>(s.integer("count", 1, 10'000, ships.count));
  // Negative: the first ship is already under way when the run starts.
  ships.first_arrival_s = s.quantity("first_arrival", Dimension::TIME, ships.first_arrival_s);
  ships.headway_s = s.quantity("headway", Dimension::TIME, ships.headway_s, Check::POSITIVE);
  ships.speed_m_per_s = s.quantity("speed", Dimension::SPEED, ships.speed_m_per_s, Check::POSITIVE);
  if (auto field = s.find("name_prefix")) {
    ships.name_prefix = read_text(ctx, *field);
    if (ships.name_prefix.empty()) ctx.fail_value(*field, "a name prefix must not be empty");
  }
  ships.hub = read_hub(ctx, s, refs);
  return ships;
}

CellularSpec read_cellular(const Section& voyage) {
  CellularSpec cellular;
  const Section s = voyage.section("cellular", {"coastal_range", "latency", "bandwidth"});
  cellular.coastal_range_m =
      s.quantity("coastal_range", Dimension::DISTANCE, cellular.coastal_range_m, Check::NON_NEGATIVE);
  const LinkSpec link = read_link(s, {cellular.latency_s, cellular.bandwidth_bps});
  cellular.latency_s = link.latency_s;
  cellular.bandwidth_bps = link.bandwidth_bps;
  return cellular;
}

PlaceSpec read_place(const Context& ctx, const Section& itinerary, std::string_view key, PlaceSpec place) {
  const Section s = itinerary.section(key, {"name", "lat", "lon"});
  if (auto field = s.find("name")) {
    place.name = read_text(ctx, *field);
    if (place.name.empty()) ctx.fail_value(*field, "a place name must not be empty");
  }
  place.position = read_position(s, place.position);
  return place;
}

DwellSpec read_dwell(const Context& ctx, const Section& itinerary, std::string_view key, DwellSpec dwell) {
  const Section s = itinerary.section(key, {"min", "median", "sigma_ln"});
  dwell.min_s = s.quantity("min", Dimension::TIME, dwell.min_s, Check::NON_NEGATIVE);
  dwell.median_s = s.quantity("median", Dimension::TIME, dwell.median_s, Check::POSITIVE);
  dwell.sigma_ln = s.quantity("sigma_ln", Dimension::DIMENSIONLESS, dwell.sigma_ln, Check::NON_NEGATIVE);
  // The shifted log-normal needs median − min > 0 (models/itinerary.hpp).
  if (!(dwell.median_s > dwell.min_s)) {
    const auto min = s.find("min");
    const auto median = s.find("median");
    const auto text = [](const std::optional<Field>& field, double value_s) {
      return field ? field->node.Scalar() : format_duration(value_s) + ", the default";
    };
    if (median) ctx.fail_value(*median, "must be above min (" + text(min, dwell.min_s) + "), got " + median->node.Scalar());
    if (min) ctx.fail_value(*min, "must be below median (" + text(median, dwell.median_s) + "), got " + min->node.Scalar());
    s.fail("median must be above min");  // not reached: the defaults are in order
  }
  return dwell;
}

bool has_port(const std::vector<PortSpec>& ports, const std::string& name) {
  return std::any_of(ports.begin(), ports.end(), [&](const PortSpec& port) { return port.name == name; });
}

ServiceSpec read_service(const Context& ctx, const Field& element, const std::vector<RouteSpec>& routes,
                         std::vector<Field>& service_names, NodeReferences& refs) {
  const Section s(ctx, element, {"name", "route", "calls", "ships"});
  ServiceSpec service;
  const Field name = s.require("name");
  check_unique_name(ctx, name, service_names, "service");
  service.name = name.node.Scalar();
  const Field route_field = s.require("route");
  service.route = read_text(ctx, route_field);
  const auto route = std::find_if(routes.begin(), routes.end(), [&](const RouteSpec& r) { return r.name == service.route; });
  if (route == routes.end()) {
    std::vector<std::string> known;
    for (const RouteSpec& r : routes) known.push_back(r.name);
    fail_unknown_name(ctx, route_field, "route", known);
  }
  const Field calls = s.require("calls");
  std::size_t previous = 0;
  for (const Field& call_field :
       s.list(calls, "a list of port calls such as [{port: Shanghai, dwell: 34h}, ...]", "port call")) {
    const Section c(ctx, call_field, {"port", "dwell"});
    const Field port = c.require("port");
    PortCallSpec call{read_text(ctx, port), c.quantity("dwell", Dimension::TIME, 0, Check::NON_NEGATIVE)};
    const std::size_t at = waypoint_position(*route, call.port);
    if (at == route->waypoints.size()) fail_unknown_name(ctx, port, "waypoint of route " + route->name, waypoint_names(*route));
    if (!service.calls.empty() && at <= previous)
      ctx.fail_value(port, "port calls must follow the route's order: '" + call.port + "' does not come after '" +
                               service.calls.back().port + "' on route " + route->name);
    previous = at;
    service.calls.push_back(std::move(call));
  }
  service.ships = read_ships(ctx, s, refs);
  const Section ships = s.section("ships", {"count", "first_arrival", "headway", "speed", "name_prefix", "hub"});
  if (!ships.find("name_prefix")) service.ships.name_prefix = service.name;  // the service names its ships
  const auto speed = ships.find("speed");
  check_ship_speed(ctx, speed ? *speed : ships.field(), service.ships.speed_m_per_s, "speed");
  return service;
}

// A board or alight port of a leg: a call of the leg's service (on its route) and an entry of `ports`.
// Returns the call's waypoint on the route.
std::size_t check_leg_port(const Context& ctx, const Field& field, const ServiceSpec& service, const RouteSpec& route,
                           const std::vector<PortSpec>& ports) {
  const std::string name = read_text(ctx, field);
  const auto call = std::find_if(service.calls.begin(), service.calls.end(),
                                 [&](const PortCallSpec& c) { return c.port == name; });
  if (call == service.calls.end()) {
    if (waypoint_position(route, name) < route.waypoints.size())
      ctx.fail_value(field, "service " + service.name + " passes '" + name + "' without calling: add it to its calls");
    std::vector<std::string> known;
    for (const PortCallSpec& c : service.calls) known.push_back(c.port);
    fail_unknown_name(ctx, field, "port call of service " + service.name + " (route " + route.name + ")", known);
  }
  if (!has_port(ports, name))
    ctx.fail_value(field, "port '" + name + "' has no entry in ports: add it with its gateways, yard and router");
  return waypoint_position(route, name);
}

// A time of the run in days, to the hour's resolution the schedule's checks need.
std::string day_text(double time_s) {
  std::array<char, 32> text{};
  std::snprintf(text.data(), text.size(), "%.2fd", time_s / 86400.0);
  return text.data();
}

// The schedule the itinerary asks for must exist: some ship of each leg's service sails the leg
// inside the run, and every ship that reaches a hub within the run has a connection there (a ship of
// the next service leaving at least min_connection later).
void check_leg_schedules(const Context& ctx, const VoyageSpec& voyage, const std::vector<Field>& alight_fields,
                         double duration_s) {
  const ItinerarySpec& it = voyage.itinerary;
  std::vector<std::vector<models::ShipSchedule>> fleets;  // per leg, its service's ships
  for (const ItineraryLegSpec& leg : it.legs) {
    const ServiceSpec& service = voyage.services[service_index(voyage, leg.service)];
    const RouteSpec& route = route_of(voyage, service);
    std::vector<models::ShipSchedule> ships;
    for (int k = 1; k <= service.ships.count; ++k) ships.emplace_back(route_model(route), voyage_plan(route, service, k));
    fleets.push_back(std::move(ships));
  }
  for (std::size_t k = 0; k < it.legs.size(); ++k) {
    const ItineraryLegSpec& leg = it.legs[k];
    const std::vector<models::ShipSchedule>& ships = fleets[k];
    const std::size_t alight = ships[0].route().waypoint_index(leg.alight_port);
    bool inside = false;
    for (const models::ShipSchedule& ship : ships)
      for (const std::string& board : leg.board_ports)
        inside = inside || (ship.departure_s(ship.route().waypoint_index(board)) < duration_s && ship.arrival_s(alight) > 0);
    if (!inside) {
      ctx.fail_value(alight_fields[k], "no ship of service " + leg.service + " sails this leg during the run (0 to " +
                                           day_text(duration_s) + "): its ships reach " + leg.alight_port + " from " +
                                           day_text(ships.front().arrival_s(alight)) + " to " +
                                           day_text(ships.back().arrival_s(alight)) + "; move first_arrival or the run");
    }
    if (k + 1 == it.legs.size()) continue;
    const std::vector<models::ShipSchedule>& next = fleets[k + 1];
    const std::size_t next_board = next[0].route().waypoint_index(leg.alight_port);
    for (const models::ShipSchedule& ship : ships) {
      const double ready_s = ship.arrival_s(alight) + it.min_connection_s;
      if (ship.arrival_s(alight) >= duration_s) continue;
      const bool connects = std::any_of(next.begin(), next.end(), [&](const models::ShipSchedule& n) {
        return n.departure_s(next_board) >= ready_s;
      });
      if (!connects) {
        ctx.fail_value(alight_fields[k], "impossible connection at " + leg.alight_port + ": " + ship.plan().ship_name +
                                             " arrives at " + day_text(ship.arrival_s(alight)) + ", but the last ship of service " +
                                             it.legs[k + 1].service + " leaves at " +
                                             day_text(next.back().departure_s(next_board)) + ", before " +
                                             day_text(ready_s) + " (arrival + min_connection); add ships to it");
      }
    }
  }
}

// voyage.itinerary.legs: [{service, board: [..] (first leg; later legs board where the previous one
// alighted), alight}, ...].
std::vector<ItineraryLegSpec> read_legs(const Context& ctx, const Section& itinerary, const VoyageSpec& voyage,
                                        const std::vector<PortSpec>& ports, std::vector<Field>& alight_fields) {
  std::vector<ItineraryLegSpec> legs;
  const Field list = itinerary.require("legs");
  for (const Field& element : itinerary.list(
           list, "a list of legs such as [{service: asia-med, board: [Shanghai], alight: Fos-sur-Mer}]", "leg")) {
    const Section s(ctx, element, {"service", "board", "alight"});
    ItineraryLegSpec leg;
    const Field service_field = s.require("service");
    leg.service = read_text(ctx, service_field);
    const std::size_t index = service_index(voyage, leg.service);
    if (index == voyage.services.size()) {
      std::vector<std::string> known;
      for (const ServiceSpec& service : voyage.services) known.push_back(service.name);
      fail_unknown_name(ctx, service_field, "service", known);
    }
    const ServiceSpec& service = voyage.services[index];
    const RouteSpec& route = route_of(voyage, service);
    std::vector<std::size_t> board_calls;
    if (const auto board = s.find("board")) {
      // Boarding ports are drawn uniformly: one listed twice would silently weigh double.
      for (const Field& port : s.list(*board, "a list of port calls such as [Shanghai, Singapore]", "port")) {
        const std::size_t at = check_leg_port(ctx, port, service, route, ports);
        if (std::find(leg.board_ports.begin(), leg.board_ports.end(), port.node.Scalar()) != leg.board_ports.end())
          ctx.fail_value(port, "port '" + port.node.Scalar() + "' is listed twice");
        if (!legs.empty() && port.node.Scalar() != legs.back().alight_port)
          ctx.fail_value(port, "leg " + std::to_string(legs.size()) + " alighted at '" + legs.back().alight_port +
                                   "': the next leg boards there (a transshipment changes ship, not port)");
        leg.board_ports.push_back(port.node.Scalar());
        board_calls.push_back(at);
      }
    } else if (!legs.empty()) {
      const Field at_previous{YAML::Node(legs.back().alight_port), join_path(element.path, "board"), element.origin,
                              element.key_spot};
      board_calls.push_back(check_leg_port(ctx, at_previous, service, route, ports));
      leg.board_ports.push_back(legs.back().alight_port);
    } else {
      s.fail("missing required key 'board': the first leg names where the boxes board");
    }
    const Field alight = s.require("alight");
    const std::size_t alight_call = check_leg_port(ctx, alight, service, route, ports);
    leg.alight_port = alight.node.Scalar();
    for (std::size_t b = 0; b < board_calls.size(); ++b) {
      if (board_calls[b] < alight_call) continue;
      ctx.fail_value(alight, "alight port '" + leg.alight_port + "' must come after every board port on route " +
                                 route.name + ", but '" + leg.board_ports[b] + "' is not before it");
    }
    alight_fields.push_back(alight);
    legs.push_back(std::move(leg));
  }
  return legs;
}

ItinerarySpec read_itinerary(const Context& ctx, const Section& voyage_section, const VoyageSpec& voyage,
                             const std::vector<PortSpec>& ports, double duration_s) {
  ItinerarySpec itinerary;
  const Field field = voyage_section.require("itinerary");
  const Section s(ctx, field, {"origin", "destination", "legs", "truck_speed", "road_detour", "min_connection",
                               "export_dwell", "import_dwell"});
  itinerary.origin = read_place(ctx, s, "origin", itinerary.origin);
  itinerary.destination = read_place(ctx, s, "destination", itinerary.destination);
  std::vector<Field> alight_fields;
  itinerary.legs = read_legs(ctx, s, voyage, ports, alight_fields);
  itinerary.truck_speed_m_per_s =
      s.quantity("truck_speed", Dimension::SPEED, itinerary.truck_speed_m_per_s, Check::POSITIVE);
  if (auto road = s.find("road_detour")) {
    // Roads are never shorter than the great circle.
    itinerary.road_detour_factor = read_quantity(ctx, *road, Dimension::DIMENSIONLESS, Check::ANY);
    if (!(itinerary.road_detour_factor >= 1))
      ctx.fail_value(*road, "must be at least 1 (the road is never shorter than the great circle), got " +
                                road->node.Scalar());
  }
  itinerary.min_connection_s =
      s.quantity("min_connection", Dimension::TIME, itinerary.min_connection_s, Check::NON_NEGATIVE);
  itinerary.export_dwell = read_dwell(ctx, s, "export_dwell", itinerary.export_dwell);
  itinerary.import_dwell = read_dwell(ctx, s, "import_dwell", itinerary.import_dwell);
  VoyageSpec with_legs = voyage;
  with_legs.itinerary = itinerary;
  check_leg_schedules(ctx, with_legs, alight_fields, duration_s);
  return itinerary;
}

}  // namespace

std::vector<PortSpec> read_ports(const Context& ctx, const Section& top, const Field& voyage, NodeReferences& refs) {
  const auto field = top.find("ports");
  if (!field) {
    ctx.fail(voyage.key_spot, "ports",
             "the voyage world needs ports: a list of the ports with their gateways, yard and router");
  }
  std::vector<PortSpec> ports;
  std::vector<Field> names;
  std::map<std::string, std::string> seen_gateways;
  for (const Field& element : top.list(*field,
                                       "a list of ports such as [{name: Shanghai, router: sha-router, "
                                       "gateways: [{name: sha-gw-1, lat: 30.63, lon: 122.06}]}]",
                                       "port")) {
    const Section section(ctx, element, {"name", "router", "gateways", "yard", "gateway_link"});
    const Field name = section.require("name");
    PortSpec port;
    port.name = read_text(ctx, name);
    if (port.name.empty()) ctx.fail_value(name, "a port name must not be empty");
    for (const Field& earlier : names) {
      if (earlier.node.Scalar() == port.name)
        ctx.fail_value(name, "duplicate port name '" + port.name + "' (already used by " + earlier.path + ")");
    }
    names.push_back(name);
    const Field router = section.require("router");
    port.router = read_text(ctx, router);
    refs.port_routers.push_back(router);
    read_port_site(ctx, section, seen_gateways, port, false);
    ports.push_back(std::move(port));
  }
  return ports;
}

VoyageSpec read_voyage(const Context& ctx, const Field& field, const std::vector<PortSpec>& ports,
                       NodeReferences& refs, double duration_s) {
  VoyageSpec voyage;
  voyage.enabled = true;
  // The format before routes became data had one built-in route and one fleet: say what replaced them.
  if (field.node.IsMap()) {
    for (auto it = field.node.begin(); it != field.node.end(); ++it) {
      const std::string key = it->first.IsScalar() ? it->first.Scalar() : "";
      if (key != "route" && key != "ships") continue;
      ctx.fail(ctx.child(field, key, it->first.Mark(), it->second).key_spot, field.path,
               "voyage." + key + " is written per service now: voyage.routes lists the routes (the Asia-Med loop "
               "is scenarios/routes/asia-med-loop.yaml) and voyage.services the ships that sail them "
               "(scenarios/README.md, \"Routes, services and itineraries\")");
    }
  }
  const Section s(ctx, field, {"routes", "services", "cellular", "itinerary"});
  std::vector<Field> route_names;
  for (const Field& element : s.list(s.require("routes"),
                                     "a list of routes such as [{file: routes/asia-med-loop.yaml}]", "route"))
    voyage.routes.push_back(read_route(ctx, element, route_names));
  std::vector<Field> service_names;
  for (const Field& element : s.list(s.require("services"),
                                     "a list of services such as [{name: asia-med, route: asia-med-loop, calls: "
                                     "[...], ships: {...}}]",
                                     "service"))
    voyage.services.push_back(read_service(ctx, element, voyage.routes, service_names, refs));
  voyage.cellular = read_cellular(s);
  voyage.itinerary = read_itinerary(ctx, s, voyage, ports, duration_s);
  return voyage;
}

}  // namespace fleet::sim::loader
