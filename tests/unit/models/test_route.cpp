// Routes: positions along great-circle legs against the independent haversine distance (models/geo),
// the O(log legs) lookup at and around leg boundaries, and the Asia–Med loop against docs/sources.md §6.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <numbers>
#include <stdexcept>

#include "tests/unit/models/asia_med_route.hpp"
#include "models/geo.hpp"
#include "models/random_stream.hpp"
#include "models/route.hpp"

using namespace fleet::models;

namespace {
Route three_leg_route() {
  return Route({{"A", {0.0, 0.0}}, {"B", {10.0, 0.0}}, {"C", {10.0, 20.0}}, {"D", {-5.0, 30.0}}});
}

// Reference for the binary search: scan every leg.
std::size_t leg_by_linear_scan(const Route& route, double distance_m) {
  std::size_t leg = 0;
  while (leg + 1 < route.leg_count() && route.distance_at_waypoint_m(leg + 1) <= distance_m) ++leg;
  return leg;
}
}  // namespace

TEST_CASE("a point d metres along a leg is d from its start and L - d from its end", "[route]") {
  const Route route = three_leg_route();
  for (std::size_t leg = 0; leg < route.leg_count(); ++leg) {
    const LatLon start = route.waypoint(leg).position;
    const LatLon end = route.waypoint(leg + 1).position;
    const double leg_m = great_circle_distance_m(start, end);
    CHECK(route.distance_at_waypoint_m(leg + 1) - route.distance_at_waypoint_m(leg) ==
          Approx(leg_m).epsilon(1e-12));
    for (const double fraction : {0.1, 0.25, 0.5, 0.9}) {
      const LatLon p = route.position_at_distance(route.distance_at_waypoint_m(leg) + fraction * leg_m);
      // On the great circle: the two partial distances add up to the leg (the triangle inequality is tight
      // only on the geodesic), each equal to its share.
      CHECK(great_circle_distance_m(start, p) == Approx(fraction * leg_m).margin(1e-3));
      CHECK(great_circle_distance_m(p, end) == Approx((1 - fraction) * leg_m).margin(1e-3));
    }
  }
}

TEST_CASE("a meridian leg's midpoint is the mean latitude; an equator leg crosses the antimeridian",
          "[route]") {
  const Route meridian({{"", {0.0, 0.0}}, {"", {10.0, 0.0}}});
  const LatLon mid = meridian.position_at_distance(meridian.length_m() / 2);
  CHECK(mid.lat_deg == Approx(5.0).margin(1e-12));
  CHECK(mid.lon_deg == Approx(0.0).margin(1e-12));

  const Route pacific({{"", {0.0, 170.0}}, {"", {0.0, -170.0}}});
  CHECK(pacific.length_m() == Approx(20.0 * EARTH_MEAN_RADIUS_M * std::numbers::pi / 180.0).epsilon(1e-12));
  const LatLon dateline = pacific.position_at_distance(pacific.length_m() / 2);
  CHECK(dateline.lat_deg == Approx(0.0).margin(1e-9));
  CHECK(std::abs(dateline.lon_deg) == Approx(180.0).margin(1e-9));
}

TEST_CASE("lookup at leg boundaries: a waypoint starts its leg, the end stays on the last leg", "[route]") {
  const Route route = three_leg_route();
  for (std::size_t w = 0; w < route.waypoint_count(); ++w) {
    const double at_m = route.distance_at_waypoint_m(w);
    CHECK(route.leg_at_distance(at_m) == std::min(w, route.leg_count() - 1));
    const LatLon p = route.position_at_distance(at_m);
    CHECK(great_circle_distance_m(p, route.waypoint(w).position) < 1e-6);
    if (w > 0) CHECK(route.leg_at_distance(std::nextafter(at_m, 0.0)) == w - 1);
  }
  CHECK_THROWS_AS(route.leg_at_distance(-1e-9), std::out_of_range);
  CHECK_THROWS_AS(route.position_at_distance(route.length_m() * (1 + 1e-12)), std::out_of_range);
}

TEST_CASE("binary search agrees with a linear scan over the legs", "[route]") {
  const Route route = asia_med_route();
  RandomStream stream(derive_stream_seed(7, 0, 0));
  for (int i = 0; i < 2000; ++i) {
    const double d = stream.uniform(0.0, route.length_m());
    REQUIRE(route.leg_at_distance(d) == leg_by_linear_scan(route, d));
  }
}

TEST_CASE("the reversed route passes the same points in the opposite order", "[route]") {
  const Route route = asia_med_route();
  const Route back = route.reversed();
  CHECK(back.length_m() == Approx(route.length_m()).epsilon(1e-12));
  for (const double d_m : {0.0, 1.0e6, 7.5e6, route.length_m()}) {
    const LatLon there = route.position_at_distance(d_m);
    // The two lengths sum the legs in opposite orders, so they may differ in the last bit.
    const LatLon here = back.position_at_distance(std::clamp(back.length_m() - d_m, 0.0, back.length_m()));
    CHECK(great_circle_distance_m(there, here) < 1e-3);
  }
}

TEST_CASE("bad routes are refused", "[route]") {
  CHECK_THROWS_AS(Route({{"", {0.0, 0.0}}}), std::invalid_argument);
  CHECK_THROWS_AS(Route({{"", {0.0, 0.0}}, {"", {0.0, 180.0}}}), std::invalid_argument);  // antipodes
  const std::vector<Waypoint> two{{"", {0.0, 0.0}}, {"", {1.0, 0.0}}};
  CHECK_THROWS_AS(Route(two, {{1, 1000.0}}), std::invalid_argument);               // no leg 1
  CHECK_THROWS_AS(Route(two, {{0, 1000.0}, {0, 2000.0}}), std::invalid_argument);  // twice
  CHECK_THROWS_AS(Route(two, {{0, -1.0}}), std::invalid_argument);
  CHECK_THROWS_AS(Route(two).waypoint_index("nowhere"), std::invalid_argument);
}

TEST_CASE("the Asia-Med loop reproduces docs/sources.md §6 cumulative distances to 1 nm", "[route]") {
  // docs/sources.md §6, "[C] Waypoints and leg distances", cum. nm (rounded to the mile; the canal leg counts
  // its actual 104.4 nm).
  const double table_nm[] = {0,    392,  699,  1432, 2084, 2283, 2701, 3549, 5288,
                             5795, 6311, 6841, 6997, 7101, 7565, 8192, 8357, 8689};
  const Route route = asia_med_route();
  REQUIRE(route.waypoint_count() == std::size(table_nm));
  for (std::size_t w = 0; w < route.waypoint_count(); ++w) {
    INFO("waypoint " << w << " " << route.waypoint(w).name);
    CHECK(route.distance_at_waypoint_m(w) / METRES_PER_NAUTICAL_MILE == Approx(table_nm[w]).margin(1.0));
  }
  // Legs: Shanghai→Singapore ≈2,084 nm, Singapore→Suez ≈4,913 nm, Port Said→Fos ≈1,587 nm (§6).
  const auto leg_nm = [&](const char* from, const char* to) {
    return (route.distance_at_waypoint_m(route.waypoint_index(to)) -
            route.distance_at_waypoint_m(route.waypoint_index(from))) /
           METRES_PER_NAUTICAL_MILE;
  };
  CHECK(leg_nm(SHANGHAI, SINGAPORE) == Approx(2084).margin(1.0));
  CHECK(leg_nm(SINGAPORE, SUEZ) == Approx(4913).margin(1.0));
  CHECK(leg_nm(PORT_SAID, FOS_SUR_MER) == Approx(1587).margin(1.0));
  CHECK(leg_nm(SUEZ, PORT_SAID) == Approx(104.4).margin(0.05));  // 193.30 km
}
