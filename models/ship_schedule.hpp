#pragma once
// A ship's voyage: a Route sailed at a speed (per leg where overridden: canal convoys), stopping at port
// calls for a dwell. The schedule is a sorted list of segments (in port / sailing one leg), so the ship's
// state at any time is a binary search over segment start times, then one over the route's legs:
// O(log segments + log legs). See models/route.hpp for how the lead wires it.
#include <cstddef>
#include <string>
#include <vector>

#include "models/geo.hpp"
#include "models/route.hpp"

namespace fleet::models {

inline constexpr double METRES_PER_NAUTICAL_MILE = 1852.0;  // exact, by definition (1929)
inline constexpr double KNOT_M_PER_S = METRES_PER_NAUTICAL_MILE / 3600.0;

struct PortCall {
  std::size_t waypoint;  // index into the route
  double dwell_s;        // alongside, from arrival to departure
};

// Legs from waypoint `first_waypoint` to waypoint `last_waypoint` are sailed at `speed_m_per_s`.
struct SpeedOverride {
  std::size_t first_waypoint;
  std::size_t last_waypoint;
  double speed_m_per_s;
};

struct VoyagePlan {
  std::string ship_name;
  double speed_m_per_s = 16.3 * KNOT_M_PER_S;  // docs/sources.md §6/§9: Far East–Europe average > 16.3 kn [S]
  double start_s = 0;  // arrival at the route's first waypoint (the first port call starts then)
  std::vector<PortCall> port_calls;  // strictly increasing waypoint indices
  std::vector<SpeedOverride> speed_overrides;
};

enum class ShipActivity {
  NOT_STARTED,  // before start_s: at the first waypoint, not yet on this voyage
  IN_PORT,      // alongside at a port call
  SAILING,
  FINISHED,  // after the last arrival (and its dwell): at the last waypoint
};

struct ShipState {
  ShipActivity activity;
  LatLon position;
  double distance_m;     // along the route
  std::size_t waypoint;  // IN_PORT: the port call's waypoint; SAILING: the leg's first waypoint
};

class ShipSchedule {
 public:
  // Throws std::invalid_argument for a non-positive speed, a port call or override out of the route or
  // out of order, or a negative dwell.
  ShipSchedule(Route route, VoyagePlan plan);

  const Route& route() const { return route_; }
  const VoyagePlan& plan() const { return plan_; }
  double arrival_s(std::size_t waypoint) const { return arrival_s_.at(waypoint); }
  double departure_s(std::size_t waypoint) const { return departure_s_.at(waypoint); }
  double end_s() const { return departure_s_.back(); }
  bool is_port_call(std::size_t waypoint) const;

  ShipState state_at(double time_s) const;
  // Where state_at(time_s) puts the ship, as a unit vector from the Earth's centre (equal to the unit
  // vector of its position to rounding, without the conversion to latitude and longitude and back):
  // for screening many instants against ports by the chord. The position itself comes from state_at.
  UnitVector unit_vector_at(double time_s) const;

 private:
  struct Segment {
    double start_s;
    double start_distance_m;
    double speed_m_per_s;  // 0 in port
    std::size_t waypoint;
    ShipActivity activity;
  };
  double leg_speed_m_per_s(std::size_t leg) const;
  // state_at without the position (left zero), for plan().start_s ≤ time_s < end_s().
  ShipState located_at(double time_s) const;

  Route route_;
  VoyagePlan plan_;
  std::vector<double> arrival_s_;    // per waypoint
  std::vector<double> departure_s_;  // per waypoint; equal to arrival where the ship does not stop
  std::vector<Segment> segments_;    // sorted by start_s
};

}  // namespace fleet::models
