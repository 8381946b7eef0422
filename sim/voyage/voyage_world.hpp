#pragma once
// The voyage world (scenario `voyage`, issue 6): the liner service's ships on their route, the ports'
// yards and cellular networks, and every container's journey through them (truck → yard → ship → yard
// → truck). Built once before the run from (seed, device id, ITINERARY) streams; afterwards the run
// reads it by time: where a device is, which radio site it stands at, which LTE-M network covers it.
//
// Radio: each port's yard is one radio area (its LoRa gateways, the scenario's path-loss model), each
// ship another (one gateway, the ship's hub, free-space loss plus the container's slot loss,
// models/ship_slot.hpp). Gateways are numbered port after port, then one hub per ship; the cellular
// networks follow them as gateways without a radio (the copies of LTE-M uplinks enter the network there).
//
// Cellular coverage [A]: over land (at the shipper, on the road, in a yard, at the consignee) a port's
// network covers it — the boarding port's before the voyage, the alighting port's after, a yard's own
// port's in a yard; at sea only within `cellular.coastal_range_m` of a port in
// `ports` (docs/sources.md section 9, cellular_offshore_range_km 30), found from the ship's track sampled
// every minute.
#include <cstddef>
#include <cstdint>
#include <vector>

#include "hw/types.hpp"
#include "models/geo.hpp"
#include "models/itinerary.hpp"
#include "models/ship_schedule.hpp"
#include "models/ship_slot.hpp"
#include "sim/radio/radio_medium.hpp"
#include "sim/scenario/scenario.hpp"
#include "sim/scenario/voyage_services.hpp"

namespace fleet::sim {

inline constexpr std::uint16_t NO_CELL = 0xffff;

// From start_us on (until the next step): the journey's phase, the device's radio site (an index into
// its sites, or NO_SITE) and the port whose LTE-M network covers it (or NO_CELL).
struct JourneyStep {
  hw::TimeUs start_us = 0;
  models::JourneyPhase phase = models::JourneyPhase::AT_ORIGIN;
  std::uint16_t site = NO_SITE;
  std::uint16_t cell = NO_CELL;
  // Which stretch of the journey: k (0-based) up to and including vessel leg k's sailing (the inland
  // leg and export yard belong to stretch 0, a transshipment yard to the leg it waits for); the number
  // of legs once the last ship has discharged (import yard, road, delivered).
  std::uint8_t stage = 0;
};

// One vessel leg as the container rides it: the ship, where it is stowed, whether it sees the sky.
struct JourneyLeg {
  std::size_t ship = 0;            // index into VoyageWorld::ships()
  models::ShipSlot slot;
  bool sees_sky_on_board = false;  // [A] only a box with nothing stacked on it sees the sky at sea
};

struct ContainerJourney {
  models::ContainerItinerary itinerary;
  std::vector<JourneyLeg> legs;   // in sailing order; leg k's ship is radio site k
  std::vector<DeviceSite> sites;  // its radio sites: one per leg's ship, then one per yard stay
  std::vector<JourneyStep> steps; // sorted by start_us; steps[0] starts at 0 (the run's start)
};

// A stretch of a ship's voyage within cellular range of port `port`.
struct CoverageWindow {
  double start_s = 0;
  double end_s = 0;
  std::uint16_t port = 0;
};

class VoyageWorld {
 public:
  // Throws std::invalid_argument for a plan the models refuse (the loader has checked the names).
  explicit VoyageWorld(const Scenario& scenario);

  const std::vector<models::ShipSchedule>& ships() const { return ships_; }
  std::size_t port_count() const { return port_frames_.size(); }
  // The radio areas in gateway order: one per port (its gateways), then one per ship (its hub).
  std::vector<RadioArea> radio_areas(const RadioSpec& radio) const;
  std::size_t port_gateway_count() const { return port_gateway_count_; }
  std::uint16_t hub_gateway(std::size_t ship) const { return static_cast<std::uint16_t>(port_gateway_count_ + ship); }
  // The gateway index of port p's cellular network: after every radio gateway.
  std::uint16_t cellular_gateway(std::uint16_t port) const {
    return static_cast<std::uint16_t>(port_gateway_count_ + ships_.size() + port);
  }
  const std::vector<CoverageWindow>& coverage(std::size_t ship) const { return coverage_[ship]; }
  // The service a ship (an index into ships()) belongs to.
  std::size_t service_of_ship(std::size_t ship) const;

  std::size_t container_count() const { return journeys_.size(); }
  // The itinerary's vessel legs: the stages of the journey steps are 0 to this.
  std::size_t leg_count() const { return leg_count_; }
  const ContainerJourney& journey(std::uint32_t device_id) const { return journeys_[device_id]; }
  models::LatLon position_at(std::uint32_t device_id, double time_s) const;

 private:
  void build_coverage(const Scenario& scenario);
  ContainerJourney build_journey(const Scenario& scenario, std::uint32_t device_id) const;

  // The first ship of the service boarding at `port` that leaves it at or after ready_s, or
  // ships_.size() if none does.
  std::size_t connecting_ship(std::size_t service, const std::string& port, double ready_s) const;

  std::vector<models::ShipSchedule> ships_;  // service after service (sim/scenario/voyage_services.hpp)
  std::vector<std::size_t> first_ship_;      // per service, its first ship in ships_
  std::size_t leg_count_ = 1;
  std::vector<models::LocalTangentPlane> port_frames_;  // per port, origin at its yard's centre
  std::vector<std::vector<models::LocalPoint>> port_gateways_;
  std::size_t port_gateway_count_ = 0;
  models::StowageGrid stowage_;
  std::vector<std::vector<CoverageWindow>> coverage_;  // per ship, sorted
  std::vector<ContainerJourney> journeys_;
};

// Where a container stands in a yard: uniform over the yard's rectangle or disc.
models::LocalPoint draw_yard_position(const YardSpec& yard, models::RandomStream& stream);

}  // namespace fleet::sim
