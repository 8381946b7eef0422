#include "sim/voyage_world.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>
#include <stdexcept>

#include "models/asia_med_route.hpp"
#include "models/great_circle.hpp"
#include "sim/random_purpose.hpp"

namespace fleet::sim {

namespace {

// The ship's track is tested against the ports' cellular range at this step: a ship at 16 kn moves
// 0.5 km a minute, so a window edge is off by at most that against a 30 km range.
constexpr double COVERAGE_STEP_S = 60.0;

std::uint16_t port_index(const Scenario& scenario, const std::string& name) {
  for (std::size_t p = 0; p < scenario.ports.size(); ++p)
    if (scenario.ports[p].name == name) return static_cast<std::uint16_t>(p);
  throw std::invalid_argument("voyage: no port named '" + name + "' in `ports`");
}

models::DwellDistribution dwell_of(const DwellSpec& spec) {
  return models::DwellDistribution{spec.min_s, spec.median_s, spec.sigma_ln};
}

models::ShipSlot draw_slot(const models::StowageGrid& grid, double above_deck_share, models::RandomStream& stream) {
  models::ShipSlot slot;
  slot.deck = stream.uniform01() < above_deck_share ? models::Deck::ABOVE : models::Deck::BELOW;
  slot.bay = static_cast<int>(stream.uniform(0.0, grid.bays));
  slot.row = static_cast<int>(stream.uniform(0.0, grid.rows));
  const int tiers = slot.deck == models::Deck::ABOVE ? grid.tiers_above_deck : grid.tiers_below_deck;
  slot.tier = static_cast<int>(stream.uniform(0.0, tiers));
  // uniform(a, b) may return b itself in floating point: keep every index inside the grid.
  slot.bay = std::min(slot.bay, grid.bays - 1);
  slot.row = std::min(slot.row, grid.rows - 1);
  slot.tier = std::min(slot.tier, tiers - 1);
  return slot;
}

}  // namespace

models::LocalPoint draw_yard_position(const YardSpec& yard, models::RandomStream& stream) {
  if (yard.shape == "disc") {
    // Uniform over the area: the radius goes as the square root of a uniform draw.
    const double radius_m = yard.radius_m * std::sqrt(stream.uniform(0.0, 1.0));
    const double angle_rad = stream.uniform(0.0, 2 * std::numbers::pi);
    return models::LocalPoint{radius_m * std::cos(angle_rad), radius_m * std::sin(angle_rad)};
  }
  const double east_m = stream.uniform(-yard.east_extent_m / 2, yard.east_extent_m / 2);
  const double north_m = stream.uniform(-yard.north_extent_m / 2, yard.north_extent_m / 2);
  return models::LocalPoint{east_m, north_m};
}

VoyageWorld::VoyageWorld(const Scenario& scenario) {
  const VoyageSpec& voyage = scenario.voyage;
  if (voyage.route != "asia_med") throw std::invalid_argument("voyage: unknown route '" + voyage.route + "'");
  for (int k = 0; k < voyage.ships.count; ++k) {
    const double arrival_s = voyage.ships.first_arrival_s + k * voyage.ships.headway_s;
    ships_.emplace_back(models::asia_med_route(),
                        models::asia_med_voyage(ship_name(voyage.ships.name_prefix, k + 1), arrival_s,
                                                voyage.ships.speed_m_per_s));
  }
  for (const PortSpec& port : scenario.ports) {
    const models::LocalTangentPlane frame(to_lat_lon(port.yard.center));
    std::vector<models::LocalPoint> gateways;
    for (const GatewaySpec& gateway : port.gateways) gateways.push_back(frame.to_local(to_lat_lon(gateway.position)));
    port_gateway_count_ += gateways.size();
    port_frames_.push_back(frame);
    port_gateways_.push_back(std::move(gateways));
  }
  build_coverage(scenario);
  journeys_.reserve(scenario.fleet.containers);
  for (std::uint32_t id = 0; id < scenario.fleet.containers; ++id) journeys_.push_back(build_journey(scenario, id));
}

std::vector<RadioArea> VoyageWorld::radio_areas(const RadioSpec& radio) const {
  std::vector<RadioArea> areas;
  for (const auto& gateways : port_gateways_) areas.push_back(RadioArea{gateways, radio.path_loss});
  // On board the hub's antenna sees the top of the stacks over open air: free space, and what the
  // stack in between costs comes from the slot (models/ship_slot.hpp), not from shadowing.
  PathLossSpec on_board;
  on_board.model = "free_space";
  on_board.shadowing_sigma_db = 0;
  for (std::size_t s = 0; s < ships_.size(); ++s) areas.push_back(RadioArea{{models::LocalPoint{0, 0}}, on_board});
  return areas;
}

// Sample each ship's track and keep the stretches within range of a port: the nearest one in range.
void VoyageWorld::build_coverage(const Scenario& scenario) {
  std::vector<models::LatLon> ports;
  for (const PortSpec& port : scenario.ports) ports.push_back(to_lat_lon(port.yard.center));
  const double range_m = scenario.voyage.cellular.coastal_range_m;
  coverage_.resize(ships_.size());
  for (std::size_t s = 0; s < ships_.size(); ++s) {
    const models::ShipSchedule& ship = ships_[s];
    const double start_s = ship.plan().start_s;
    const auto steps = static_cast<std::int64_t>(std::ceil((ship.end_s() - start_s) / COVERAGE_STEP_S));
    std::vector<CoverageWindow>& windows = coverage_[s];
    for (std::int64_t i = 0; i <= steps; ++i) {
      const double t_s = std::min(ship.end_s(), start_s + static_cast<double>(i) * COVERAGE_STEP_S);
      const models::LatLon at = ship.state_at(t_s).position;
      double nearest_m = std::numeric_limits<double>::infinity();
      std::uint16_t nearest = NO_CELL;
      for (std::size_t p = 0; p < ports.size(); ++p) {
        const double distance_m = models::great_circle_distance_m(at, ports[p]);
        if (distance_m <= range_m && distance_m < nearest_m) {
          nearest_m = distance_m;
          nearest = static_cast<std::uint16_t>(p);
        }
      }
      if (nearest == NO_CELL) continue;
      if (!windows.empty() && windows.back().port == nearest && windows.back().end_s >= t_s) {
        windows.back().end_s = t_s + COVERAGE_STEP_S;
      } else {
        windows.push_back(CoverageWindow{t_s, t_s + COVERAGE_STEP_S, nearest});
      }
    }
  }
}

ContainerJourney VoyageWorld::build_journey(const Scenario& scenario, std::uint32_t device_id) const {
  const VoyageSpec& voyage = scenario.voyage;
  const ItinerarySpec& plan_spec = voyage.itinerary;
  models::RandomStream stream = make_stream(scenario.seed, device_id, RandomPurpose::ITINERARY);
  // Draw order is fixed: boarding port, ship, slot, then the itinerary's own dwells.
  const auto board_pick = std::min(plan_spec.board_ports.size() - 1,
                                   static_cast<std::size_t>(stream.uniform(0.0, static_cast<double>(plan_spec.board_ports.size()))));
  const std::string& board_port = plan_spec.board_ports[board_pick];
  const std::size_t ship = std::min(ships_.size() - 1, static_cast<std::size_t>(stream.uniform(0.0, static_cast<double>(ships_.size()))));
  const models::ShipSlot slot = draw_slot(stowage_, voyage.ships.hub.above_deck_share, stream);

  models::ItineraryPlan plan;
  plan.origin = models::Place{plan_spec.origin.name, to_lat_lon(plan_spec.origin.position)};
  plan.destination = models::Place{plan_spec.destination.name, to_lat_lon(plan_spec.destination.position)};
  plan.truck_speed_m_per_s = plan_spec.truck_speed_m_per_s;
  plan.road_detour_factor = plan_spec.road_detour_factor;
  plan.export_dwell = dwell_of(plan_spec.export_dwell);
  plan.import_dwell = dwell_of(plan_spec.import_dwell);
  const models::Route& route = ships_[ship].route();
  plan.legs.push_back(models::VoyageLeg{ship, route.waypoint_index(board_port), route.waypoint_index(plan_spec.alight_port)});

  ContainerJourney journey{models::ContainerItinerary(plan, ships_, stream), ship, slot, false, {}, {}};
  journey.sees_sky_on_board = slot.deck == models::Deck::ABOVE && slot.tier == stowage_.tiers_above_deck - 1;

  // Sites: the ship's, then one per yard stay (a yard position drawn per port from its own stream).
  const ShipHubSpec& hub = voyage.ships.hub;
  const models::SlotLinkParams slot_loss{hub.first_obstruction_db, hub.per_further_obstruction_db, hub.below_deck_db};
  journey.sites.push_back(DeviceSite{static_cast<std::uint16_t>(port_count() + ship),
                                     models::LocalPoint{models::slot_distance_to_hub_m(slot, stowage_), 0},
                                     static_cast<float>(models::slot_extra_loss_db(slot, stowage_, slot_loss))});
  const std::uint16_t ship_site = 0;

  const double duration_s = scenario.duration_s;
  const auto add_step = [&](double start_s, models::JourneyPhase phase, std::uint16_t site, std::uint16_t cell) {
    if (start_s >= duration_s) return;
    const hw::TimeUs start_us = start_s <= 0 ? 0 : microseconds_of(start_s);
    if (!journey.steps.empty() && journey.steps.back().start_us == start_us) journey.steps.pop_back();
    journey.steps.push_back(JourneyStep{start_us, phase, site, cell});
  };
  const std::uint16_t board_cell = port_index(scenario, board_port);
  const std::uint16_t alight_cell = port_index(scenario, plan_spec.alight_port);
  bool boarded = false;
  for (const models::JourneySegment& segment : journey.itinerary.segments()) {
    if (segment.end_s <= 0 || segment.start_s >= duration_s) {
      if (segment.phase == models::JourneyPhase::AT_SEA) boarded = true;
      continue;
    }
    using models::JourneyPhase;
    switch (segment.phase) {
      case JourneyPhase::AT_ORIGIN:
      case JourneyPhase::ROAD:
      case JourneyPhase::DELIVERED:
        add_step(segment.start_s, segment.phase, NO_SITE, boarded ? alight_cell : board_cell);
        break;
      case JourneyPhase::YARD: {
        const std::uint16_t port = port_index(scenario, ships_[ship].route().waypoint(segment.waypoint).name);
        models::RandomStream place = make_stream(scenario.seed, device_id, RandomPurpose::PLACEMENT, port + 1U);
        journey.sites.push_back(DeviceSite{port, draw_yard_position(scenario.ports[port].yard, place), 0});
        add_step(segment.start_s, segment.phase, static_cast<std::uint16_t>(journey.sites.size() - 1), port);
        break;
      }
      case JourneyPhase::AT_SEA:
      case JourneyPhase::PORT_CALL: {
        boarded = true;
        // The ship's cellular windows cut the stretch on board into covered and uncovered steps.
        add_step(segment.start_s, segment.phase, ship_site, NO_CELL);
        for (const CoverageWindow& window : coverage_[ship]) {
          if (window.end_s <= segment.start_s || window.start_s >= segment.end_s) continue;
          add_step(std::max(window.start_s, segment.start_s), segment.phase, ship_site, window.port);
          if (window.end_s < segment.end_s) add_step(window.end_s, segment.phase, ship_site, NO_CELL);
        }
        break;
      }
    }
  }
  return journey;
}

models::LatLon VoyageWorld::position_at(std::uint32_t device_id, double time_s) const {
  return journeys_[device_id].itinerary.state_at(time_s, ships_).position;
}

}  // namespace fleet::sim
