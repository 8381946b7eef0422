// Where containers stand: uniform over the yard's area, in a rectangle or a disc.
#include "sim/world/world.hpp"

#include <catch2/catch.hpp>

#include <cmath>

using fleet::sim::Scenario;

TEST_CASE("A disc yard places containers uniformly over its area", "[world]") {
  Scenario scenario;
  scenario.port.yard.shape = "disc";
  scenario.port.yard.radius_m = 1000;
  scenario.fleet.containers = 40'000;
  const auto positions = fleet::sim::place_containers(scenario);
  REQUIRE(positions.size() == 40'000);
  double r_sum = 0;
  std::size_t inner = 0;
  for (const auto& p : positions) {
    const double r = std::hypot(p.east_m, p.north_m);
    CHECK(r <= 1000.0);
    r_sum += r;
    if (r < 500) ++inner;
  }
  // Uniform in area: E[r] = 2R/3, and a quarter of the points inside R/2 (binomial sd 0.2 %).
  CHECK(r_sum / 40'000 == Approx(2000.0 / 3).epsilon(0.01));
  CHECK(static_cast<double>(inner) / 40'000 == Approx(0.25).margin(0.01));
}

TEST_CASE("A rectangular yard keeps containers inside its extents", "[world]") {
  Scenario scenario;
  scenario.fleet.containers = 1000;
  for (const auto& p : fleet::sim::place_containers(scenario)) {
    CHECK(std::abs(p.east_m) <= 500.0);
    CHECK(std::abs(p.north_m) <= 250.0);
  }
}
