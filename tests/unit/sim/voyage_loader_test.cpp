// The voyage world's sections of the scenario format (`ports`, `voyage`, and the names faults may use):
// scenarios/README.md. The fixture tests/fixtures/voyage/asia-med.yaml writes every key.
#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "sim/scenario/scenario_loader.hpp"
#include "tests/unit/sim/scenario_error_text.hpp"

using namespace fleet::sim;

namespace {

constexpr double DAY_S = 86400;
constexpr double KNOT_M_PER_S = 1852.0 / 3600;  // one nautical mile (1852 m, exact) per hour

std::string fixture(const std::string& name) { return std::string(FLEETSIM_FIXTURES_DIR) + "/voyage/" + name; }

// A small voyage world, written so each error test below can point at a known line and column.
const std::string PORTS =
    "ports:\n"                                                     // 1
    "  - name: Shanghai\n"                                         // 2
    "    router: sha-router\n"                                     // 3
    "    gateways: [{name: sha-gw-1, lat: 30.63, lon: 122.06}]\n"  // 4
    "  - name: Singapore\n"                                        // 5
    "    router: sin-router\n"                                     // 6
    "    gateways: [{name: sin-gw-1, lat: 1.27, lon: 103.77}]\n"   // 7
    "  - name: Fos-sur-Mer\n"                                      // 8
    "    router: fos-router\n"                                     // 9
    "    gateways: [{name: fos-gw-1, lat: 43.43, lon: 4.86}]\n";   // 10
// The route file that ships with the project, by absolute path (the text is read as "s.yaml").
const std::string ROUTE_FILE = std::string(FLEETSIM_FIXTURES_DIR) + "/../../scenarios/routes/asia-med-loop.yaml";
const std::string VOYAGE =
    "voyage:\n"                                                                  // 11
    "  routes: [{file: " + ROUTE_FILE + "}]\n"                                  // 12
    "  services:\n"                                                              // 13
    "    - name: asia-med\n"                                                     // 14
    "      route: asia-med-loop\n"                                               // 15
    "      calls: [{port: Shanghai}, {port: Singapore}, {port: Fos-sur-Mer}]\n"  // 16
    "      ships: {count: 5, name_prefix: ship, hub: {ground_node: mrs-teleport}}\n"  // 17
    "  itinerary:\n"                                                             // 18
    "    legs:\n"                                                                // 19
    "      - {service: asia-med, board: [Shanghai, Singapore], alight: Fos-sur-Mer}\n";  // 20
const std::string NETWORK =
    "network:\n"                                                         // 21
    "  nodes:\n"                                                         // 22
    "    - {name: sha-router, kind: port_router}\n"                      // 23
    "    - {name: sin-router, kind: port_router}\n"                      // 24
    "    - {name: fos-router, kind: internet_exchange}\n"                // 25
    "    - {name: mrs-teleport, kind: ground_station}\n"                 // 26
    "    - {name: mrs-dc, kind: data_centre}\n"                          // 27
    "  links:\n"                                                         // 28
    "    - {name: sha-dc, ends: [sha-router, mrs-dc], length: 10000km}\n"  // 29
    "    - {name: sin-dc, ends: [sin-router, mrs-dc], length: 10000km}\n"  // 30
    "    - {name: fos-dc, ends: [fos-router, mrs-dc], length: 50km}\n"     // 31
    "    - {name: teleport-dc, ends: [mrs-teleport, mrs-dc], length: 10km}\n";  // 32
const std::string SMALL_VOYAGE = PORTS + VOYAGE + NETWORK;

// The text with its one occurrence of `from` replaced by `to` (the line count stays the same).
std::string replaced(const std::string& text, const std::string& from, const std::string& to) {
  const std::size_t at = text.find(from);
  REQUIRE(at != std::string::npos);
  REQUIRE(text.find(from, at + 1) == std::string::npos);
  return text.substr(0, at) + to + text.substr(at + from.size());
}

using fleet::sim::test::error_of;

// The first line of the rendered error: "file:line:col: error: path: message".
std::string first_line(const std::string& rendered) { return rendered.substr(0, rendered.find('\n')); }

}  // namespace

TEST_CASE("a voyage scenario maps onto the structs in SI units", "[loader][voyage]") {
  const Scenario s = load_scenario(fixture("asia-med.yaml"));
  REQUIRE(s.ports.size() == 4);
  CHECK(s.ports[0].name == "Shanghai");
  CHECK(s.ports[0].router == "sha-router");
  CHECK(s.ports[0].gateways ==
        std::vector<GatewaySpec>{{"sha-gw-1", {30.63, 122.06}}, {"sha-gw-2", {30.61, 122.08}}});
  CHECK(s.ports[0].yard == YardSpec{{30.62, 122.07}, "rectangle", 1500, 800, 1000});
  CHECK(s.ports[0].gateway_link == LinkSpec{0.003, 50e6});
  CHECK(s.ports[1].yard == YardSpec{{1.275, 103.77}, "disc", 1000, 500, 900});
  CHECK(s.ports[2].router == "fos-router");
  CHECK(s.ports[2].gateway_link == LinkSpec{0.002, 100e6});  // the struct default
  CHECK(s.port == PortSpec{});                               // the single-port world's section is unused

  const VoyageSpec& v = s.voyage;
  CHECK(v.enabled);
  // The route file: the loop's 18 waypoints, the canal's sailed length and transit on the Suez leg.
  REQUIRE(v.routes.size() == 2);
  CHECK(v.routes[0].name == "asia-med-loop");
  REQUIRE(v.routes[0].waypoints.size() == 18);
  CHECK(v.routes[0].waypoints[12] == WaypointSpec{"Suez", {29.93, 32.56}, 193.30e3, 14 * 3600.0});
  CHECK(v.routes[0].waypoints[17] == WaypointSpec{"Fos-sur-Mer", {43.40, 4.88}, 0, 0});
  CHECK(v.routes[1] == RouteSpec{"feeder",
                                 {{"Fos-sur-Mer", {43.40, 4.88}},
                                  {"Strait of Gibraltar", {35.95, -5.6}, 60e3, 3 * 3600.0},
                                  {"Tanger Med", {35.89, -5.50}}}});
  REQUIRE(v.services.size() == 2);
  const ServiceSpec& loop = v.services[0];
  CHECK(loop.name == "asia-med");
  CHECK(loop.route == "asia-med-loop");
  CHECK(loop.calls == std::vector<PortCallSpec>{{"Shanghai", 34 * 3600.0}, {"Singapore", 43 * 3600.0},
                                                {"Fos-sur-Mer", 43 * 3600.0}});
  CHECK(loop.ships.count == 5);
  CHECK(loop.ships.first_arrival_s == -20 * DAY_S);  // negative: already under way at the start
  CHECK(loop.ships.headway_s == 3.5 * DAY_S);
  CHECK(loop.ships.speed_m_per_s == Approx(18 * KNOT_M_PER_S).epsilon(1e-15));
  CHECK(loop.ships.speed_m_per_s == Approx(9.26).epsilon(1e-12));  // 18 × 1852 m / 3600 s
  CHECK(loop.ships.name_prefix == "vessel");
  CHECK(v.services[1].ships.name_prefix == "feeder");  // not written: the service's name
  CHECK(v.services[1].ships.count == 5);
  const ShipHubSpec& hub = loop.ships.hub;
  CHECK(hub.orbit == "leo");
  // Not written: the LEO figures of models/satellite_link.hpp (35 ms, the middle of the 20–50 ms of
  // docs/sources.md §5; 10 Mbit/s; $0.5/MB).
  CHECK(hub.rtt_s == 0.035);
  CHECK(hub.bandwidth_bps == 10e6);
  CHECK(hub.price_usd_per_mb == 0.5);
  CHECK(hub.ground_node == "mrs-teleport");
  CHECK(hub.buffer == 5000);
  CHECK(hub.first_obstruction_db == 20);
  CHECK(hub.per_further_obstruction_db == 4);
  CHECK(hub.below_deck_db == 35);
  CHECK(hub.above_deck_share == 0.6);
  CHECK(v.cellular == CellularSpec{25e3, 0.08, 2e6});
  const ItinerarySpec& it = v.itinerary;
  CHECK(it.origin == PlaceSpec{"Ningbo", {29.87, 121.54}});
  CHECK(it.destination == PlaceSpec{"Grenoble", {45.19, 5.72}});
  // The second leg boards where the first alighted.
  CHECK(it.legs == std::vector<ItineraryLegSpec>{{"asia-med", {"Shanghai", "Singapore"}, "Fos-sur-Mer"},
                                                 {"feeder", {"Fos-sur-Mer"}, "Tanger Med"}});
  CHECK(it.min_connection_s == 18 * 3600.0);
  CHECK(it.truck_speed_m_per_s == Approx(60.0 / 3.6).epsilon(1e-15));
  CHECK(it.road_detour_factor == 1.25);
  CHECK(it.export_dwell == DwellSpec{6 * 3600.0, 3 * DAY_S, 0.4});
  CHECK(it.import_dwell == DwellSpec{DAY_S, 2.5 * DAY_S, 0.6});

  CHECK(s.network.port_router.empty());  // each port has its own
  CHECK(s.network.gateway_outages ==
        std::vector<GatewayOutage>{{"vessel-1-hub", DAY_S, 2 * DAY_S}, {"fos-gw-1", 6 * DAY_S, 7 * DAY_S}});
  const double never = std::numeric_limits<double>::infinity();
  CHECK(s.network.link_faults == std::vector<LinkFault>{{"vessel-2-satellite", 2 * DAY_S, 3 * DAY_S},
                                                        {"Singapore-lte-link", 4 * DAY_S, never},
                                                        {"sha-gw-2-link", 5 * DAY_S, 6 * DAY_S}});
  CHECK(s.fleet.device.modem.uplink_tx_s == 0.2);
  CHECK(s.fleet.device.modem.uplink_connected_s == 3);
}

TEST_CASE("absent voyage keys take the defaults of scenario.hpp", "[loader][voyage]") {
  const Scenario s = load_scenario_text(SMALL_VOYAGE, "s.yaml");
  CHECK(s.voyage.enabled);  // "voyage:" with only what is required is the voyage world
  ShipsSpec expected;
  expected.count = 5;
  expected.name_prefix = "ship";
  expected.hub.ground_node = "mrs-teleport";
  CHECK(s.voyage.services.at(0).ships == expected);
  CHECK(s.voyage.services[0].calls[0] == PortCallSpec{"Shanghai", 0});  // no dwell written: none
  ItinerarySpec itinerary;
  itinerary.legs = {{"asia-med", {"Shanghai", "Singapore"}, "Fos-sur-Mer"}};
  CHECK(s.voyage.itinerary == itinerary);
  CHECK(s.voyage.cellular == CellularSpec{});
  // The defaults as published: a weekly service at 16.3 kn (docs/sources.md §6), GEO at ≈600 ms (§5), LTE-M
  // reach 30 km offshore (§9).
  CHECK(expected.speed_m_per_s == Approx(16.3 * KNOT_M_PER_S).epsilon(1e-15));
  CHECK(expected.headway_s == 7 * DAY_S);
  CHECK(expected.hub.rtt_s == 0.6);
  CHECK(s.voyage.cellular.coastal_range_m == 30e3);
}

TEST_CASE("the hub's orbit sets the defaults of its link, written figures win", "[loader][voyage]") {
  const auto hub = [](const std::vector<std::string>& overrides) {
    return load_scenario_text(SMALL_VOYAGE, "s.yaml", overrides).voyage.services.at(0).ships.hub;
  };
  const ShipHubSpec geo = hub({"voyage.services[0].ships.hub.orbit=geo"});
  CHECK(geo.rtt_s == 0.6);
  CHECK(geo.bandwidth_bps == 2e6);
  CHECK(geo.price_usd_per_mb == 2.14);  // FleetBroadband 750 MB plan (models/satellite_link.hpp)
  const ShipHubSpec leo = hub({"voyage.services[0].ships.hub.orbit=leo", "voyage.services[0].ships.hub.rtt=40ms"});
  CHECK(leo.rtt_s == 0.04);
  CHECK(leo.bandwidth_bps == 10e6);
  CHECK(leo.price_usd_per_mb == 0.5);
  CHECK(hub({"voyage.services[0].ships.hub.price_per_mb=0"}).price_usd_per_mb == 0);
}

TEST_CASE("voyage world errors point at the key or value that is wrong", "[loader][voyage]") {
  const std::string& base = SMALL_VOYAGE;
  CHECK(first_line(error_of(base + "port: {gateways: [{name: g, lat: 0, lon: 0}]}\n")) ==
        "s.yaml:33:1: error: port: the voyage world (voyage) has several ports: write them as a list under ports, "
        "not port");
  CHECK(first_line(error_of(VOYAGE + NETWORK)) ==
        "s.yaml:1:1: error: ports: the voyage world needs ports: a list of the ports with their gateways, yard and "
        "router");
  CHECK(first_line(error_of(PORTS + NETWORK)) ==
        "s.yaml:1:1: error: ports: ports belongs to the voyage world and needs a voyage section; a single port is "
        "written under port");
  CHECK(first_line(error_of(PORTS + VOYAGE)) ==
        "s.yaml:11:1: error: network.nodes: the voyage world needs network.nodes: the ports' routers and the hubs' "
        "ground node are nodes of it");
  CHECK(first_line(error_of(base + "  port_router: sha-router\n")) ==
        "s.yaml:33:3: error: network.port_router: in the voyage world each port attaches to its own router "
        "(ports[i].router): remove network.port_router");

  // Board and alight ports: calls of the leg's service, in `ports`, alight after every board port.
  CHECK(first_line(error_of(replaced(base, "board: [Shanghai, Singapore]", "board: [Shanghai, Port Said]"))) ==
        "s.yaml:20:47: error: voyage.itinerary.legs[0].board[1]: service asia-med passes 'Port Said' without "
        "calling: add it to its calls");
  CHECK(first_line(error_of(replaced(base, "board: [Shanghai, Singapore]", "board: [Shanghai, Singapur]"))) ==
        "s.yaml:20:47: error: voyage.itinerary.legs[0].board[1]: unknown port call of service asia-med (route "
        "asia-med-loop) 'Singapur'; did you mean 'Singapore'?");
  CHECK(first_line(error_of(replaced(base, "name: Singapore", "name: Penang"))) ==
        "s.yaml:20:47: error: voyage.itinerary.legs[0].board[1]: port 'Singapore' has no entry in ports: add it "
        "with its gateways, yard and router");
  CHECK(first_line(error_of(replaced(base, "[Shanghai, Singapore], alight: Fos-sur-Mer",
                                     "[Singapore], alight: Shanghai"))) ==
        "s.yaml:20:57: error: voyage.itinerary.legs[0].alight: alight port 'Shanghai' must come after every board "
        "port on route asia-med-loop, but 'Singapore' is not before it");
  CHECK(first_line(error_of(replaced(base, "board: [Shanghai, Singapore]", "board: [Shanghai, Shanghai]"))) ==
        "s.yaml:20:47: error: voyage.itinerary.legs[0].board[1]: port 'Shanghai' is listed twice");
  CHECK(first_line(error_of(replaced(base, "board: [Shanghai, Singapore]", "board: []"))) ==
        "s.yaml:20:36: error: voyage.itinerary.legs[0].board: at least one port is required, got an empty list");

  // Routers and the ground node are nodes of network.nodes.
  CHECK(first_line(error_of(replaced(base, "router: sha-router", "router: sha-ruoter"))) ==
        "s.yaml:3:13: error: ports[0].router: unknown node 'sha-ruoter'; did you mean 'sha-router'?");
  CHECK(first_line(error_of(replaced(base, "router: sha-router", "router: mrs-teleport"))) ==
        "s.yaml:3:13: error: ports[0].router: 'mrs-teleport' is a ground_station, not a port_router or "
        "internet_exchange");
  CHECK(first_line(error_of(replaced(base, "router: sha-router", "router: sin-gw-1"))) ==
        "s.yaml:3:13: error: ports[0].router: 'sin-gw-1' is a gateway, not a node: gateways attach to their port's "
        "router by its gateway_link");
  CHECK(first_line(error_of(replaced(base, "{ground_node: mrs-teleport}", "{ground_node: mrs-teleprot}"))) ==
        "s.yaml:17:63: error: voyage.services[0].ships.hub.ground_node: unknown node 'mrs-teleprot'; did you mean "
        "'mrs-teleport'?");
  CHECK(first_line(error_of(replaced(base, "{ground_node: mrs-teleport}", "{ground_nod: mrs-teleport}"))) ==
        "s.yaml:17:50: error: voyage.services[0].ships.hub: unknown key 'ground_nod'; did you mean 'ground_node'?");
  CHECK(first_line(error_of(replaced(base, "{ground_node: mrs-teleport}", "{orbit: meo}"))) ==
        "s.yaml:17:57: error: voyage.services[0].ships.hub.orbit: unknown orbit 'meo'; accepted: geo, leo");

  // Names: gateways are unique over all ports; the derived names are taken.
  CHECK(first_line(error_of(replaced(base, "name: sin-gw-1", "name: sha-gw-1"))) ==
        "s.yaml:7:23: error: ports[1].gateways[0].name: duplicate gateway name 'sha-gw-1' (already used by "
        "ports[0].gateways[0].name)");
  CHECK(first_line(error_of(replaced(base, "{name: mrs-dc, kind: data_centre}\n",
                                     "{name: mrs-dc, kind: data_centre}\n    - {name: Shanghai-lte, kind: "
                                     "landing_station}\n"))) ==
        "s.yaml:28:14: error: network.nodes[5].name: duplicate name 'Shanghai-lte' (already used by the LTE-M "
        "network of port Shanghai)");

  // Faults may name the ships' hubs and satellite links, but only of ships that exist.
  CHECK(first_line(error_of(base + "  faults:\n    - {gateway: ship-9-hub, down: 1d}\n")) ==
        "s.yaml:34:17: error: network.faults[0].gateway: unknown gateway 'ship-9-hub'; did you mean 'ship-1-hub'?");
  CHECK(first_line(error_of(base + "  faults:\n    - {link: ship-1-hub, down: 1d}\n")) ==
        "s.yaml:34:14: error: network.faults[0].link: 'ship-1-hub' is a gateway: write {gateway: ship-1-hub, ...}");
  CHECK(error_of(base + "  faults:\n    - {gateway: ship-5-hub, down: 1d}\n    - {link: ship-5-satellite, down: "
                        "1d}\n    - {link: Fos-sur-Mer-lte-link, down: 1d}\n") == "no error");

  // Ranges of single keys.
  CHECK(first_line(error_of(replaced(base, "alight: Fos-sur-Mer}\n",
                                     "alight: Fos-sur-Mer}\n    export_dwell: {min: 2d, median: 1d}\n"))) ==
        "s.yaml:21:37: error: voyage.itinerary.export_dwell.median: must be above min (2d), got 1d");
  CHECK(first_line(error_of(replaced(base, "alight: Fos-sur-Mer}\n",
                                     "alight: Fos-sur-Mer}\n    import_dwell: {min: 4d}\n"))) ==
        "s.yaml:21:25: error: voyage.itinerary.import_dwell.min: must be below median (84h, the default), "
        "got 4d");
  CHECK(first_line(error_of(replaced(base, "count: 5", "count: 0"))) ==
        "s.yaml:17:22: error: voyage.services[0].ships.count: expected an integer from 1 to 10000, got 0");
  CHECK(first_line(error_of(base, {"voyage.services[0].ships.headway=0d"})) ==
        "--set:1:34: error: voyage.services[0].ships.headway: must be greater than 0, got 0d");
  CHECK(first_line(error_of(base, {"voyage.services[0].ships.speed=16.3kt"})) ==
        "--set:1:32: error: voyage.services[0].ships.speed: unknown unit 'kt' for a speed; accepted: m/s, km/h, kn");
  CHECK(first_line(error_of(base, {"voyage.itinerary.road_detour=0.9"})) ==
        "--set:1:30: error: voyage.itinerary.road_detour: must be at least 1 (the road is never shorter than the "
        "great circle), got 0.9");
}
