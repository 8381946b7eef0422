// The WAN platform in a real SimGrid engine: the idle latency of every configured path equals the physics
// (fibre length × 4.9 µs/km + configured equipment and air delays), a cable cut moves traffic onto the
// other cable with the latency difference visible, a cut-off destination leaves the message where it is,
// and a cable failing under a message sends it on from the landing station.
//
// The SimGrid engine is a process singleton, so this file holds the only test case of sim_tests that
// starts one; ctest runs each test case in its own process anyway (catch_discover_tests).
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include <simgrid/s4u.hpp>

#include "sim/network/network_platform.hpp"

using namespace fleet::sim;

namespace {
constexpr double US_PER_KM = 4.9;  // docs/sources.md §5 [S]
constexpr std::uint64_t ONE_BYTE = 1;

// The expected one-way latency of a hop, written from the physics, not from the code under test.
double expected_s(double fibre_km, double equipment_ms, double air_ms = 0) {
  return fibre_km * US_PER_KM * 1e-6 + equipment_ms * 1e-3 + air_ms * 1e-3;
}

NetworkLink fibre(std::string name, std::string a, std::string b, double km, double equipment_ms) {
  NetworkLink link;
  link.name = std::move(name);
  link.end_a = std::move(a);
  link.end_b = std::move(b);
  link.fibre_length_m = km * 1e3;
  link.equipment_latency_s = equipment_ms * 1e-3;
  return link;
}

NetworkDescription asia_med_network() {
  NetworkDescription d;
  using K = NetworkNodeKind;
  d.nodes = {{"sin-gw", K::GATEWAY},     {"sin-router", K::PORT_ROUTER}, {"sin-ls", K::LANDING_STATION},
             {"fos-gw", K::GATEWAY},     {"fos-router", K::PORT_ROUTER}, {"mrs-ls", K::LANDING_STATION},
             {"mrs-dc", K::DATA_CENTRE}, {"ship-hub", K::SHIP_HUB},      {"teleport", K::GROUND_STATION}};
  d.links = {fibre("sin-access", "sin-gw", "sin-router", 12, 1.0),
             fibre("sin-backhaul", "sin-router", "sin-ls", 25, 0.5),
             fibre("SEA-ME-WE 6", "sin-ls", "mrs-ls", 19'200, 2.0),  // docs/sources.md §5 lengths
             fibre("SEA-ME-WE 5", "sin-ls", "mrs-ls", 20'000, 2.0),
             fibre("fos-access", "fos-gw", "fos-router", 3, 1.0),
             fibre("fos-backhaul", "fos-router", "mrs-ls", 50, 0.5),
             fibre("mrs-metro", "mrs-ls", "mrs-dc", 8, 0.2),
             fibre("teleport-backhaul", "teleport", "mrs-ls", 800, 1.0)};
  NetworkLink satellite;
  satellite.name = "geo-sat";
  satellite.end_a = "ship-hub";
  satellite.end_b = "teleport";
  satellite.bandwidth_bps = 2e6;
  satellite.air_latency_s = 0.300;  // half the ≈600 ms GEO round trip (docs/sources.md §5)
  d.links.push_back(satellite);
  d.faults = {{"SEA-ME-WE 6", 100, 200},  // one cable cut: reroute
              {"SEA-ME-WE 6", 300, 400},
              {"SEA-ME-WE 5", 300, 400},     // both cut: stuck at Singapore
              {"SEA-ME-WE 6", 500.0, 600}};  // cut under a message in flight
  return d;
}

struct Observation {
  TransferOutcome outcome;
  double started_s;
};
}  // namespace

TEST_CASE("WAN platform: idle latencies equal the physics; cable cuts reroute",
          "[network_platform][simgrid]") {
  int argc = 3;
  char arg0[] = "sim_tests", arg1[] = "--cfg=network/model:CM02", arg2[] = "--log=root.thres:critical";
  char* argv[] = {arg0, arg1, arg2, nullptr};
  simgrid::s4u::Engine engine(&argc, argv);
  const NetworkPlatform platform = build_network_platform(asia_med_network());

  const std::size_t sin_gw = platform.node("sin-gw"), fos_gw = platform.node("fos-gw");
  const std::size_t hub = platform.node("ship-hub"), dc = platform.node("mrs-dc"),
                    sin_ls = platform.node("sin-ls");
  std::vector<Observation> seen;
  const auto send = [&](std::size_t from, std::size_t to) {
    const double started_s = simgrid::s4u::Engine::get_clock();
    seen.push_back({platform.transfer(from, to, ONE_BYTE), started_s});
  };
  simgrid::s4u::Actor::create("probe", platform.host(sin_gw), [&] {
    send(sin_gw, dc);  // 0: idle, Singapore over SEA-ME-WE 6
    send(fos_gw, dc);  // 1: idle, Fos
    send(hub, dc);     // 2: idle, ship over GEO
    simgrid::s4u::this_actor::sleep_until(150);
    send(sin_gw, dc);  // 3: SEA-ME-WE 6 cut: over SEA-ME-WE 5
    simgrid::s4u::this_actor::sleep_until(250);
    send(sin_gw, dc);  // 4: repaired: back on SEA-ME-WE 6
    simgrid::s4u::this_actor::sleep_until(350);
    send(sin_gw, dc);  // 5: both cut: no route from the gateway
    send(sin_ls, dc);  // 6: both cut, from the landing station: waits there
    simgrid::s4u::this_actor::sleep_until(499.99);
    send(sin_gw, dc);  // 7: SEA-ME-WE 6 fails at t = 500 under the message
  });
  engine.run();
  REQUIRE(seen.size() == 8);

  const double singapore_port_s = expected_s(12, 1.0) + expected_s(25, 0.5);
  const double marseille_metro_s = expected_s(8, 0.2);
  const double smw6_s = expected_s(19'200, 2.0);
  const double smw5_s = expected_s(20'000, 2.0);
  // One byte per hop at ≥ 2 Mbit/s: at most 4 µs of transmission on top of the latencies.
  const double transmission_margin_s = 1e-5;

  {  // idle latency of each path is the sum of its hops' physics
    CHECK(seen[0].outcome.delivered);
    CHECK(seen[0].outcome.elapsed_s ==
          Approx(singapore_port_s + smw6_s + marseille_metro_s).margin(transmission_margin_s));
    CHECK(seen[0].outcome.links ==
          std::vector<std::size_t>{platform.link("sin-access"), platform.link("sin-backhaul"),
                                   platform.link("SEA-ME-WE 6"), platform.link("mrs-metro")});
    CHECK(seen[1].outcome.elapsed_s ==
          Approx(expected_s(3, 1.0) + expected_s(50, 0.5) + marseille_metro_s).margin(transmission_margin_s));
    CHECK(seen[2].outcome.elapsed_s ==
          Approx(expected_s(0, 0, 300) + expected_s(800, 1.0) + marseille_metro_s)
              .margin(transmission_margin_s));
    // The SEA-ME-WE 6 path's fibre alone is docs/sources.md §8's 94.1 ms.
    CHECK((smw6_s - 2e-3) * 1e3 == Approx(94.1).margin(0.05));
  }
  {  // a cut cable moves traffic to the other one: +800 km, +3.92 ms
    CHECK(seen[3].outcome.delivered);
    CHECK(seen[3].outcome.links[2] == platform.link("SEA-ME-WE 5"));
    CHECK(seen[3].outcome.elapsed_s - seen[0].outcome.elapsed_s ==
          Approx(smw5_s - smw6_s).margin(transmission_margin_s));
    CHECK(seen[3].outcome.elapsed_s - seen[0].outcome.elapsed_s ==
          Approx(3.92e-3).margin(transmission_margin_s));
    CHECK(seen[4].outcome.links[2] == platform.link("SEA-ME-WE 6"));  // repaired at t = 200
    CHECK(seen[4].outcome.elapsed_s == Approx(seen[0].outcome.elapsed_s).margin(transmission_margin_s));
  }
  {  // with both cables cut there is no route: the message stays at the gateway (its buffer's job)
    CHECK_FALSE(seen[5].outcome.delivered);
    CHECK(seen[5].outcome.stopped_at == sin_gw);
    CHECK(seen[5].outcome.links.empty());
    CHECK(seen[5].outcome.elapsed_s == 0.0);
    // A message already at the landing station when the cables go would wait there.
    CHECK_FALSE(seen[6].outcome.delivered);
    CHECK(seen[6].outcome.stopped_at == sin_ls);
  }
  {  // a cable failing under a message: it goes on over the other cable from the failure time
    const Observation& hit = seen[7];
    CHECK(hit.outcome.delivered);
    CHECK(hit.outcome.links[2] == platform.link("SEA-ME-WE 5"));
    CHECK(hit.started_s + hit.outcome.elapsed_s ==
          Approx(500.0 + smw5_s + marseille_metro_s).margin(transmission_margin_s));
  }
}
