// Ship schedules: sea times against docs/sources.md §6, port calls and the canal pace, state at any time.
#include <catch2/catch.hpp>

#include <stdexcept>

#include "tests/unit/models/asia_med_route.hpp"
#include "models/ship_schedule.hpp"

using namespace fleet::models;

namespace {
constexpr double HOUR_S = 3600.0;
constexpr double DAY_S = 86400.0;
}  // namespace

TEST_CASE("sea time of the loop matches docs/sources.md §6 at 14.8, 16.3 and 19 kn", "[ship]") {
  // §6 [C]: 24.4 / 22.2 / 19.0 days for ≈8,690 nm, every mile at the one speed, no port stays.
  const struct { double knots, days; } rows[] = {{14.8, 24.4}, {16.3, 22.2}, {19.0, 19.0}};
  for (const auto& row : rows) {
    VoyagePlan plan;
    plan.speed_m_per_s = row.knots * KNOT_M_PER_S;
    const ShipSchedule ship(asia_med_route(), plan);
    // The table gives days to one decimal (truncated: 8,689 nm at 14.8 kn is 24.46 d).
    CHECK(ship.end_s() / DAY_S == Approx(row.days).margin(0.1));
  }
}

TEST_CASE("the Asia-Med voyage stops where planned and transits Suez in 14 h", "[ship]") {
  const Route route = asia_med_route();
  const ShipSchedule ship(route, asia_med_voyage("ship-1", 0.0));
  const std::size_t shanghai = route.waypoint_index(SHANGHAI);
  const std::size_t singapore = route.waypoint_index(SINGAPORE);
  const std::size_t suez = route.waypoint_index(SUEZ);
  const std::size_t port_said = route.waypoint_index(PORT_SAID);
  const std::size_t fos = route.waypoint_index(FOS_SUR_MER);

  CHECK(ship.departure_s(shanghai) == Approx(34 * HOUR_S));
  CHECK(ship.departure_s(singapore) - ship.arrival_s(singapore) == Approx(43 * HOUR_S));
  CHECK(ship.arrival_s(port_said) - ship.arrival_s(suez) == Approx(14 * HOUR_S));
  // Shanghai → Singapore at 16.3 kn: 2,084 nm takes 127.9 h.
  CHECK(ship.arrival_s(singapore) - ship.departure_s(shanghai) ==
        Approx(route.distance_at_waypoint_m(singapore) / (16.3 * KNOT_M_PER_S)));
  // Whole voyage: sea miles outside the canal at 16.3 kn, the canal at its pace, 34 + 43 + 43 h alongside.
  const double open_sea_m = route.length_m() - SUEZ_CANAL_LENGTH_M;
  CHECK(ship.end_s() == Approx(open_sea_m / (16.3 * KNOT_M_PER_S) + 14 * HOUR_S + 120 * HOUR_S));
  CHECK(ship.arrival_s(fos) + 43 * HOUR_S == Approx(ship.end_s()));
}

TEST_CASE("ship state along the voyage", "[ship]") {
  const Route route = asia_med_route();
  const ShipSchedule ship(route, asia_med_voyage("ship-1", 10 * HOUR_S));
  const std::size_t singapore = route.waypoint_index(SINGAPORE);

  CHECK(ship.state_at(0.0).activity == ShipActivity::NOT_STARTED);
  const ShipState loading = ship.state_at(10 * HOUR_S);
  CHECK(loading.activity == ShipActivity::IN_PORT);
  CHECK(loading.waypoint == 0);

  const ShipState alongside = ship.state_at(ship.arrival_s(singapore) + 1.0);
  CHECK(alongside.activity == ShipActivity::IN_PORT);
  CHECK(alongside.waypoint == singapore);
  CHECK(great_circle_distance_m(alongside.position, route.waypoint(singapore).position) < 1e-6);

  // Exactly on a waypoint the ship does not stop at: sailing, on the leg that starts there, at the waypoint.
  for (std::size_t w = 1; w + 1 < route.waypoint_count(); ++w) {
    if (ship.is_port_call(w)) continue;
    const ShipState passing = ship.state_at(ship.arrival_s(w));
    CHECK(passing.activity == ShipActivity::SAILING);
    CHECK(passing.waypoint == w);
    CHECK(great_circle_distance_m(passing.position, route.waypoint(w).position) < 1e-3);
  }

  // Halfway in time across a leg at constant speed is halfway in distance.
  const std::size_t leg = singapore + 2;  // Pulau Weh → Dondra Head
  const double mid_s = 0.5 * (ship.departure_s(leg) + ship.arrival_s(leg + 1));
  const ShipState mid = ship.state_at(mid_s);
  CHECK(mid.activity == ShipActivity::SAILING);
  CHECK(mid.distance_m ==
        Approx(0.5 * (route.distance_at_waypoint_m(leg) + route.distance_at_waypoint_m(leg + 1)))
            .epsilon(1e-12));

  const ShipState done = ship.state_at(ship.end_s());
  CHECK(done.activity == ShipActivity::FINISHED);
  CHECK(done.distance_m == route.length_m());
}

TEST_CASE("the unit vector at an instant is that of the position state_at gives", "[ship]") {
  // The coverage screen (sim/voyage) reads the vector instead of converting the position back: the
  // two must be the same point to rounding, before the start, alongside, at sea and after the end.
  const Route route = asia_med_route();
  const ShipSchedule ship(route, asia_med_voyage("ship-1", 10 * HOUR_S));
  int instants = 0;
  for (double t_s = 0.0; t_s <= ship.end_s() + DAY_S; t_s += 997.0, ++instants) {
    const UnitVector from_position = unit_vector(ship.state_at(t_s).position);
    const UnitVector direct = ship.unit_vector_at(t_s);
    CHECK(chord_squared(from_position, direct) < 1e-28);  // a chord below 1e-14, well under a micrometre
    CHECK(direct.x * direct.x + direct.y * direct.y + direct.z * direct.z == Approx(1.0).epsilon(1e-14));
  }
  CHECK(instants > 2000);
  // And not trivially so: a day apart at sea the vectors are hundreds of kilometres apart.
  const double sea_s = 0.5 * (ship.departure_s(route.waypoint_index(SINGAPORE)) + ship.end_s());
  CHECK(chord_great_circle_m(ship.unit_vector_at(sea_s), ship.unit_vector_at(sea_s + DAY_S)) > 300e3);
}

TEST_CASE("bad voyage plans are refused", "[ship]") {
  const Route route = asia_med_route();
  VoyagePlan plan;
  plan.speed_m_per_s = 0;
  CHECK_THROWS_AS(ShipSchedule(route, plan), std::invalid_argument);
  plan = VoyagePlan{};
  plan.port_calls = {{4, HOUR_S}, {0, HOUR_S}};  // out of order
  CHECK_THROWS_AS(ShipSchedule(route, plan), std::invalid_argument);
  plan = VoyagePlan{};
  plan.port_calls = {{99, HOUR_S}};
  CHECK_THROWS_AS(ShipSchedule(route, plan), std::invalid_argument);
  plan = VoyagePlan{};
  plan.speed_overrides = {{5, 5, 1.0}};
  CHECK_THROWS_AS(ShipSchedule(route, plan), std::invalid_argument);
}
