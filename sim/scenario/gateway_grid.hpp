#pragma once
// Gateways placed on a regular grid over a yard (`port.gateway_grid`), so that a study can vary the
// number of gateways without writing coordinates (scenarios/README.md, "port.gateway_grid").
//
// Placement rule: the yard's bounding rectangle (east_extent x north_extent; for a disc yard the
// square of side 2 x radius) is cut into `rows` bands from north to south; each band is cut into
// equal cells from west to east, and a gateway stands at the centre of each cell. With
// {columns: C, rows: R} every band has C cells. With {count: N} the grid is as square in metres as
// the yard allows: R = clamp(round(sqrt(N x north / east)), 1, N) bands, C = ceil(N / R) cells in
// each band but the southernmost, which holds what is left (N - (R-1) x C, at least 1: R is lowered
// until it is) spread over the full width. Names are gw-1 .. gw-N in that order (north-west first).
#include <cstdint>
#include <vector>

#include "sim/scenario/scenario.hpp"

namespace fleet::sim {

struct GridShape {
  std::uint32_t rows = 1;
  std::vector<std::uint32_t> cells_per_row;  // one entry per row, north first
};

GridShape grid_shape_columns_rows(std::uint32_t columns, std::uint32_t rows);
GridShape grid_shape_for_count(const YardSpec& yard, std::uint32_t count);

std::vector<GatewaySpec> place_gateway_grid(const YardSpec& yard, const GridShape& shape);

}  // namespace fleet::sim
