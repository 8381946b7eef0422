#include "sim/voyage/voyage_world.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>
#include <optional>
#include <stdexcept>

#include "models/great_circle.hpp"
#include "sim/base/random_purpose.hpp"

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
  leg_count_ = voyage.itinerary.legs.size();
  for (const ServiceSpec& service : voyage.services) {
    const RouteSpec& route = route_of(voyage, service);
    first_ship_.push_back(ships_.size());
    for (int k = 1; k <= service.ships.count; ++k) ships_.emplace_back(route_model(route), voyage_plan(route, service, k));
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
  std::vector<models::UnitVector> port_vectors;
  for (const PortSpec& port : scenario.ports) {
    ports.push_back(to_lat_lon(port.yard.center));
    port_vectors.push_back(models::unit_vector(ports.back()));
  }
  const double range_m = scenario.voyage.cellular.coastal_range_m;
  // The chord rules out ports far beyond the range at a few multiplications each (most steps are at
  // sea); the 1 m margin is a thousand times its error, so the haversine still decides every port near
  // the range, and the windows are exactly those it alone gave.
  const double screen_chord_squared = models::chord_squared_of_great_circle(range_m + 1.0);
  coverage_.resize(ships_.size());
  for (std::size_t s = 0; s < ships_.size(); ++s) {
    const models::ShipSchedule& ship = ships_[s];
    const double start_s = ship.plan().start_s;
    // Sampled up to the run's end and two steps beyond, not to the end of the ship's whole schedule (a
    // one-day run of a 35-day loop would sample 35 days): a window open at the run's end extends past
    // it, so every step and window the run can reach is the one a full sampling gives.
    const double sampled_end_s = std::min(ship.end_s(), std::max(start_s, scenario.duration_s + 2 * COVERAGE_STEP_S));
    const auto steps = static_cast<std::int64_t>(std::ceil((sampled_end_s - start_s) / COVERAGE_STEP_S));
    std::vector<CoverageWindow>& windows = coverage_[s];
    for (std::int64_t i = 0; i <= steps; ++i) {
      const double t_s = std::min(ship.end_s(), start_s + static_cast<double>(i) * COVERAGE_STEP_S);
      // The position (two atan2 from the vector) only where a port passes the screen.
      const models::UnitVector at_vector = ship.unit_vector_at(t_s);
      std::optional<models::LatLon> at;
      double nearest_m = std::numeric_limits<double>::infinity();
      std::uint16_t nearest = NO_CELL;
      for (std::size_t p = 0; p < ports.size(); ++p) {
        if (models::chord_squared(at_vector, port_vectors[p]) > screen_chord_squared) continue;
        if (!at) at = ship.state_at(t_s).position;
        const double distance_m = models::great_circle_distance_m(*at, ports[p]);
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

std::size_t VoyageWorld::connecting_ship(std::size_t service, const std::string& port, double ready_s) const {
  const std::size_t first = first_ship_[service];
  const std::size_t end = service + 1 < first_ship_.size() ? first_ship_[service + 1] : ships_.size();
  for (std::size_t s = first; s < end; ++s)
    if (ships_[s].departure_s(ships_[s].route().waypoint_index(port)) >= ready_s) return s;
  return ships_.size();
}

ContainerJourney VoyageWorld::build_journey(const Scenario& scenario, std::uint32_t device_id) const {
  const VoyageSpec& voyage = scenario.voyage;
  const ItinerarySpec& plan_spec = voyage.itinerary;
  models::RandomStream stream = make_stream(scenario.seed, device_id, RandomPurpose::ITINERARY);
  // Draw order is fixed: the first leg's boarding port, its ship and slot; a slot on each later leg's
  // ship (the first that connects: no draw); then the itinerary's own dwells.
  const ItineraryLegSpec& first_leg = plan_spec.legs.front();
  const auto board_pick = std::min(first_leg.board_ports.size() - 1,
                                   static_cast<std::size_t>(stream.uniform(0.0, static_cast<double>(first_leg.board_ports.size()))));
  const std::string& board_port = first_leg.board_ports[board_pick];
  const std::size_t first_service = service_index(voyage, first_leg.service);
  const std::size_t fleet_size = static_cast<std::size_t>(voyage.services[first_service].ships.count);
  const std::size_t ship = first_ship_[first_service] +
                           std::min(fleet_size - 1, static_cast<std::size_t>(stream.uniform(0.0, static_cast<double>(fleet_size))));

  models::ItineraryPlan plan;
  plan.origin = models::Place{plan_spec.origin.name, to_lat_lon(plan_spec.origin.position)};
  plan.destination = models::Place{plan_spec.destination.name, to_lat_lon(plan_spec.destination.position)};
  plan.truck_speed_m_per_s = plan_spec.truck_speed_m_per_s;
  plan.road_detour_factor = plan_spec.road_detour_factor;
  plan.export_dwell = dwell_of(plan_spec.export_dwell);
  plan.import_dwell = dwell_of(plan_spec.import_dwell);
  std::vector<JourneyLeg> legs;
  for (std::size_t k = 0; k < plan_spec.legs.size(); ++k) {
    const ItineraryLegSpec& leg = plan_spec.legs[k];
    const std::string& board = k == 0 ? board_port : leg.board_ports.front();
    std::size_t leg_ship = ship;
    if (k > 0) {
      const models::ShipSchedule& previous = ships_[plan.legs.back().ship];
      const double ready_s = previous.arrival_s(plan.legs.back().alight_waypoint) + plan_spec.min_connection_s;
      leg_ship = connecting_ship(service_index(voyage, leg.service), board, ready_s);
      if (leg_ship == ships_.size()) {  // the loader checked that this happens only after the run's end
        plan.held_at_last_port = true;
        break;
      }
    }
    const models::Route& route = ships_[leg_ship].route();
    plan.legs.push_back(models::VoyageLeg{leg_ship, route.waypoint_index(board), route.waypoint_index(leg.alight_port)});
    const ShipHubSpec& hub = voyage.services[service_index(voyage, leg.service)].ships.hub;
    const models::ShipSlot slot = draw_slot(stowage_, hub.above_deck_share, stream);
    legs.push_back(JourneyLeg{leg_ship, slot,
                              slot.deck == models::Deck::ABOVE && slot.tier == stowage_.tiers_above_deck - 1});
  }

  ContainerJourney journey{models::ContainerItinerary(plan, ships_, stream), std::move(legs), {}, {}};

  // Sites: each leg's ship (site k for leg k), then one per yard stay (a yard position drawn per port
  // from its own stream).
  for (const JourneyLeg& leg : journey.legs) {
    const ShipHubSpec& hub = voyage.services[service_of_ship(leg.ship)].ships.hub;
    const models::SlotLinkParams slot_loss{hub.first_obstruction_db, hub.per_further_obstruction_db, hub.below_deck_db};
    journey.sites.push_back(DeviceSite{static_cast<std::uint16_t>(port_count() + leg.ship),
                                       models::LocalPoint{models::slot_distance_to_hub_m(leg.slot, stowage_), 0},
                                       static_cast<float>(models::slot_extra_loss_db(leg.slot, stowage_, slot_loss))});
  }

  const double duration_s = scenario.duration_s;
  std::uint8_t stage = 0;
  const auto add_step = [&](double start_s, models::JourneyPhase phase, std::uint16_t site, std::uint16_t cell) {
    if (start_s >= duration_s) return;
    const hw::TimeUs start_us = start_s <= 0 ? 0 : microseconds_of(start_s);
    if (!journey.steps.empty() && journey.steps.back().start_us == start_us) journey.steps.pop_back();
    journey.steps.push_back(JourneyStep{start_us, phase, site, cell, stage});
  };
  const auto port_of = [&](const models::JourneySegment& segment) {
    return port_index(scenario, ships_[segment.ship].route().waypoint(segment.waypoint).name);
  };
  const std::uint16_t board_cell = port_index(scenario, board_port);
  const std::uint16_t alight_cell = port_index(scenario, plan_spec.legs[journey.legs.size() - 1].alight_port);
  bool boarded = false;
  std::size_t leg = 0;  // the leg of the ship the box is on or has just left
  bool was_at_sea = false;
  for (const models::JourneySegment& segment : journey.itinerary.segments()) {
    if (segment.phase == models::JourneyPhase::AT_SEA || segment.phase == models::JourneyPhase::PORT_CALL)
      while (journey.legs[leg].ship != segment.ship) ++leg;
    if (segment.phase == models::JourneyPhase::YARD && was_at_sea) ++stage;  // a discharge
    was_at_sea = segment.phase == models::JourneyPhase::AT_SEA;
    if (segment.end_s <= 0 || segment.start_s >= duration_s) {
      if (segment.phase == models::JourneyPhase::AT_SEA) boarded = true;
      continue;
    }
    using models::JourneyPhase;
    const auto ship_site = static_cast<std::uint16_t>(leg);
    switch (segment.phase) {
      case JourneyPhase::AT_ORIGIN:
      case JourneyPhase::ROAD:
      case JourneyPhase::DELIVERED:
        add_step(segment.start_s, segment.phase, NO_SITE, boarded ? alight_cell : board_cell);
        break;
      case JourneyPhase::YARD: {
        const std::uint16_t port = port_of(segment);
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
        for (const CoverageWindow& window : coverage_[segment.ship]) {
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

std::size_t VoyageWorld::service_of_ship(std::size_t ship) const {
  const auto after = std::upper_bound(first_ship_.begin(), first_ship_.end(), ship);
  return static_cast<std::size_t>(after - first_ship_.begin()) - 1;
}

models::LatLon VoyageWorld::position_at(std::uint32_t device_id, double time_s) const {
  return journeys_[device_id].itinerary.state_at(time_s, ships_).position;
}

}  // namespace fleet::sim
