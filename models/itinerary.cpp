#include "models/itinerary.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>

#include "models/great_circle.hpp"

namespace fleet::models {
namespace {
constexpr double FOREVER_S = std::numeric_limits<double>::infinity();

void require(bool condition, const std::string& what) {
  if (!condition) throw std::invalid_argument("ContainerItinerary: " + what);
}

LatLon along_great_circle(LatLon from, LatLon to, double fraction) {
  const Eigen::Vector3d a = to_unit_vector(from);
  const Eigen::Vector3d b = to_unit_vector(to);
  return to_lat_lon(slerp(a, b, central_angle_rad(a, b), fraction));
}

double truck_time_s(const ItineraryPlan& plan, LatLon from, LatLon to) {
  return great_circle_distance_m(from, to) * plan.road_detour_factor / plan.truck_speed_m_per_s;
}
}  // namespace

const char* to_string(JourneyPhase phase) {
  switch (phase) {
    case JourneyPhase::AT_ORIGIN:
      return "at_origin";
    case JourneyPhase::ROAD:
      return "road";
    case JourneyPhase::YARD:
      return "yard";
    case JourneyPhase::AT_SEA:
      return "at_sea";
    case JourneyPhase::PORT_CALL:
      return "port_call";
    case JourneyPhase::DELIVERED:
      return "delivered";
  }
  return "unknown";
}

double DwellDistribution::draw_s(RandomStream& stream) const {
  return min_s + (median_s - min_s) * std::exp(stream.normal(0.0, sigma_ln));
}

ContainerItinerary::ContainerItinerary(const ItineraryPlan& plan, std::span<const ShipSchedule> ships,
                                       RandomStream& stream)
    : origin_(plan.origin), destination_(plan.destination) {
  require(!plan.legs.empty(), "needs at least one voyage leg");
  require(plan.truck_speed_m_per_s > 0.0 && plan.road_detour_factor >= 1.0,
          "truck speed must be positive and the road detour factor at least 1");
  for (const DwellDistribution* dwell : {&plan.export_dwell, &plan.import_dwell})
    require(dwell->min_s >= 0.0 && dwell->median_s >= dwell->min_s && dwell->sigma_ln >= 0.0,
            "dwell needs 0 <= min <= median and sigma >= 0");
  for (std::size_t k = 0; k < plan.legs.size(); ++k) {
    const VoyageLeg& leg = plan.legs[k];
    require(leg.ship < ships.size(), "leg " + std::to_string(k) + " names a ship that does not exist");
    const ShipSchedule& ship = ships[leg.ship];
    require(leg.board_waypoint < leg.alight_waypoint && ship.is_port_call(leg.board_waypoint) &&
                ship.is_port_call(leg.alight_waypoint),
            "leg " + std::to_string(k) + " must board and alight at port calls of " + ship.plan().ship_name +
                ", in route order");
  }

  // Draw order is fixed (export, then import), so the same stream always gives the same journey.
  const double export_dwell_s = plan.export_dwell.draw_s(stream);
  const double import_dwell_s = plan.import_dwell.draw_s(stream);

  const VoyageLeg& first = plan.legs.front();
  const ShipSchedule& first_ship = ships[first.ship];
  const LatLon export_port = first_ship.route().waypoint(first.board_waypoint).position;
  const double loading_s = first_ship.departure_s(first.board_waypoint);
  const double gate_in_s = loading_s - export_dwell_s;
  const double pickup_s = gate_in_s - truck_time_s(plan, origin_.position, export_port);
  add(JourneyPhase::AT_ORIGIN, -FOREVER_S, pickup_s, first.ship, first.board_waypoint);
  add(JourneyPhase::ROAD, pickup_s, gate_in_s, first.ship, first.board_waypoint);
  add(JourneyPhase::YARD, gate_in_s, loading_s, first.ship, first.board_waypoint);

  for (std::size_t k = 0; k < plan.legs.size(); ++k) {
    const VoyageLeg& leg = plan.legs[k];
    const ShipSchedule& ship = ships[leg.ship];
    double sailing_from_s = ship.departure_s(leg.board_waypoint);
    for (std::size_t w = leg.board_waypoint + 1; w < leg.alight_waypoint; ++w) {
      if (!ship.is_port_call(w)) continue;
      add(JourneyPhase::AT_SEA, sailing_from_s, ship.arrival_s(w), leg.ship, w);
      add(JourneyPhase::PORT_CALL, ship.arrival_s(w), ship.departure_s(w), leg.ship, w);
      sailing_from_s = ship.departure_s(w);
    }
    const double discharge_s = ship.arrival_s(leg.alight_waypoint);
    add(JourneyPhase::AT_SEA, sailing_from_s, discharge_s, leg.ship, leg.alight_waypoint);
    if (k + 1 == plan.legs.size()) break;

    const VoyageLeg& next = plan.legs[k + 1];
    const ShipSchedule& next_ship = ships[next.ship];
    const std::string& here = ship.route().waypoint(leg.alight_waypoint).name;
    require(!here.empty() && here == next_ship.route().waypoint(next.board_waypoint).name,
            "leg " + std::to_string(k + 1) + " must board where leg " + std::to_string(k) + " alighted");
    const double next_loading_s = next_ship.departure_s(next.board_waypoint);
    require(next_loading_s >= discharge_s, "transshipment at " + here +
                                               " misses its connection: " + next_ship.plan().ship_name +
                                               " leaves before " + ship.plan().ship_name + " arrives");
    add(JourneyPhase::YARD, discharge_s, next_loading_s, leg.ship, leg.alight_waypoint);
  }

  const VoyageLeg& last = plan.legs.back();
  const ShipSchedule& last_ship = ships[last.ship];
  if (plan.held_at_last_port) {
    add(JourneyPhase::YARD, last_ship.arrival_s(last.alight_waypoint), FOREVER_S, last.ship, last.alight_waypoint);
    return;
  }
  const LatLon import_port = last_ship.route().waypoint(last.alight_waypoint).position;
  const double discharge_s = last_ship.arrival_s(last.alight_waypoint);
  const double gate_out_s = discharge_s + import_dwell_s;
  const double delivery_s = gate_out_s + truck_time_s(plan, import_port, destination_.position);
  add(JourneyPhase::YARD, discharge_s, gate_out_s, last.ship, last.alight_waypoint);
  add(JourneyPhase::ROAD, gate_out_s, delivery_s, last.ship, last.alight_waypoint);
  add(JourneyPhase::DELIVERED, delivery_s, FOREVER_S, last.ship, last.alight_waypoint);
}

void ContainerItinerary::add(JourneyPhase phase, double start_s, double end_s, std::size_t ship,
                             std::size_t waypoint) {
  // Segments of zero length (a call without dwell, a connection made at the same instant) carry no time.
  if (end_s > start_s) segments_.push_back({phase, start_s, end_s, ship, waypoint});
}

std::size_t ContainerItinerary::segment_at(double time_s) const {
  // Segments tile (−∞, +∞) without gaps, so the holder of t is the last one starting at or before t.
  const auto after =
      std::upper_bound(segments_.begin(), segments_.end(), time_s,
                       [](double t, const JourneySegment& segment) { return t < segment.start_s; });
  return static_cast<std::size_t>(after - segments_.begin()) - 1;
}

JourneyState ContainerItinerary::state_at(double time_s, std::span<const ShipSchedule> ships) const {
  const std::size_t index = segment_at(time_s);
  const JourneySegment& segment = segments_[index];
  const LatLon port = ships[segment.ship].route().waypoint(segment.waypoint).position;
  switch (segment.phase) {
    case JourneyPhase::AT_ORIGIN:
      return {segment.phase, origin_.position, index};
    case JourneyPhase::DELIVERED:
      return {segment.phase, destination_.position, index};
    case JourneyPhase::YARD:
    case JourneyPhase::PORT_CALL:
      return {segment.phase, port, index};
    case JourneyPhase::AT_SEA:
      return {segment.phase, ships[segment.ship].state_at(time_s).position, index};
    case JourneyPhase::ROAD: {
      const double fraction = (time_s - segment.start_s) / (segment.end_s - segment.start_s);
      const bool to_port = index == 1;  // the first truck run follows AT_ORIGIN
      return {segment.phase,
              to_port ? along_great_circle(origin_.position, port, fraction)
                      : along_great_circle(port, destination_.position, fraction),
              index};
    }
  }
  return {segment.phase, port, index};
}

}  // namespace fleet::models
