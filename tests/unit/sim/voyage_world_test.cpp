// The voyage world: every container's journey steps, radio sites and cellular reach, and the books per
// phase that split battery drain and age of information over them.
#include "sim/voyage/voyage_world.hpp"

#include <catch2/catch.hpp>

#include <array>
#include <cmath>

#include "models/great_circle.hpp"
#include "sim/voyage/phase_book.hpp"

using fleet::models::JourneyPhase;
using namespace fleet::sim;

namespace {

PortSpec port(const std::string& name, double lat, double lon, int gateways) {
  PortSpec p;
  p.name = name;
  p.router = name + "-router";
  p.yard.center = GeoPoint{lat, lon};
  for (int g = 0; g < gateways; ++g)
    p.gateways.push_back(GatewaySpec{name + "-gw-" + std::to_string(g), GeoPoint{lat + 0.002 * g, lon}});
  return p;
}

// A shortened Asia-Med loop: the ports, the Suez Canal (its sailed length and convoy transit), two
// turning points.
RouteSpec loop_route() {
  return RouteSpec{"loop",
                   {{"Shanghai", {30.62, 122.07}},
                    {"Singapore", {1.20, 103.85}},
                    {"Bab-el-Mandeb", {12.6, 43.35}},
                    {"Suez", {29.93, 32.56}, 193.30e3, 14 * 3600.0},
                    {"Port Said", {31.30, 32.32}},
                    {"Fos-sur-Mer", {43.40, 4.88}}}};
}

ServiceSpec loop_service() {
  ServiceSpec service{"loop", "loop", {{"Shanghai", 34 * 3600.0}, {"Singapore", 43 * 3600.0}, {"Fos-sur-Mer", 43 * 3600.0}}, {}};
  service.ships.count = 3;
  service.ships.first_arrival_s = -5 * 86400.0;
  service.ships.headway_s = 4 * 86400.0;
  service.ships.name_prefix = "ship";
  return service;
}

Scenario voyage_scenario(std::uint32_t containers) {
  Scenario scenario;
  scenario.duration_s = 40 * 86400.0;
  scenario.fleet.containers = containers;
  scenario.ports = {port("Shanghai", 30.62, 122.07, 2), port("Singapore", 1.275, 103.77, 1),
                    port("Fos-sur-Mer", 43.42, 4.86, 3)};
  scenario.voyage.enabled = true;
  scenario.voyage.routes = {loop_route()};
  scenario.voyage.services = {loop_service()};
  scenario.voyage.itinerary.legs = {ItineraryLegSpec{"loop", {"Shanghai", "Singapore"}, "Fos-sur-Mer"}};
  return scenario;
}

// The loop, then a feeder from Fos to Tanger Med: every box is transshipped at Fos.
Scenario transshipment_scenario(std::uint32_t containers) {
  Scenario scenario = voyage_scenario(containers);
  scenario.duration_s = 60 * 86400.0;
  scenario.ports.push_back(port("Tanger Med", 35.89, -5.50, 2));
  scenario.voyage.routes.push_back(
      RouteSpec{"feeder", {{"Fos-sur-Mer", {43.40, 4.88}}, {"Alboran Sea", {36.2, -3.0}}, {"Tanger Med", {35.89, -5.50}}}});
  ServiceSpec feeder{"feeder", "feeder", {{"Fos-sur-Mer", 12 * 3600.0}, {"Tanger Med", 86400.0}}, {}};
  feeder.ships.count = 20;
  feeder.ships.first_arrival_s = 0;
  feeder.ships.headway_s = 2.5 * 86400.0;
  feeder.ships.speed_m_per_s = 15 * 1852.0 / 3600;
  feeder.ships.name_prefix = "feeder";
  scenario.voyage.services.push_back(feeder);
  scenario.voyage.itinerary.legs.push_back(ItineraryLegSpec{"feeder", {"Fos-sur-Mer"}, "Tanger Med"});
  scenario.voyage.itinerary.min_connection_s = 18 * 3600.0;
  return scenario;
}

double seconds(fleet::hw::TimeUs t_us) { return static_cast<double>(t_us) * 1e-6; }

}  // namespace

TEST_CASE("Journey steps tile the run in itinerary order, each at the right radio site", "[voyage]") {
  const Scenario scenario = voyage_scenario(200);
  const VoyageWorld world(scenario);
  REQUIRE(world.container_count() == 200);
  CHECK(world.port_gateway_count() == 6);
  CHECK(world.hub_gateway(2) == 8);
  CHECK(world.cellular_gateway(0) == 9);
  const auto areas = world.radio_areas(scenario.radio);
  REQUIRE(areas.size() == 3 + 3);  // three ports, three ships
  CHECK(areas[2].gateway_positions.size() == 3);
  CHECK(areas[4].gateway_positions.size() == 1);

  for (std::uint32_t id = 0; id < 200; ++id) {
    const ContainerJourney& journey = world.journey(id);
    REQUIRE(!journey.steps.empty());
    CHECK(journey.steps.front().start_us == 0);
    // The ship's site comes first and is on that ship's area.
    REQUIRE(!journey.sites.empty());
    REQUIRE(journey.legs.size() == 1);
    CHECK(journey.sites[0].area == world.port_count() + journey.legs[0].ship);
    CHECK(journey.sites[0].extra_loss_db >= 0);
    for (std::size_t s = 0; s < journey.steps.size(); ++s) {
      const JourneyStep& step = journey.steps[s];
      if (s > 0) CHECK(step.start_us > journey.steps[s - 1].start_us);
      CHECK(seconds(step.start_us) < scenario.duration_s);
      // The truth, asked independently: the itinerary's phase just after the step's start (which is
      // rounded to the microsecond; a step clipped to the run's start reads the phase then).
      const double probe_s = seconds(step.start_us) + 1e-6;
      CHECK(journey.itinerary.segments()[journey.itinerary.segment_at(probe_s)].phase == step.phase);
      switch (step.phase) {
        case JourneyPhase::AT_SEA:
        case JourneyPhase::PORT_CALL:
          CHECK(step.site == 0);
          break;
        case JourneyPhase::YARD: {
          REQUIRE(step.site < journey.sites.size());
          const DeviceSite& site = journey.sites[step.site];
          REQUIRE(site.area < 3);
          const YardSpec& yard = scenario.ports[site.area].yard;
          CHECK(std::abs(site.position.east_m) <= yard.east_extent_m / 2);
          CHECK(std::abs(site.position.north_m) <= yard.north_extent_m / 2);
          CHECK(step.cell == site.area);  // a yard is covered by its own port's network
          break;
        }
        default:
          CHECK(step.site == NO_SITE);
          CHECK(step.cell != NO_CELL);  // over land
      }
    }
  }
}

TEST_CASE("A ship is in cellular reach from its arrival until it is the coastal range away", "[voyage]") {
  const Scenario scenario = voyage_scenario(1);
  const VoyageWorld world(scenario);
  const fleet::models::ShipSchedule& ship = world.ships()[1];
  const std::size_t shanghai = ship.route().waypoint_index("Shanghai");
  const double speed_m_per_s = scenario.voyage.services[0].ships.speed_m_per_s;
  const std::vector<CoverageWindow>& windows = world.coverage(1);
  REQUIRE(!windows.empty());
  const CoverageWindow& first = windows.front();
  CHECK(first.port == 0);
  CHECK(first.start_s == Approx(ship.arrival_s(shanghai)));
  // Sailing straight out on a great circle, the ship is 30 km away after 30 km / speed (one step of
  // 60 s of sampling either way).
  const double leaves_range_s = ship.departure_s(shanghai) + scenario.voyage.cellular.coastal_range_m / speed_m_per_s;
  CHECK(first.end_s >= leaves_range_s - 60);
  CHECK(first.end_s <= leaves_range_s + 120);
  // Every window is within range of its port at its midpoint, and windows do not overlap.
  for (std::size_t w = 0; w < windows.size(); ++w) {
    const double mid_s = (windows[w].start_s + windows[w].end_s) / 2;
    const GeoPoint centre = scenario.ports[windows[w].port].yard.center;
    CHECK(fleet::models::great_circle_distance_m(ship.state_at(mid_s).position, {centre.lat_deg, centre.lon_deg}) <=
          scenario.voyage.cellular.coastal_range_m + 1000);
    if (w > 0) CHECK(windows[w].start_s >= windows[w - 1].end_s);
  }
}

TEST_CASE("A short run samples coverage only up to its end, and reaches the same windows and steps", "[voyage]") {
  // build_coverage stops two samples past the run's end: whatever the run can reach is what sampling
  // the ships' whole schedules gives.
  Scenario scenario = voyage_scenario(100);
  const VoyageWorld full(scenario);
  scenario.duration_s = 2.5 * 86400.0;
  const VoyageWorld short_run(scenario);
  const double end_s = scenario.duration_s;
  std::size_t windows_reached = 0, windows_dropped = 0;
  for (std::size_t ship = 0; ship < full.ships().size(); ++ship) {
    const std::vector<CoverageWindow>& all = full.coverage(ship);
    const std::vector<CoverageWindow>& cut = short_run.coverage(ship);
    REQUIRE(cut.size() <= all.size());
    for (std::size_t w = 0; w < all.size(); ++w) {
      if (all[w].start_s >= end_s) {
        windows_dropped += w >= cut.size() ? 1 : 0;
        continue;
      }
      ++windows_reached;
      REQUIRE(w < cut.size());
      CHECK(cut[w].start_s == all[w].start_s);
      CHECK(cut[w].port == all[w].port);
      if (all[w].end_s <= end_s) CHECK(cut[w].end_s == all[w].end_s);
      else CHECK(cut[w].end_s > end_s);  // still open when the run ends
    }
  }
  CHECK(windows_reached > 0);
  CHECK(windows_dropped > 0);  // the short run did sample less
  const auto end_us = static_cast<fleet::hw::TimeUs>(end_s * 1e6);
  for (std::uint32_t id = 0; id < 100; ++id) {
    const std::vector<JourneyStep>& a = full.journey(id).steps;
    const std::vector<JourneyStep>& b = short_run.journey(id).steps;
    for (std::size_t k = 0; k < a.size() && a[k].start_us <= end_us; ++k) {
      REQUIRE(k < b.size());
      CHECK(b[k].start_us == a[k].start_us);
      CHECK(b[k].cell == a[k].cell);
      CHECK(b[k].site == a[k].site);
      CHECK(b[k].phase == a[k].phase);
    }
  }
}

TEST_CASE("The same seed builds the same journeys; another seed other ones", "[voyage]") {
  Scenario scenario = voyage_scenario(50);
  const VoyageWorld a(scenario);
  const VoyageWorld b(scenario);
  scenario.seed = 2;
  const VoyageWorld c(scenario);
  std::size_t different = 0;
  for (std::uint32_t id = 0; id < 50; ++id) {
    REQUIRE(a.journey(id).steps.size() == b.journey(id).steps.size());
    for (std::size_t s = 0; s < a.journey(id).steps.size(); ++s)
      CHECK(a.journey(id).steps[s].start_us == b.journey(id).steps[s].start_us);
    CHECK(a.journey(id).sites[0].extra_loss_db == b.journey(id).sites[0].extra_loss_db);
    if (a.journey(id).steps.size() != c.journey(id).steps.size() ||
        a.journey(id).steps.back().start_us != c.journey(id).steps.back().start_us)
      ++different;
  }
  CHECK(different > 40);
}

TEST_CASE("Phase books split the age of information and the charge without losing any", "[voyage]") {
  const Scenario scenario = voyage_scenario(20);
  const VoyageWorld world(scenario);
  PhaseBook book(world, scenario.duration_s);
  std::vector<fleet::models::AgeOfInformation> ages(20);
  double expected_area_s2 = 0;
  double expected_charge_c = 0;
  for (std::uint32_t id = 0; id < 20; ++id) {
    // A delivery every 5 h of a record 1 h old, charge 1 C per step entered.
    for (double t_s = 3600; t_s < scenario.duration_s; t_s += 5 * 3600.0) {
      book.before_delivery(id, ages[id], t_s);
      ages[id].on_delivery(t_s - 3600, t_s);
    }
    const auto& steps = world.journey(id).steps;
    for (std::size_t s = 1; s <= steps.size(); ++s) book.on_step(id, s, static_cast<double>(s));
    expected_charge_c += static_cast<double>(steps.size());
    // The accumulator's own area over the observed time, to compare with the sum of the pieces.
    const double first_s = 3600;
    expected_area_s2 += ages[id].time_average_s(scenario.duration_s) * (scenario.duration_s - first_s);
  }
  std::vector<const fleet::models::AgeOfInformation*> pointers;
  for (const auto& age : ages) pointers.push_back(&age);
  book.close(pointers, scenario.duration_s);
  double area_s2 = 0, observed_s = 0, device_s = 0, charge_c = 0;
  for (const PhaseTotals& phase : book.totals()) {
    area_s2 += phase.age_area_s2;
    observed_s += phase.age_observed_s;
    device_s += phase.device_s;
    charge_c += phase.charge_c;
  }
  CHECK(device_s == Approx(20 * scenario.duration_s).epsilon(1e-12));
  CHECK(observed_s == Approx(20 * (scenario.duration_s - 3600)).epsilon(1e-12));
  CHECK(area_s2 == Approx(expected_area_s2).epsilon(1e-9));
  CHECK(charge_c == Approx(expected_charge_c).epsilon(1e-12));
  // Per phase, against an independent sum: the age sampled every 10 s, each sample given to the phase the
  // itinerary is in then; the charge of one coulomb per step to the phase of the step it closes.
  std::array<double, JOURNEY_PHASE_COUNT> sampled_area_s2{};
  std::array<double, JOURNEY_PHASE_COUNT> steps_per_phase{};
  constexpr double DT_S = 10;
  for (std::uint32_t id = 0; id < 20; ++id) {
    const ContainerJourney& journey = world.journey(id);
    for (double t_s = 3600 + DT_S / 2; t_s < scenario.duration_s; t_s += DT_S) {
      const double last_delivery_s = 3600 + std::floor((t_s - 3600) / (5 * 3600.0)) * 5 * 3600.0;
      const double age_s = t_s - (last_delivery_s - 3600);
      const auto phase = journey.itinerary.segments()[journey.itinerary.segment_at(t_s)].phase;
      sampled_area_s2[static_cast<std::size_t>(phase)] += age_s * DT_S;
    }
    for (const JourneyStep& step : journey.steps) steps_per_phase[static_cast<std::size_t>(step.phase)] += 1;
  }
  for (std::size_t p = 0; p < JOURNEY_PHASE_COUNT; ++p) {
    CHECK(book.totals()[p].age_area_s2 == Approx(sampled_area_s2[p]).epsilon(1e-3).margin(2e7));
    CHECK(book.totals()[p].charge_c == Approx(steps_per_phase[p]).epsilon(1e-12));
  }
  // The sawtooth runs from 1 h to 6 h between deliveries: every phase's mean age lies within it.
  for (const PhaseTotals& phase : book.totals())
    if (phase.age_observed_s > 0) {
      CHECK(phase.age_mean_s() >= 3600 - 1e-6);
      CHECK(phase.age_mean_s() <= 6 * 3600 + 1e-6);
    }
}

TEST_CASE("A transshipped box waits in the hub's yard and boards the first ship that connects", "[voyage]") {
  const Scenario scenario = transshipment_scenario(100);
  const VoyageWorld world(scenario);
  REQUIRE(world.ships().size() == 23);
  CHECK(world.service_of_ship(2) == 0);
  CHECK(world.service_of_ship(3) == 1);
  CHECK(world.leg_count() == 2);
  const double min_connection_s = scenario.voyage.itinerary.min_connection_s;
  std::size_t transshipped = 0;
  for (std::uint32_t id = 0; id < 100; ++id) {
    const ContainerJourney& journey = world.journey(id);
    REQUIRE(journey.legs.size() == 2);
    const fleet::models::ShipSchedule& first = world.ships()[journey.legs[0].ship];
    const fleet::models::ShipSchedule& second = world.ships()[journey.legs[1].ship];
    CHECK(world.service_of_ship(journey.legs[0].ship) == 0);
    CHECK(world.service_of_ship(journey.legs[1].ship) == 1);
    // The connection: the feeder leaves Fos at least min_connection after the discharge, and no
    // earlier feeder would have done.
    const double discharge_s = first.arrival_s(first.route().waypoint_index("Fos-sur-Mer"));
    const double loading_s = second.departure_s(0);
    CHECK(loading_s >= discharge_s + min_connection_s);
    const std::size_t previous_feeder = journey.legs[1].ship - 1;
    if (world.service_of_ship(previous_feeder) == 1)
      CHECK(world.ships()[previous_feeder].departure_s(0) < discharge_s + min_connection_s);
    // Each leg's ship is a radio site of its own, on that ship's area.
    CHECK(journey.sites[0].area == world.port_count() + journey.legs[0].ship);
    CHECK(journey.sites[1].area == world.port_count() + journey.legs[1].ship);
    // The steps follow the itinerary: stage 0 up to the first discharge, 1 from the Fos yard through the
    // feeder's sailing, 2 from the Tanger Med yard on; on board, the site is the leg's ship.
    for (const JourneyStep& step : journey.steps) {
      const double at_s = seconds(step.start_us) + 1e-6;
      const double hub_discharge_s = second.arrival_s(second.route().waypoint_index("Tanger Med"));
      const std::size_t expected_stage = at_s < discharge_s ? 0 : at_s < hub_discharge_s ? 1 : 2;
      CHECK(step.stage == expected_stage);
      if (step.phase == JourneyPhase::AT_SEA || step.phase == JourneyPhase::PORT_CALL)
        CHECK(step.site == (at_s < discharge_s ? 0 : 1));
      if (step.phase == JourneyPhase::YARD && step.stage == 1) {
        CHECK(journey.sites[step.site].area == 2);  // the Fos yard, under Fos's gateways
        CHECK(step.cell == 2);
        CHECK(at_s >= discharge_s);
        CHECK(at_s < loading_s);
        ++transshipped;
      }
      if (step.phase == JourneyPhase::YARD && step.stage == 2) CHECK(journey.sites[step.site].area == 3);
    }
  }
  CHECK(transshipped > 50);  // most boxes reach Fos within the 60 days
}

TEST_CASE("A box whose hub has no connection left stays in the hub's yard", "[voyage]") {
  Scenario scenario = transshipment_scenario(40);
  scenario.voyage.services[1].ships.count = 2;  // feeders leave Fos on days 0.5 and 3 only
  const VoyageWorld world(scenario);
  std::size_t held = 0;
  for (std::uint32_t id = 0; id < 40; ++id) {
    const ContainerJourney& journey = world.journey(id);
    if (journey.legs.size() == 2) continue;
    ++held;
    REQUIRE(journey.legs.size() == 1);
    const auto& segments = journey.itinerary.segments();
    CHECK(segments.back().phase == JourneyPhase::YARD);
    CHECK(std::isinf(segments.back().end_s));
    CHECK(journey.steps.back().phase != JourneyPhase::DELIVERED);
  }
  CHECK(held > 20);
}
