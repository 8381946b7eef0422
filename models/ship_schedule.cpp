#include "models/ship_schedule.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace fleet::models {
namespace {
void require(bool condition, const std::string& ship, const std::string& what) {
  if (!condition) throw std::invalid_argument("ShipSchedule '" + ship + "': " + what);
}
}  // namespace

ShipSchedule::ShipSchedule(Route route, VoyagePlan plan) : route_(std::move(route)), plan_(std::move(plan)) {
  const std::string& name = plan_.ship_name;
  const std::size_t waypoints = route_.waypoint_count();
  require(plan_.speed_m_per_s > 0.0 && std::isfinite(plan_.speed_m_per_s), name, "speed must be positive");
  require(std::isfinite(plan_.start_s), name, "start time must be finite");
  for (std::size_t i = 0; i < plan_.port_calls.size(); ++i) {
    const PortCall& call = plan_.port_calls[i];
    require(call.waypoint < waypoints, name,
            "port call at waypoint " + std::to_string(call.waypoint) + " beyond the route");
    require(i == 0 || call.waypoint > plan_.port_calls[i - 1].waypoint, name,
            "port calls must follow the route order");
    require(call.dwell_s >= 0.0 && std::isfinite(call.dwell_s), name, "port call dwell must be non-negative");
  }
  for (const SpeedOverride& override : plan_.speed_overrides) {
    require(override.first_waypoint < override.last_waypoint && override.last_waypoint < waypoints, name,
            "speed override must span legs of the route");
    require(override.speed_m_per_s > 0.0 && std::isfinite(override.speed_m_per_s), name,
            "speed override must be positive");
  }

  std::vector<double> dwell_s(waypoints, 0.0);
  std::vector<bool> calls(waypoints, false);
  for (const PortCall& call : plan_.port_calls) {
    dwell_s[call.waypoint] = call.dwell_s;
    calls[call.waypoint] = true;
  }
  double now_s = plan_.start_s;
  for (std::size_t waypoint = 0; waypoint < waypoints; ++waypoint) {
    const double distance_m = route_.distance_at_waypoint_m(waypoint);
    arrival_s_.push_back(now_s);
    if (calls[waypoint]) segments_.push_back({now_s, distance_m, 0.0, waypoint, ShipActivity::IN_PORT});
    now_s += dwell_s[waypoint];
    departure_s_.push_back(now_s);
    if (waypoint + 1 == waypoints) break;
    const double speed = leg_speed_m_per_s(waypoint);
    segments_.push_back({now_s, distance_m, speed, waypoint, ShipActivity::SAILING});
    now_s += (route_.distance_at_waypoint_m(waypoint + 1) - distance_m) / speed;
  }
}

bool ShipSchedule::is_port_call(std::size_t waypoint) const {
  return std::any_of(plan_.port_calls.begin(), plan_.port_calls.end(),
                     [&](const PortCall& call) { return call.waypoint == waypoint; });
}

double ShipSchedule::leg_speed_m_per_s(std::size_t leg) const {
  // The last override that covers the leg wins, so a scenario can refine a broad one.
  double speed = plan_.speed_m_per_s;
  for (const SpeedOverride& override : plan_.speed_overrides)
    if (leg >= override.first_waypoint && leg < override.last_waypoint) speed = override.speed_m_per_s;
  return speed;
}

ShipState ShipSchedule::state_at(double time_s) const {
  const std::size_t last = route_.waypoint_count() - 1;
  if (time_s < plan_.start_s) return {ShipActivity::NOT_STARTED, route_.waypoint(0).position, 0.0, 0};
  if (time_s >= end_s())
    return {ShipActivity::FINISHED, route_.waypoint(last).position, route_.length_m(), last};
  ShipState state = located_at(time_s);
  state.position = route_.position_at_distance(state.distance_m);
  return state;
}

UnitVector ShipSchedule::unit_vector_at(double time_s) const {
  // Before the start and after the end the ship is at a waypoint: state_at says which.
  if (time_s < plan_.start_s || time_s >= end_s()) return unit_vector(state_at(time_s).position);
  return route_.unit_vector_at_distance(located_at(time_s).distance_m);
}

ShipState ShipSchedule::located_at(double time_s) const {
  const std::size_t last = route_.waypoint_count() - 1;
  // The segment holding t is the last one that starts at or before t. Zero-length segments (a dwell of
  // 0) are skipped by upper_bound, which lands after every segment starting at t.
  const auto after = std::upper_bound(segments_.begin(), segments_.end(), time_s,
                                      [](double t, const Segment& segment) { return t < segment.start_s; });
  const Segment& segment = *std::prev(after);
  const double leg_end_m = route_.distance_at_waypoint_m(std::min(segment.waypoint + 1, last));
  const double distance_m =
      std::min(segment.start_distance_m + segment.speed_m_per_s * (time_s - segment.start_s), leg_end_m);
  return {segment.activity, LatLon{}, distance_m, segment.waypoint};
}

}  // namespace fleet::models
