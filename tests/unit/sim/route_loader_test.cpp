// Routes, services and itinerary legs as data (sim/scenario/route_reader.cpp, voyage_reader.cpp and
// voyage_services): the route file that ships with the project against the published waypoint
// table, the models it builds, and the checks at load. The bad-input fixtures (tests/fixtures/bad/voyage_*.yaml) cover one error each.
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "models/ship_schedule.hpp"
#include "sim/scenario/scenario_loader.hpp"
#include "sim/scenario/voyage_services.hpp"
#include "tests/unit/sim/scenario_error_text.hpp"

using namespace fleet::sim;
using fleet::sim::test::error_of;

namespace {

constexpr double NM_M = 1852.0;

const std::string FIXTURES = FLEETSIM_FIXTURES_DIR;
const std::string ROUTE_FILE = FIXTURES + "/../../scenarios/routes/asia-med-loop.yaml";

std::string first_line(const std::string& rendered) { return rendered.substr(0, rendered.find('\n')); }

// Two ports, a route written inline, one service, one leg: each test below changes one thing.
const std::string PORTS =
    "ports:\n"
    "  - {name: Shanghai, router: sha-router, gateways: [{name: sha-gw-1, lat: 30.63, lon: 122.06}]}\n"
    "  - {name: Singapore, router: sin-router, gateways: [{name: sin-gw-1, lat: 1.27, lon: 103.77}]}\n";
const std::string NETWORK =
    "network:\n"
    "  nodes: [{name: sha-router, kind: port_router}, {name: sin-router, kind: port_router}, {name: dc, kind: "
    "data_centre}]\n"
    "  links: [{name: l1, ends: [sha-router, dc], length: 1km}, {name: l2, ends: [sin-router, dc], length: 1km}]\n";
std::string voyage(const std::string& routes, const std::string& services =
                                                  "  services: [{name: s, route: r, calls: [{port: Shanghai}, {port: "
                                                  "Singapore}], ships: {hub: {ground_node: sin-router}}}]\n") {
  return PORTS + "voyage:\n" + routes + services +
         "  itinerary: {legs: [{service: s, board: [Shanghai], alight: Singapore}]}\n" + NETWORK;
}
const std::string INLINE_ROUTE =
    "  routes: [{name: r, waypoints: [{name: Shanghai, lat: 30.62, lon: 122.07}, {name: Singapore, lat: 1.2, lon: "
    "103.85}]}]\n";

}  // namespace

TEST_CASE("the Asia-Med route file gives the published cumulative distances", "[loader][routes]") {
  const Scenario s = load_scenario(FIXTURES + "/voyage/asia-med.yaml");
  const RouteSpec& spec = s.voyage.routes.at(0);
  REQUIRE(spec.name == "asia-med-loop");
  const fleet::models::Route route = route_model(spec);
  REQUIRE(route.waypoint_count() == 18);
  // The waypoint table's cumulative nautical miles (great circles; the canal at its sailed 104.4 nm).
  const std::vector<std::pair<std::string, double>> published{
      {"Taiwan Strait", 392},     {"off Hong Kong", 699},   {"off S. Vietnam", 1432}, {"Singapore", 2084},
      {"Dondra Head", 3549},      {"Socotra passage", 5288}, {"Bab-el-Mandeb", 5795}, {"Suez", 6997},
      {"Port Said", 7101},        {"S of Crete", 7565},      {"Strait of Sicily", 8192}, {"Fos-sur-Mer", 8689}};
  for (const auto& [name, cumulative_nm] : published) {
    INFO(name);
    CHECK(route.distance_at_waypoint_m(route.waypoint_index(name)) / NM_M == Approx(cumulative_nm).margin(1.5));
  }
  const std::size_t suez = route.waypoint_index("Suez");
  CHECK(route.distance_at_waypoint_m(suez + 1) - route.distance_at_waypoint_m(suez) == 193.30e3);
  // The service sails the canal at its convoy pace: 193.30 km in 14 h, the middle of 12–16 h.
  const ServiceSpec& service = s.voyage.services.at(0);
  const fleet::models::ShipSchedule ship(route, voyage_plan(spec, service, 2));
  CHECK(ship.plan().start_s == service.ships.first_arrival_s + service.ships.headway_s);
  CHECK(ship.arrival_s(suez + 1) - ship.departure_s(suez) == Approx(14 * 3600.0).epsilon(1e-12));
  CHECK(ship.departure_s(route.waypoint_index("Singapore")) - ship.arrival_s(route.waypoint_index("Singapore")) ==
        43 * 3600.0);
  CHECK_FALSE(ship.is_port_call(suez + 1));  // the loop passes Port Said
}

TEST_CASE("ships are numbered service after service", "[loader][routes]") {
  const Scenario s = load_scenario(FIXTURES + "/voyage/asia-med.yaml");
  const std::vector<VoyageShip> ships = voyage_ships(s.voyage);
  REQUIRE(ships.size() == 10);
  CHECK(voyage_ship_count(s.voyage) == 10);
  CHECK(ships[0].name == "vessel-1");
  CHECK(ships[4].name == "vessel-5");
  CHECK(ships[5].name == "feeder-1");
  CHECK(ships[5].service == 1);
  CHECK(ships[5].number == 1);
  CHECK(service_index(s.voyage, "feeder") == 1);
  CHECK(service_index(s.voyage, "none") == 2);
}

TEST_CASE("a route file's errors name the route file", "[loader][routes]") {
  const std::string path = FIXTURES + "/routes/swapped-coordinates.yaml";
  // -5.50 is a valid latitude: the first error is Dakar's longitude.
  CHECK(first_line(error_of(voyage("  routes: [{file: " + path + "}]\n"))) ==
        path + ":6:36: error: waypoints[2].lon: expected a longitude from -180 to 180 degrees, got 195.0");
  CHECK(first_line(error_of(voyage("  routes: [{file: " + FIXTURES + "/routes/missing.yaml}]\n"))).starts_with(
      "s.yaml:5:19: error: voyage.routes[0].file: cannot read the route file " + FIXTURES + "/routes/missing.yaml"));
  CHECK(first_line(error_of(voyage("  routes: [{file: " + ROUTE_FILE + ", name: x}]\n"))) ==
        "s.yaml:5:" + std::to_string(21 + ROUTE_FILE.size()) +
            ": error: voyage.routes[0].name: a route read from a file takes its name from the file");
}

TEST_CASE("routes and services are checked at load", "[loader][routes]") {
  CHECK(error_of(voyage(INLINE_ROUTE)) == "no error");
  // Route names are unique, over files and inline routes alike.
  CHECK(first_line(error_of(voyage("  routes: [{file: " + ROUTE_FILE + "}, {name: asia-med-loop, waypoints: []}]\n"))) ==
        "s.yaml:5:" + std::to_string(29 + ROUTE_FILE.size()) +
            ": error: voyage.routes[1].name: duplicate route name 'asia-med-loop' (already used by " + ROUTE_FILE +
            ":11)");
  CHECK(first_line(error_of(voyage("  routes: [{name: r, waypoints: [{name: Shanghai, lat: 30.62, lon: 122.07}]}]\n"))) ==
        "s.yaml:5:33: error: voyage.routes[0].waypoints: a route needs at least two waypoints, got 1");
  CHECK(first_line(error_of(voyage(
            "  routes: [{name: r, waypoints: [{name: Shanghai, lat: 30.62, lon: 122.07}, {name: Shanghai, lat: 1.2, "
            "lon: 103.85}]}]\n"))) ==
        "s.yaml:5:84: error: voyage.routes[0].waypoints[1].name: duplicate waypoint name 'Shanghai' (already used by "
        "voyage.routes[0].waypoints[0].name)");
  CHECK(first_line(error_of(voyage(
            "  routes: [{name: r, waypoints: [{name: Shanghai, lat: 30.62, lon: 122.07}, {name: Singapore, lat: 1.2, "
            "lon: 103.85, next_leg: {length: 1km}}]}]\n"))) ==
        "s.yaml:5:118: error: voyage.routes[0].waypoints[1].next_leg: the last waypoint has no next leg");
  CHECK(first_line(error_of(voyage(
            "  routes: [{name: r, waypoints: [{name: Shanghai, lat: 30.62, lon: 122.07, next_leg: {length: 100km}}, "
            "{name: Singapore, lat: 1.2, lon: 103.85}]}]\n"))) ==
        "s.yaml:5:95: error: voyage.routes[0].waypoints[0].next_leg.length: the leg from Shanghai to Singapore is "
        "3793508.847662979m on the great circle: a sailed length cannot be shorter");
  // A service's route and calls: known names, in route order.
  const std::string calls = "  services: [{name: s, route: rr, calls: [{port: Shanghai}, {port: Singapore}], ships: "
                            "{hub: {ground_node: sin-router}}}]\n";
  CHECK(first_line(error_of(voyage(INLINE_ROUTE, calls))) ==
        "s.yaml:6:31: error: voyage.services[0].route: unknown route 'rr'; did you mean 'r'?");
  const std::string reversed = "  services: [{name: s, route: r, calls: [{port: Singapore}, {port: Shanghai}], ships: "
                               "{hub: {ground_node: sin-router}}}]\n";
  CHECK(first_line(error_of(voyage(INLINE_ROUTE, reversed))) ==
        "s.yaml:6:68: error: voyage.services[0].calls[1].port: port calls must follow the route's order: 'Shanghai' "
        "does not come after 'Singapore' on route r");
}

TEST_CASE("a later leg boards where the previous one alighted", "[loader][routes]") {
  const std::string path = FIXTURES + "/voyage/asia-med.yaml";
  std::ifstream in(path);
  std::ostringstream text;
  text << in.rdbuf();
  const auto with = [&](const std::string& from, const std::string& to) {
    std::string changed = text.str();
    REQUIRE(changed.find(from) != std::string::npos);
    return changed.replace(changed.find(from), from.size(), to);
  };
  const auto error = [&](const std::string& changed) {
    try {
      load_scenario_text(changed, path);
    } catch (const ScenarioError& e) {
      return first_line(e.render());
    }
    return std::string("no error");
  };
  CHECK(error(text.str()) == "no error");
  CHECK(error(with("{service: feeder, alight: Tanger Med}", "{service: feeder, board: [Fos-sur-Mer], alight: Tanger Med}")) ==
        "no error");
  CHECK(error(with("{service: feeder, alight: Tanger Med}", "{service: feeder, board: [Tanger Med], alight: Tanger Med}"))
            .ends_with("error: voyage.itinerary.legs[1].board[0]: leg 1 alighted at 'Fos-sur-Mer': the next leg boards "
                       "there (a transshipment changes ship, not port)"));
  CHECK(error(with("{service: feeder, alight: Tanger Med}", "{service: feedr, alight: Tanger Med}"))
            .ends_with("error: voyage.itinerary.legs[1].service: unknown service 'feedr'; did you mean 'feeder'?"));
  // Fewer feeders than arrivals at the hub: a box discharged at Fos within the run has no ship onwards.
  CHECK(error(with("ships: {count: 5, first_arrival: 2d", "ships: {count: 2, first_arrival: 2d"))
            .ends_with("error: voyage.itinerary.legs[0].alight: impossible connection at Fos-sur-Mer: vessel-2 arrives "
                       "at 7.16d, but the last ship of service feeder leaves at 4.50d, before 7.91d (arrival + "
                       "min_connection); add ships to it"));
}
