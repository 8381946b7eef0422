#pragma once
// A container's journey: at the shipper, a truck to the port, the export yard, one or more voyage legs
// (transshipment through a yard between ships), the import yard, a truck to the consignee, delivered.
// Built once per container from its own RandomStream (the caller derives it from (seed, device id,
// ITINERARY)); afterwards phase and position at any time are a binary search over the segments,
// O(log segments), plus the ship's own O(log) lookup at sea. See models/route.hpp for the wiring.
//
// Anchoring: ships keep their schedules and containers fit around them. The container is loaded when the
// ship leaves the boarding port and discharged when it arrives at the alighting port (the call itself
// counts as yard time: same port, same radio coverage). Export dwell (gate-in → loading) and import dwell
// (discharge → gate-out) are drawn; the truck runs are timed so the container reaches the yard exactly at
// the drawn gate-in. Transshipment dwell is what the two schedules leave between discharge and loading.
#include <cstddef>
#include <span>
#include <string>
#include <vector>

#include "models/geo.hpp"
#include "models/random_stream.hpp"
#include "models/ship_schedule.hpp"

namespace fleet::models {

enum class JourneyPhase {
  AT_ORIGIN,  // at the shipper, before the truck leaves
  ROAD,       // on a truck
  YARD,       // stacked in a port's yard (export, transshipment or import)
  AT_SEA,     // on board, between ports (canals included)
  PORT_CALL,  // on board while the ship is alongside at an intermediate port
  DELIVERED,  // at the consignee
};
const char* to_string(JourneyPhase phase);

// Shifted log-normal: dwell = min_s + (median_s − min_s)·exp(sigma_ln·Z), Z ~ N(0, 1). Dwell times are
// right-skewed with a floor (a box cannot be loaded before it is received and processed); the median is
// the median. Defaults: gate-in to loading of 4.5 days is the worked example of a terminal consultancy
// (portwiseconsultancy.com, "How to measure container dwell times") [U]; sigma is an assumption [A].
struct DwellDistribution {
  double min_s = 12 * 3600.0;
  double median_s = 4.5 * 86400.0;
  double sigma_ln = 0.5;

  double draw_s(RandomStream& stream) const;
};

struct Place {
  std::string name;
  LatLon position;
};

struct VoyageLeg {
  std::size_t ship;             // index into the ships span given to build_itinerary
  std::size_t board_waypoint;   // port call where the container is loaded
  std::size_t alight_waypoint;  // port call where it is discharged
};

struct ItineraryPlan {
  Place origin;                             // inland shipper
  Place destination;                        // inland consignee
  double truck_speed_m_per_s = 50.0 / 3.6;  // [A] average door-to-gate pace including traffic
  double road_detour_factor = 1.3;          // [A] road distance / great circle
  std::vector<VoyageLeg> legs;              // legs[k+1] boards at the port where legs[k] alighted
  // No ship connects onwards within the schedules known: the box stays in the yard where the last leg
  // alighted, to the end (no import dwell, no truck, never delivered).
  bool held_at_last_port = false;
  DwellDistribution export_dwell;
  DwellDistribution import_dwell;
};

struct JourneySegment {
  JourneyPhase phase;
  double start_s;
  double end_s;
  std::size_t ship;      // AT_SEA / PORT_CALL: the ship; YARD: the ship just left or about to board
  std::size_t waypoint;  // YARD / PORT_CALL: the port's waypoint on that ship's route
};

struct JourneyState {
  JourneyPhase phase;
  LatLon position;
  std::size_t segment;  // index into segments()
};

class ContainerItinerary {
 public:
  // Throws std::invalid_argument if a leg is not a pair of port calls in route order, a transshipment
  // changes port or misses its connection (the next ship leaves before the previous one arrives).
  ContainerItinerary(const ItineraryPlan& plan, std::span<const ShipSchedule> ships, RandomStream& stream);

  const std::vector<JourneySegment>& segments() const { return segments_; }
  // Phase at t: the segment that starts at or before t and ends after it (AT_ORIGIN before the first
  // truck, DELIVERED after the last).
  std::size_t segment_at(double time_s) const;
  // `ships` must be the span the itinerary was built with.
  JourneyState state_at(double time_s, std::span<const ShipSchedule> ships) const;

 private:
  void add(JourneyPhase phase, double start_s, double end_s, std::size_t ship, std::size_t waypoint);

  Place origin_;
  Place destination_;
  std::vector<JourneySegment> segments_;
};

}  // namespace fleet::models
