// Reads the port (scenarios/README.md `port`): its gateways, listed or placed on a grid, its yard
// and its gateway link; and the site every port shares (the single port of the yard world, each
// entry of the voyage world's `ports`). Separate because the yard world's whole radio side stands
// on it, and the voyage reader reuses the site.
#include "sim/scenario/port_reader.hpp"

#include <cstdint>
#include <initializer_list>
#include <string_view>

#include "sim/scenario/gateway_grid.hpp"

namespace fleet::sim::loader {
namespace {

const std::initializer_list<std::string_view> YARD_SHAPES{"rectangle", "disc"};

// `seen` maps the names of the gateways read so far to where they are written: names are unique over
// every port (a map: a port of 100,000 gateways loads in n log n).
// A port of the voyage world may have none (`gateways: []` or no key): its LTE-M network still covers
// the ships that pass it; the single port of the yard world needs one.
std::vector<GatewaySpec> read_gateways(const Context& ctx, const Section& port, std::map<std::string, std::string>& seen,
                                       bool required) {
  const auto field = port.find("gateways");
  if (!required && (!field || (field->node.IsSequence() && field->node.size() == 0))) return {};
  if (!field)
    ctx.fail(port.field().key_spot, join_path(port.field().path, "gateways"),
             "at least one gateway is required");
  std::vector<GatewaySpec> gateways;
  for (const Field& element :
       port.list(*field, "a list of gateways such as [{name: gw-1, lat: 43.4, lon: 4.9}]", "gateway")) {
    const Section section(ctx, element, {"name", "lat", "lon"});
    const Field name = section.require("name");
    GatewaySpec gateway{read_text(ctx, name), {}};
    if (gateway.name.empty()) ctx.fail_value(name, "a gateway name must not be empty");
    if (const auto [earlier, added] = seen.emplace(gateway.name, name.path); !added) {
      ctx.fail_value(name, "duplicate gateway name '" + gateway.name + "' (already used by " + earlier->second + ")");
    }
    section.require("lat");
    section.require("lon");
    gateway.position = read_position(section, {});
    gateways.push_back(std::move(gateway));
  }
  return gateways;
}

// port.gateway_grid (sim/scenario/gateway_grid.hpp has the placement rule): {columns: C, rows: R} or {count: N}.
std::vector<GatewaySpec> read_gateway_grid(const Context& ctx, const Section& port, const YardSpec& yard) {
  const Section grid = port.section("gateway_grid", {"columns", "rows", "count"});
  const auto count = grid.find("count");
  if (count && (grid.find("columns") || grid.find("rows")))
    grid.fail("give either count or columns and rows, not both");
  if (count) return place_gateway_grid(yard, grid_shape_for_count(yard, static_cast<std::uint32_t>(read_integer(ctx, *count, 1, 1024))));
  const auto columns = static_cast<std::uint32_t>(read_integer(ctx, grid.require("columns"), 1, 1024));
  const auto rows = static_cast<std::uint32_t>(read_integer(ctx, grid.require("rows"), 1, 1024));
  if (columns * rows > 1024) grid.fail("columns x rows must be at most 1024 gateways");
  return place_gateway_grid(yard, grid_shape_columns_rows(columns, rows));
}

}  // namespace

// What `port` and each entry of `ports` share: gateways, yard and gateway link.
void read_port_site(const Context& ctx, const Section& section, std::map<std::string, std::string>& seen_gateways, PortSpec& port,
                    bool gateways_required) {
  port.gateways = read_gateways(ctx, section, seen_gateways, gateways_required);
  const Section yard = section.section("yard", {"center", "shape", "east_extent", "north_extent", "radius"});
  port.yard.center = read_position(yard.section("center", {"lat", "lon"}), port.yard.center);
  if (auto field = yard.find("shape")) port.yard.shape = read_choice(ctx, *field, "yard shape", YARD_SHAPES);
  port.yard.radius_m = yard.quantity("radius", Dimension::DISTANCE, port.yard.radius_m, Check::POSITIVE);
  port.yard.east_extent_m =
      yard.quantity("east_extent", Dimension::DISTANCE, port.yard.east_extent_m, Check::NON_NEGATIVE);
  port.yard.north_extent_m =
      yard.quantity("north_extent", Dimension::DISTANCE, port.yard.north_extent_m, Check::NON_NEGATIVE);
  port.gateway_link = read_link(section.section("gateway_link", {"latency", "bandwidth"}), port.gateway_link);
}

PortSpec read_port(const Context& ctx, const Section& top) {
  PortSpec port;
  const Section section = top.section("port", {"name", "gateways", "gateway_grid", "yard", "gateway_link"});
  port.name = section.text("name", port.name);
  std::map<std::string, std::string> seen_gateways;
  // A grid replaces the list: `gateways` must then be absent or [] (so a sweep over a scenario that
  // lists gateways sets port.gateways=[] beside port.gateway_grid).
  const auto grid = section.find("gateway_grid");
  const auto listed = section.find("gateways");
  if (grid && listed && !(listed->node.IsSequence() && listed->node.size() == 0)) {
    ctx.fail(grid->key_spot, grid->path,
             "port.gateways and port.gateway_grid are mutually exclusive: list the gateways or place them "
             "on a grid (set port.gateways=[] to replace a scenario's list by a grid)");
  }
  read_port_site(ctx, section, seen_gateways, port, !grid);
  if (grid) port.gateways = read_gateway_grid(ctx, section, port.yard);
  return port;
}

}  // namespace fleet::sim::loader
