// port.gateway_grid: gateways at the cell centres of a grid over the yard (sim/scenario/gateway_grid.hpp).
#include "sim/scenario/gateway_grid.hpp"

#include <catch2/catch.hpp>

#include "models/geo.hpp"
#include "sim/scenario/scenario_loader.hpp"

using namespace fleet::sim;
using Catch::Detail::Approx;

namespace {
YardSpec yard_1800_by_700() {
  YardSpec yard;
  yard.center = {43.42015, 4.86};
  yard.east_extent_m = 1800;
  yard.north_extent_m = 700;
  return yard;
}

fleet::models::LocalPoint local(const YardSpec& yard, const GatewaySpec& gateway) {
  return fleet::models::LocalTangentPlane({yard.center.lat_deg, yard.center.lon_deg})
      .to_local({gateway.position.lat_deg, gateway.position.lon_deg});
}
}  // namespace

TEST_CASE("columns x rows puts one gateway at the centre of each cell, north-west first", "[gateway_grid]") {
  const YardSpec yard = yard_1800_by_700();
  const auto gateways = place_gateway_grid(yard, grid_shape_columns_rows(3, 2));
  REQUIRE(gateways.size() == 6);
  // Cells of 600 m x 350 m: centres at east -600, 0, 600 and north 175, -175.
  const double east[] = {-600, 0, 600, -600, 0, 600};
  const double north[] = {175, 175, 175, -175, -175, -175};
  for (std::size_t i = 0; i < 6; ++i) {
    CHECK(gateways[i].name == "gw-" + std::to_string(i + 1));
    CHECK(local(yard, gateways[i]).east_m == Approx(east[i]).margin(1e-6));
    CHECK(local(yard, gateways[i]).north_m == Approx(north[i]).margin(1e-6));
  }
}

TEST_CASE("count: bands as square as the yard allows, the last band holding the rest", "[gateway_grid]") {
  const YardSpec yard = yard_1800_by_700();
  // rows = round(sqrt(N x 700 / 1800)): N = 4 -> 1 band (sqrt 1.56 = 1.25); N = 16 -> 2 bands of 8;
  // N = 7 -> 2 bands (sqrt 2.72 = 1.65): 4 + 3; N = 30 -> 3 bands (sqrt 11.7 = 3.4) of 10.
  CHECK(grid_shape_for_count(yard, 1).cells_per_row == std::vector<std::uint32_t>{1});
  CHECK(grid_shape_for_count(yard, 4).cells_per_row == std::vector<std::uint32_t>{4});
  CHECK(grid_shape_for_count(yard, 16).cells_per_row == std::vector<std::uint32_t>{8, 8});
  CHECK(grid_shape_for_count(yard, 7).cells_per_row == std::vector<std::uint32_t>{4, 3});
  CHECK(grid_shape_for_count(yard, 30).cells_per_row == std::vector<std::uint32_t>{10, 10, 10});
  // A square yard, 5 gateways: round(sqrt 5) = 2 bands, of 3 and 2. A tall yard (500 m x 800 m), 10
  // gateways: round(sqrt 16) = 4 bands of ceil(10 / 4) = 3, the last holding the 1 left.
  YardSpec square = yard;
  square.east_extent_m = square.north_extent_m = 1000;
  CHECK(grid_shape_for_count(square, 5).cells_per_row == std::vector<std::uint32_t>{3, 2});
  YardSpec tall = yard;
  tall.east_extent_m = 500;
  tall.north_extent_m = 800;
  CHECK(grid_shape_for_count(tall, 10).cells_per_row == std::vector<std::uint32_t>{3, 3, 3, 1});
  // Every count gets exactly that many gateways, every band at least one.
  for (std::uint32_t n = 1; n <= 64; ++n) {
    const GridShape shape = grid_shape_for_count(yard, n);
    std::uint32_t total = 0;
    for (const std::uint32_t cells : shape.cells_per_row) {
      CHECK(cells >= 1);
      total += cells;
    }
    CHECK(total == n);
    CHECK(place_gateway_grid(yard, shape).size() == n);
  }
}

TEST_CASE("a disc yard is covered through its bounding square", "[gateway_grid]") {
  YardSpec disc = yard_1800_by_700();
  disc.shape = "disc";
  disc.radius_m = 1000;
  const auto gateways = place_gateway_grid(disc, grid_shape_columns_rows(2, 2));
  REQUIRE(gateways.size() == 4);
  CHECK(local(disc, gateways[0]).east_m == Approx(-500).margin(1e-6));
  CHECK(local(disc, gateways[0]).north_m == Approx(500).margin(1e-6));
  CHECK(local(disc, gateways[3]).east_m == Approx(500).margin(1e-6));
  CHECK(local(disc, gateways[3]).north_m == Approx(-500).margin(1e-6));
}

TEST_CASE("the loader replaces an emptied gateway list by the grid", "[gateway_grid]") {
  const Scenario scenario = load_scenario(std::string(FLEETSIM_FIXTURES_DIR) + "/../../scenarios/quickstart.yaml",
                                          {"port.gateways=[]", "port.gateway_grid={columns: 4, rows: 2}"});
  REQUIRE(scenario.port.gateways.size() == 8);
  CHECK(scenario.port.gateways == place_gateway_grid(scenario.port.yard, grid_shape_columns_rows(4, 2)));
}
