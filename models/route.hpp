#pragma once
// A sea (or road) route: waypoints joined by great-circle legs on the sphere of mean radius, with the
// cumulative distance at each waypoint, so "where is the ship after d metres" is a binary search over
// the legs (O(log legs)) plus one slerp.
//
// ── How the lead wires the world (issue 6) ───────────────────────────────────────────────────────────
// models/route         Route: waypoints → distances and positions.            (this file)
// models/ship_schedule ShipSchedule: Route + speed + port calls → time at every waypoint, ship state.
// models/itinerary     ContainerItinerary: truck → yard → voyage legs (transshipment) → yard → truck,
//                      dwell times drawn from a RandomStream; phase and position at any time.
// models/ship_slot     Container slot on board → extra attenuation to the ship hub.
// models/cable_catalogue  SEA-ME-WE 5/6, AAE-1, PEACE, IMEWE: landings, lengths, fibre latency.
// models/satellite_link   GEO/LEO figures, bent-pipe delay, price per MB.
// models/network_graph    Latency-shortest paths over links that are up (the IP layer's routing).
// sim/network_platform    NetworkDescription → SimGrid hosts/links; hop-by-hop transfers that follow
//                         the current shortest path, link faults from state profiles.
//
// The scenario writes routes, services and itineraries as data (voyage.routes, voyage.services,
// voyage.itinerary.legs: scenarios/README.md); sim/voyage_services turns them into these structs.
// ────────────────────────────────────────────────────────────────────────────────────────────────────
#include <cstddef>
#include <string>
#include <vector>

#include <Eigen/Core>

#include "models/geo.hpp"

namespace fleet::models {

struct Waypoint {
  std::string name;  // may be empty for a turning point at sea
  LatLon position;
};

// A leg whose sailed distance is not its great circle: a canal with its approach channels, a coastal
// passage. The ship still draws the great circle on the map, but moves along it at the sailed pace, so
// times and distances match the real passage (docs/sources.md §6 counts Suez as the canal's 104.4 nm where the
// great circle Port Tewfik–Port Said is 83 nm).
struct LegDistanceOverride {
  std::size_t leg;  // leg i joins waypoint i to waypoint i + 1
  double sailed_distance_m;
};

class Route {
 public:
  // At least two waypoints; consecutive waypoints must not be antipodal (the great circle between
  // antipodes is not unique). Throws std::invalid_argument otherwise.
  // Overrides must name existing legs, once each, with a positive distance.
  explicit Route(std::vector<Waypoint> waypoints, const std::vector<LegDistanceOverride>& overrides = {});

  std::size_t waypoint_count() const { return waypoints_.size(); }
  std::size_t leg_count() const { return waypoints_.size() - 1; }
  const Waypoint& waypoint(std::size_t index) const { return waypoints_.at(index); }
  // Index of the first waypoint with this name; throws std::invalid_argument naming it if none.
  std::size_t waypoint_index(const std::string& name) const;

  double length_m() const { return cumulative_m_.back(); }
  // Distance along the route from the first waypoint to waypoint `index`.
  double distance_at_waypoint_m(std::size_t index) const { return cumulative_m_.at(index); }

  // The leg that holds the point at `distance_m`: the last leg i with distance_at_waypoint_m(i) ≤ d.
  // A distance exactly on a waypoint belongs to the leg that starts there (the last leg keeps its end).
  // Throws std::out_of_range outside [0, length_m()].
  std::size_t leg_at_distance(double distance_m) const;
  LatLon position_at_distance(double distance_m) const;
  // The same point as a unit vector from the Earth's centre, before its conversion to latitude and
  // longitude (two atan2): for code that screens many points against a range by the chord.
  UnitVector unit_vector_at_distance(double distance_m) const;

  // The same waypoints in the opposite order, overrides carried over: the return voyage.
  Route reversed() const;

 private:
  // The slerp on the leg that holds distance_m: what position_at_distance and unit_vector_at_distance convert.
  Eigen::Vector3d vector_at_distance(double distance_m) const;

  std::vector<Waypoint> waypoints_;
  std::vector<LegDistanceOverride> overrides_;
  std::vector<Eigen::Vector3d> unit_vectors_;
  std::vector<double> leg_angle_rad_;
  std::vector<double> cumulative_m_;  // waypoint_count() entries, starting at 0
};

}  // namespace fleet::models
