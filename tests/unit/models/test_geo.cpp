// Great circles against docs/sources.md §8, and the error bound of the local tangent plane.
#include <catch2/catch.hpp>

#include <cmath>
#include <numbers>

#include "models/geo.hpp"

using fleet::models::EARTH_MEAN_RADIUS_M;
using fleet::models::great_circle_distance_m;
using fleet::models::LatLon;
using fleet::models::LocalPoint;
using fleet::models::LocalTangentPlane;

namespace {
// City-centre coordinates (decimal degrees, as on the cities' Wikipedia pages); they reproduce the
// §8 great circles to better than 0.01 %.
constexpr LatLon MARSEILLE{43.2965, 5.3698};
constexpr LatLon SINGAPORE{1.2903, 103.8519};
constexpr LatLon MUMBAI{19.0760, 72.8777};
constexpr LatLon HONG_KONG{22.3193, 114.1694};
constexpr LatLon SHANGHAI{31.2304, 121.4737};

// Point at distance d and bearing θ from `from` on the sphere (the direct geodesic problem).
LatLon destination(LatLon from, double distance_m, double bearing_rad) {
  const double k = std::numbers::pi / 180.0;
  const double phi1 = from.lat_deg * k;
  const double delta = distance_m / EARTH_MEAN_RADIUS_M;
  const double phi2 =
      std::asin(std::sin(phi1) * std::cos(delta) + std::cos(phi1) * std::sin(delta) * std::cos(bearing_rad));
  const double dlambda = std::atan2(std::sin(bearing_rad) * std::sin(delta) * std::cos(phi1),
                                    std::cos(delta) - std::sin(phi1) * std::sin(phi2));
  return {phi2 / k, from.lon_deg + dlambda / k};
}
}  // namespace

TEST_CASE("great circles reproduce docs/sources.md §8.2 within 0.5 %", "[geo]") {
  CHECK(great_circle_distance_m(MARSEILLE, SINGAPORE) == Approx(10'594e3).epsilon(0.005));
  CHECK(great_circle_distance_m(MARSEILLE, MUMBAI) == Approx(6'765e3).epsilon(0.005));
  CHECK(great_circle_distance_m(MARSEILLE, HONG_KONG) == Approx(9'730e3).epsilon(0.005));
  CHECK(great_circle_distance_m(MARSEILLE, SHANGHAI) == Approx(9'486e3).epsilon(0.005));
  // And in fact to 0.01 % with these coordinates.
  CHECK(great_circle_distance_m(MARSEILLE, SINGAPORE) == Approx(10'594e3).epsilon(1e-4));
}

TEST_CASE("great circles: closed forms on the sphere", "[geo]") {
  const double quarter_m = std::numbers::pi / 2 * EARTH_MEAN_RADIUS_M;  // equator to pole, 10,007.5 km
  CHECK(great_circle_distance_m({0, 0}, {90, 0}) == Approx(quarter_m).epsilon(1e-12));
  CHECK(great_circle_distance_m({0, 0}, {0, 180}) == Approx(2 * quarter_m).epsilon(1e-12));
  CHECK(great_circle_distance_m({-30, 10}, {30, -170}) == Approx(2 * quarter_m).epsilon(1e-9));  // antipodes
  CHECK(great_circle_distance_m(MARSEILLE, MARSEILLE) == 0.0);
  CHECK(great_circle_distance_m(MARSEILLE, SINGAPORE) == great_circle_distance_m(SINGAPORE, MARSEILLE));
  // One degree of the equator across the antimeridian: R·π/180 = 111,195 m.
  CHECK(great_circle_distance_m({0, 179.5}, {0, -179.5}) ==
        Approx(EARTH_MEAN_RADIUS_M * std::numbers::pi / 180).epsilon(1e-9));
}

TEST_CASE("local tangent plane: axes, inverse and antimeridian", "[geo]") {
  const LocalTangentPlane plane(MARSEILLE);
  const LocalPoint o = plane.to_local(MARSEILLE);
  CHECK(o.east_m == 0.0);
  CHECK(o.north_m == 0.0);
  const double m_per_deg = EARTH_MEAN_RADIUS_M * std::numbers::pi / 180;
  CHECK(plane.to_local({MARSEILLE.lat_deg + 0.01, MARSEILLE.lon_deg}).north_m == Approx(0.01 * m_per_deg));
  CHECK(plane.to_local({MARSEILLE.lat_deg, MARSEILLE.lon_deg + 0.01}).east_m ==
        Approx(0.01 * m_per_deg * std::cos(MARSEILLE.lat_deg * std::numbers::pi / 180)));
  for (LocalPoint p : {LocalPoint{1234.5, -987.6}, LocalPoint{-15000, 20000}, LocalPoint{0.001, 0.0}}) {
    const LocalPoint back = plane.to_local(plane.to_geo(p));
    CHECK(back.east_m == Approx(p.east_m).margin(1e-6));
    CHECK(back.north_m == Approx(p.north_m).margin(1e-6));
  }
  const LocalTangentPlane dateline({0.0, 179.9});
  CHECK(dateline.to_local({0.0, -179.9}).east_m == Approx(0.2 * m_per_deg).epsilon(1e-9));
  CHECK(dateline.to_geo({0.2 * m_per_deg, 0.0}).lon_deg == Approx(-179.9).epsilon(1e-12));
}

TEST_CASE("local tangent plane stays within its stated error bound", "[geo]") {
  auto plane_distance_m = [](const LocalTangentPlane& plane, LatLon a, LatLon b) {
    const LocalPoint pa = plane.to_local(a);
    const LocalPoint pb = plane.to_local(b);
    return std::hypot(pa.east_m - pb.east_m, pa.north_m - pb.north_m);
  };
  constexpr double RADIUS_M = 20'000.0;
  // Distances from the origin: 0.06 % at 43.3°, 0.10 % at 60°.
  for (auto [lat_deg, bound] : {std::pair{43.3, 0.0006}, std::pair{60.0, 0.0011}}) {
    const LatLon origin{lat_deg, 5.0};
    const LocalTangentPlane plane(origin);
    double worst = 0.0;
    for (int k = 0; k < 72; ++k) {
      const LatLon p = destination(origin, RADIUS_M, k * std::numbers::pi / 36);
      worst = std::max(worst, std::abs(plane_distance_m(plane, origin, p) / RADIUS_M - 1.0));
    }
    CHECK(worst < bound);
    CHECK(worst > bound / 3);  // the bound is tight, not vacuous
  }
  // Between two points inside the 20 km disc: (r/R)·tan φ0 = 0.30 % at Marseille.
  const LocalTangentPlane plane(MARSEILLE);
  double worst = 0.0;
  for (int i = 0; i < 24; ++i) {
    for (int j = 0; j < 24; ++j) {
      const LatLon a = destination(MARSEILLE, RADIUS_M, i * std::numbers::pi / 12);
      const LatLon b = destination(MARSEILLE, RADIUS_M / 2, j * std::numbers::pi / 12);
      const double exact_m = great_circle_distance_m(a, b);
      if (exact_m < 1000.0) continue;
      worst = std::max(worst, std::abs(plane_distance_m(plane, a, b) / exact_m - 1.0));
    }
  }
  CHECK(worst < RADIUS_M / EARTH_MEAN_RADIUS_M * std::tan(MARSEILLE.lat_deg * std::numbers::pi / 180));
}

TEST_CASE("the chord of unit vectors gives the haversine's great circle to a millimetre", "[geo]") {
  using fleet::models::chord_great_circle_m;
  using fleet::models::unit_vector;
  // Distances from 1 m to 15,000 km, in every direction from four ports: the range screen of the
  // voyage world's coverage needs agreement far below its 1 m margin.
  for (const LatLon from : {MARSEILLE, SINGAPORE, SHANGHAI, LatLon{-33.9, 18.4}}) {
    for (double distance_m = 1.0; distance_m < 1.5e7; distance_m *= 3.7) {
      for (int k = 0; k < 8; ++k) {
        const LatLon to = destination(from, distance_m, k * std::numbers::pi / 4.0 + 0.1);
        const double haversine_m = great_circle_distance_m(from, to);
        CHECK(std::abs(chord_great_circle_m(unit_vector(from), unit_vector(to)) - haversine_m) < 1e-3);
        // The screen: a great circle's squared chord orders like its length.
        const double chord2 = fleet::models::chord_squared(unit_vector(from), unit_vector(to));
        CHECK(chord2 <= fleet::models::chord_squared_of_great_circle(haversine_m + 1e-3));
        CHECK(chord2 >= fleet::models::chord_squared_of_great_circle(haversine_m - 1e-3));
      }
    }
  }
  CHECK(chord_great_circle_m(unit_vector(MARSEILLE), unit_vector(MARSEILLE)) == 0.0);
}
