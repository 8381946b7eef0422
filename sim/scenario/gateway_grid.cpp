#include "sim/scenario/gateway_grid.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include "models/geo.hpp"

namespace fleet::sim {

namespace {
// The sides of the rectangle the grid covers, metres.
std::pair<double, double> bounding_sides_m(const YardSpec& yard) {
  if (yard.shape == "disc") return {2 * yard.radius_m, 2 * yard.radius_m};
  return {yard.east_extent_m, yard.north_extent_m};
}
}  // namespace

GridShape grid_shape_columns_rows(std::uint32_t columns, std::uint32_t rows) {
  return GridShape{rows, std::vector<std::uint32_t>(rows, columns)};
}

GridShape grid_shape_for_count(const YardSpec& yard, std::uint32_t count) {
  const auto [east_m, north_m] = bounding_sides_m(yard);
  // A degenerate yard (a line) gets one band along its long side.
  const double aspect = east_m > 0 ? north_m / east_m : 1.0;
  auto rows = static_cast<std::uint32_t>(std::lround(std::sqrt(static_cast<double>(count) * aspect)));
  rows = std::clamp<std::uint32_t>(rows, 1, count);
  std::uint32_t columns = (count + rows - 1) / rows;
  // Every band must hold at least one gateway: 7 in 3 bands of 3 would leave the last one 1, fine;
  // 5 in 4 bands of 2 would leave it -1, so fewer bands.
  while (rows > 1 && (rows - 1) * columns >= count) {
    --rows;
    columns = (count + rows - 1) / rows;
  }
  GridShape shape{rows, std::vector<std::uint32_t>(rows, columns)};
  shape.cells_per_row.back() = count - (rows - 1) * columns;
  return shape;
}

std::vector<GatewaySpec> place_gateway_grid(const YardSpec& yard, const GridShape& shape) {
  const auto [east_m, north_m] = bounding_sides_m(yard);
  const models::LocalTangentPlane plane({yard.center.lat_deg, yard.center.lon_deg});
  std::vector<GatewaySpec> gateways;
  for (std::uint32_t row = 0; row < shape.rows; ++row) {
    const std::uint32_t cells = shape.cells_per_row[row];
    const double north = north_m / 2 - (row + 0.5) * north_m / shape.rows;
    for (std::uint32_t cell = 0; cell < cells; ++cell) {
      const double east = -east_m / 2 + (cell + 0.5) * east_m / cells;
      const models::LatLon where = plane.to_geo({east, north});
      gateways.push_back({"gw-" + std::to_string(gateways.size() + 1), {where.lat_deg, where.lon_deg}});
    }
  }
  return gateways;
}

}  // namespace fleet::sim
