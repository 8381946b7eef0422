#include "models/route.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <stdexcept>

#include "models/great_circle.hpp"

namespace fleet::models {
namespace {
// Leg angles this close to π leave the great circle ill defined (sin Ω → 0 in slerp): 1e-6 rad ≈ 6 m.
constexpr double MAX_LEG_ANGLE_RAD = std::numbers::pi - 1e-6;
}  // namespace

Route::Route(std::vector<Waypoint> waypoints, const std::vector<LegDistanceOverride>& overrides)
    : waypoints_(std::move(waypoints)), overrides_(overrides) {
  if (waypoints_.size() < 2) throw std::invalid_argument("Route: needs at least two waypoints");
  unit_vectors_.reserve(waypoints_.size());
  for (const Waypoint& waypoint : waypoints_) unit_vectors_.push_back(to_unit_vector(waypoint.position));
  std::vector<double> leg_length_m;
  for (std::size_t leg = 0; leg + 1 < waypoints_.size(); ++leg) {
    const double angle_rad = central_angle_rad(unit_vectors_[leg], unit_vectors_[leg + 1]);
    if (angle_rad > MAX_LEG_ANGLE_RAD)
      throw std::invalid_argument("Route: waypoints " + std::to_string(leg) + " and " +
                                  std::to_string(leg + 1) + " are antipodal; add a waypoint between them");
    leg_angle_rad_.push_back(angle_rad);
    leg_length_m.push_back(angle_rad * EARTH_MEAN_RADIUS_M);
  }
  std::vector<bool> overridden(leg_length_m.size(), false);
  for (const LegDistanceOverride& override : overrides_) {
    if (override.leg >= leg_length_m.size() || overridden[override.leg])
      throw std::invalid_argument("Route: distance override for leg " + std::to_string(override.leg) +
                                  " names a missing leg or repeats one");
    if (!(override.sailed_distance_m > 0.0) || !std::isfinite(override.sailed_distance_m))
      throw std::invalid_argument("Route: sailed distance of leg " + std::to_string(override.leg) +
                                  " must be positive and finite");
    overridden[override.leg] = true;
    leg_length_m[override.leg] = override.sailed_distance_m;
  }
  cumulative_m_.reserve(waypoints_.size());
  cumulative_m_.push_back(0.0);
  for (const double length_m : leg_length_m) cumulative_m_.push_back(cumulative_m_.back() + length_m);
}

std::size_t Route::waypoint_index(const std::string& name) const {
  const auto found =
      std::find_if(waypoints_.begin(), waypoints_.end(), [&](const Waypoint& w) { return w.name == name; });
  if (found == waypoints_.end()) throw std::invalid_argument("Route: no waypoint named '" + name + "'");
  return static_cast<std::size_t>(found - waypoints_.begin());
}

std::size_t Route::leg_at_distance(double distance_m) const {
  if (!(distance_m >= 0.0 && distance_m <= length_m()))
    throw std::out_of_range("Route: distance " + std::to_string(distance_m) + " m outside [0, " +
                            std::to_string(length_m()) + "] m");
  // upper_bound finds the first waypoint strictly beyond d; the leg starts one before it.
  const auto beyond = std::upper_bound(cumulative_m_.begin(), cumulative_m_.end(), distance_m);
  const auto leg = static_cast<std::size_t>(beyond - cumulative_m_.begin()) - 1;
  return std::min(leg, leg_count() - 1);
}

Eigen::Vector3d Route::vector_at_distance(double distance_m) const {
  const std::size_t leg = leg_at_distance(distance_m);
  const double leg_length_m = cumulative_m_[leg + 1] - cumulative_m_[leg];
  const double fraction = leg_length_m > 0.0 ? (distance_m - cumulative_m_[leg]) / leg_length_m : 0.0;
  return slerp(unit_vectors_[leg], unit_vectors_[leg + 1], leg_angle_rad_[leg], fraction);
}

LatLon Route::position_at_distance(double distance_m) const { return to_lat_lon(vector_at_distance(distance_m)); }

UnitVector Route::unit_vector_at_distance(double distance_m) const {
  const Eigen::Vector3d v = vector_at_distance(distance_m);
  return UnitVector{v.x(), v.y(), v.z()};
}

Route Route::reversed() const {
  // Leg i of the reversed route is leg (legs − 1 − i) of this one.
  std::vector<LegDistanceOverride> reversed_overrides;
  for (const LegDistanceOverride& override : overrides_)
    reversed_overrides.push_back({leg_count() - 1 - override.leg, override.sailed_distance_m});
  return Route(std::vector<Waypoint>(waypoints_.rbegin(), waypoints_.rend()), reversed_overrides);
}

}  // namespace fleet::models
