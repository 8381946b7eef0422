// Reads the voyage world's routes (scenarios/README.md "Routes, services and itineraries"):
// voyage.routes, inline or in route files, their waypoints and legs; and the checks the services
// share with them (a ship's pace, unique names, a waypoint's place on its route). Separate from the
// voyage reader because a route is its own file format: its errors name the route file.
#include "sim/scenario/route_reader.hpp"

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <system_error>

#include "models/ship_schedule.hpp"
#include "sim/base/input_file.hpp"
#include "sim/scenario/scenario_text_check.hpp"
#include "sim/scenario/voyage_services.hpp"

namespace fleet::sim::loader {
namespace {

// [A] Container ships sail at 12–25 kn; these bounds only catch a unit slip (16.3 written as m/s, or
// as km/h read as knots by mistake) and a canal passage below walking pace.
constexpr double MIN_SHIP_SPEED_M_PER_S = 1.0 * models::KNOT_M_PER_S;
constexpr double MAX_SHIP_SPEED_M_PER_S = 30.0 * models::KNOT_M_PER_S;

std::string knots_text(double speed_m_per_s) {
  std::array<char, 32> text{};
  std::snprintf(text.data(), text.size(), "%.1fkn", speed_m_per_s / models::KNOT_M_PER_S);
  return text.data();
}

}  // namespace

// A ship speed (a service's, or a passage's length over its transit) inside the bounds above.
void check_ship_speed(const Context& ctx, const Field& field, double speed_m_per_s, const std::string& what) {
  if (speed_m_per_s >= MIN_SHIP_SPEED_M_PER_S && speed_m_per_s <= MAX_SHIP_SPEED_M_PER_S) return;
  ctx.fail_value(field, what + " " + knots_text(speed_m_per_s) + ", outside the range of a ship (" +
                            knots_text(MIN_SHIP_SPEED_M_PER_S) + " to " + knots_text(MAX_SHIP_SPEED_M_PER_S) + ")");
}

// Reads a list whose entries must have distinct `name`s; `seen` collects the name fields.
void check_unique_name(const Context& ctx, const Field& name, std::vector<Field>& seen, const std::string& what) {
  const std::string text = read_text(ctx, name);
  if (text.empty()) ctx.fail_value(name, "a " + what + " name must not be empty");
  for (const Field& earlier : seen) {
    if (earlier.node.Scalar() != text) continue;
    // A name given in a route file is told by its file and line.
    const SourceLocation& at = earlier.key_spot.location;
    const std::string where = at.file == name.key_spot.location.file ? earlier.path : at.file + ":" + std::to_string(at.line);
    ctx.fail_value(name, "duplicate " + what + " name '" + text + "' (already used by " + where + ")");
  }
  seen.push_back(name);
}

namespace {

WaypointSpec read_waypoint(const Context& ctx, const Field& element, std::vector<Field>& seen, bool last) {
  const Section s(ctx, element, {"name", "lat", "lon", "next_leg"});
  WaypointSpec point;
  const Field name = s.require("name");
  check_unique_name(ctx, name, seen, "waypoint");
  point.name = name.node.Scalar();
  s.require("lat");
  s.require("lon");
  point.position = read_position(s, {});
  if (const auto leg = s.find("next_leg")) {
    if (last) ctx.fail(leg->key_spot, leg->path, "the last waypoint has no next leg");
    const Section l(ctx, *leg, {"length", "transit"});
    point.sailed_length_m = l.quantity("length", Dimension::DISTANCE, 0, Check::POSITIVE);
    point.transit_s = l.quantity("transit", Dimension::TIME, 0, Check::POSITIVE);
  }
  return point;
}

// A route's `name` and `waypoints` (the keys of a route file, or of an inline entry).
RouteSpec read_route_body(const Context& ctx, const Section& s, std::vector<Field>& route_names) {
  RouteSpec route;
  const Field name = s.require("name");
  check_unique_name(ctx, name, route_names, "route");
  route.name = name.node.Scalar();
  const Field list = s.require("waypoints");
  const std::vector<Field> elements =
      s.list(list, "a list of waypoints such as [{name: Fos-sur-Mer, lat: 43.40, lon: 4.88}, ...]", "waypoint");
  if (elements.size() < 2) ctx.fail_value(list, "a route needs at least two waypoints, got 1");
  std::vector<Field> seen;
  for (std::size_t w = 0; w < elements.size(); ++w)
    route.waypoints.push_back(read_waypoint(ctx, elements[w], seen, w + 1 == elements.size()));
  // The models' own rules (no antipodal leg): reported at the leg's first waypoint.
  try {
    (void)route_model(route);
  } catch (const std::invalid_argument& error) {
    ctx.fail_value(list, error.what());
  }
  // A passage's sailed length is never shorter than its great circle, and its transit is at a ship's pace.
  for (std::size_t w = 0; w + 1 < route.waypoints.size(); ++w) {
    const WaypointSpec& point = route.waypoints[w];
    const double great_circle_m = models::great_circle_distance_m(to_lat_lon(point.position),
                                                                  to_lat_lon(route.waypoints[w + 1].position));
    const Section leg = Section(ctx, elements[w], {"name", "lat", "lon", "next_leg"}).section("next_leg", {"length", "transit"});
    const std::string passage = "the leg from " + point.name + " to " + route.waypoints[w + 1].name;
    if (point.sailed_length_m > 0 && point.sailed_length_m < great_circle_m * (1 - 1e-9)) {
      ctx.fail_value(*leg.find("length"), passage + " is " + format_quantity(great_circle_m, Dimension::DISTANCE) +
                                              " on the great circle: a sailed length cannot be shorter");
    }
    if (point.transit_s > 0) {
      const double length_m = point.sailed_length_m > 0 ? point.sailed_length_m : great_circle_m;
      std::array<char, 32> km{};
      std::snprintf(km.data(), km.size(), "%.1fkm", length_m / 1000);
      check_ship_speed(ctx, *leg.find("transit"), length_m / point.transit_s,
                       passage + ", " + km.data() + " in this transit: a pace of");
    }
  }
  return route;
}

}  // namespace

// voyage.routes[i]: {file: routes/x.yaml} (relative to the scenario's folder; its errors name that
// file) or {name, waypoints} inline.
RouteSpec read_route(const Context& ctx, const Field& element, std::vector<Field>& route_names) {
  const Section entry(ctx, element, {"file", "name", "waypoints"});
  const auto file = entry.find("file");
  if (!file) return read_route_body(ctx, entry, route_names);
  for (std::string_view key : {"name", "waypoints"})
    if (auto field = entry.find(key))
      ctx.fail(field->key_spot, field->path, "a route read from a file takes its " + std::string(key) + " from the file");
  const std::filesystem::path path = ctx.resolve_path(scalar_text(ctx, *file, "the path of a route file"));
  // Like a device profile: a regular file under the size cap, then the same text checks as a scenario.
  const InputFile in = read_input_file(path.string());
  if (!in.ok) ctx.fail_value(*file, "cannot read the route file " + path.string() + ": " + in.error);
  check_yaml_text(in.text, path.string(), "route file");
  const Context route_ctx(path.string(), in.text, {});
  const YAML::Node root = parse_yaml(route_ctx, in.text);
  // The file's name field is checked against the scenario's other routes, but reported in the file.
  return read_route_body(route_ctx, Section(route_ctx, route_ctx.root(root), {"name", "waypoints"}), route_names);
}

std::vector<std::string> waypoint_names(const RouteSpec& route) {
  std::vector<std::string> names;
  for (const WaypointSpec& point : route.waypoints) names.push_back(point.name);
  return names;
}

std::size_t waypoint_position(const RouteSpec& route, const std::string& name) {
  const auto found = std::find_if(route.waypoints.begin(), route.waypoints.end(),
                                  [&](const WaypointSpec& point) { return point.name == name; });
  return static_cast<std::size_t>(found - route.waypoints.begin());
}

}  // namespace fleet::sim::loader
