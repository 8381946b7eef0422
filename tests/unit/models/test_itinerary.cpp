// Container itineraries: phase sequence and timing around the ship schedules, transshipment, the O(log)
// phase lookup against a linear scan, determinism per (seed, device id) and the dwell distribution.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <vector>

#include "tests/unit/models/asia_med_route.hpp"
#include "models/itinerary.hpp"
#include "models/random_stream.hpp"

using namespace fleet::models;

namespace {
constexpr double HOUR_S = 3600.0;
constexpr double DAY_S = 86400.0;
constexpr std::uint64_t ITINERARY_PURPOSE = 42;

// Suzhou (inland shipper, 31.30 N 120.62 E) and Lyon (consignee, 45.76 N 4.84 E): city-centre coordinates.
const Place SUZHOU{"Suzhou", {31.30, 120.62}};
const Place LYON{"Lyon", {45.76, 4.84}};

RandomStream stream_for(std::uint64_t device_id) {
  return RandomStream(derive_stream_seed(1, device_id, ITINERARY_PURPOSE));
}

struct Fixture {
  Route route = asia_med_route();
  std::vector<ShipSchedule> ships{ShipSchedule(route, asia_med_voyage("A", 10 * DAY_S)),
                                  ShipSchedule(route, asia_med_voyage("B", 15 * DAY_S))};
  std::size_t shanghai = route.waypoint_index(SHANGHAI);
  std::size_t singapore = route.waypoint_index(SINGAPORE);
  std::size_t fos = route.waypoint_index(FOS_SUR_MER);

  ItineraryPlan direct() const {
    ItineraryPlan plan;
    plan.origin = SUZHOU;
    plan.destination = LYON;
    plan.legs = {{0, shanghai, fos}};
    return plan;
  }
};

std::vector<JourneyPhase> phases(const ContainerItinerary& itinerary) {
  std::vector<JourneyPhase> out;
  for (const JourneySegment& segment : itinerary.segments()) out.push_back(segment.phase);
  return out;
}
}  // namespace

TEST_CASE("a direct journey: truck, yard, sea with a port call, yard, truck", "[itinerary]") {
  const Fixture f;
  RandomStream stream = stream_for(3);
  const ContainerItinerary itinerary(f.direct(), f.ships, stream);
  using P = JourneyPhase;
  CHECK(phases(itinerary) == std::vector<P>{P::AT_ORIGIN, P::ROAD, P::YARD, P::AT_SEA, P::PORT_CALL,
                                            P::AT_SEA, P::YARD, P::ROAD, P::DELIVERED});
  const auto& s = itinerary.segments();
  for (std::size_t i = 0; i + 1 < s.size(); ++i) CHECK(s[i].end_s == s[i + 1].start_s);  // no gap, no overlap

  const ShipSchedule& ship = f.ships[0];
  CHECK(s[2].end_s == ship.departure_s(f.shanghai));   // loaded as the ship leaves
  CHECK(s[4].start_s == ship.arrival_s(f.singapore));  // alongside in Singapore with the ship
  CHECK(s[4].end_s == ship.departure_s(f.singapore));
  CHECK(s[6].start_s == ship.arrival_s(f.fos));  // discharged on arrival
  CHECK(s[2].end_s - s[2].start_s >= f.direct().export_dwell.min_s);
  CHECK(s[6].end_s - s[6].start_s >= f.direct().import_dwell.min_s);
  // Truck runs: great circle × detour factor at the truck's pace.
  const ItineraryPlan plan = f.direct();
  CHECK(s[1].end_s - s[1].start_s ==
        Approx(great_circle_distance_m(SUZHOU.position, f.route.waypoint(f.shanghai).position) *
               plan.road_detour_factor / plan.truck_speed_m_per_s));
  CHECK(s[7].end_s - s[7].start_s ==
        Approx(great_circle_distance_m(f.route.waypoint(f.fos).position, LYON.position) *
               plan.road_detour_factor / plan.truck_speed_m_per_s));
}

TEST_CASE("positions follow the phase: origin, truck, port, ship, destination", "[itinerary]") {
  const Fixture f;
  RandomStream stream = stream_for(3);
  const ContainerItinerary itinerary(f.direct(), f.ships, stream);
  const auto& s = itinerary.segments();
  const auto at = [&](double t) { return itinerary.state_at(t, f.ships); };

  CHECK(great_circle_distance_m(at(s[1].start_s - 1).position, SUZHOU.position) < 1e-6);
  const LatLon mid_road = at(0.5 * (s[1].start_s + s[1].end_s)).position;
  const double road_m = great_circle_distance_m(SUZHOU.position, f.route.waypoint(f.shanghai).position);
  CHECK(great_circle_distance_m(SUZHOU.position, mid_road) == Approx(road_m / 2).epsilon(1e-9));
  CHECK(great_circle_distance_m(at(s[2].start_s).position, f.route.waypoint(f.shanghai).position) < 1e-6);
  const double at_sea_s = s[5].start_s + 3 * DAY_S;
  CHECK(at(at_sea_s).phase == JourneyPhase::AT_SEA);
  CHECK(great_circle_distance_m(at(at_sea_s).position, f.ships[0].state_at(at_sea_s).position) == 0.0);
  CHECK(at(s[8].start_s).phase == JourneyPhase::DELIVERED);
  CHECK(great_circle_distance_m(at(s[8].start_s + DAY_S).position, LYON.position) < 1e-6);
}

TEST_CASE("transshipment at Singapore: yard between the two ships", "[itinerary]") {
  const Fixture f;
  ItineraryPlan plan = f.direct();
  plan.legs = {{0, f.shanghai, f.singapore}, {1, f.singapore, f.fos}};
  RandomStream stream = stream_for(4);
  const ContainerItinerary itinerary(plan, f.ships, stream);
  using P = JourneyPhase;
  CHECK(phases(itinerary) == std::vector<P>{P::AT_ORIGIN, P::ROAD, P::YARD, P::AT_SEA, P::YARD, P::AT_SEA,
                                            P::YARD, P::ROAD, P::DELIVERED});
  const JourneySegment& transshipment = itinerary.segments()[4];
  CHECK(transshipment.start_s == f.ships[0].arrival_s(f.singapore));
  CHECK(transshipment.end_s == f.ships[1].departure_s(f.singapore));

  // Ship B leaving before ship A arrives is a missed connection.
  plan.legs = {{1, f.shanghai, f.singapore}, {0, f.singapore, f.fos}};
  RandomStream again = stream_for(4);
  CHECK_THROWS_AS(ContainerItinerary(plan, f.ships, again), std::invalid_argument);
  // Boarding where the ship does not call, or alighting before boarding.
  plan.legs = {{0, f.shanghai + 1, f.fos}};
  CHECK_THROWS_AS(ContainerItinerary(plan, f.ships, again), std::invalid_argument);
  plan.legs = {{0, f.fos, f.shanghai}};
  CHECK_THROWS_AS(ContainerItinerary(plan, f.ships, again), std::invalid_argument);
}

TEST_CASE("phase lookup agrees with a linear scan, segment boundaries included", "[itinerary]") {
  const Fixture f;
  RandomStream stream = stream_for(5);
  const ContainerItinerary itinerary(f.direct(), f.ships, stream);
  const auto& s = itinerary.segments();
  const auto linear = [&](double t) {
    std::size_t found = 0;
    for (std::size_t i = 0; i < s.size(); ++i)
      if (s[i].start_s <= t && t < s[i].end_s) found = i;
    return found;
  };
  for (std::size_t i = 1; i < s.size(); ++i) {
    CHECK(itinerary.segment_at(s[i].start_s) == i);  // a boundary belongs to the segment it starts
    CHECK(itinerary.segment_at(std::nextafter(s[i].start_s, -1e300)) == i - 1);
  }
  RandomStream times(derive_stream_seed(9, 0, 0));
  for (int k = 0; k < 2000; ++k) {
    const double t = times.uniform(s[1].start_s - DAY_S, s.back().start_s + DAY_S);
    REQUIRE(itinerary.segment_at(t) == linear(t));
  }
}

TEST_CASE("dwell draws depend only on (seed, device id, purpose)", "[itinerary]") {
  const Fixture f;
  RandomStream first = stream_for(11);
  RandomStream same = stream_for(11);
  RandomStream other = stream_for(12);
  const ContainerItinerary a(f.direct(), f.ships, first);
  const ContainerItinerary b(f.direct(), f.ships, same);
  const ContainerItinerary c(f.direct(), f.ships, other);
  for (std::size_t i = 0; i < a.segments().size(); ++i)
    CHECK(a.segments()[i].start_s == b.segments()[i].start_s);
  CHECK(a.segments()[2].start_s != c.segments()[2].start_s);  // a different export dwell
}

TEST_CASE("the shifted log-normal dwell has its floor and its median", "[itinerary]") {
  const DwellDistribution dwell{12 * HOUR_S, 4.5 * DAY_S, 0.5};
  RandomStream stream(derive_stream_seed(2, 0, ITINERARY_PURPOSE));
  std::vector<double> draws;
  for (int i = 0; i < 20001; ++i) draws.push_back(dwell.draw_s(stream));
  CHECK(*std::min_element(draws.begin(), draws.end()) >= dwell.min_s);
  std::nth_element(draws.begin(), draws.begin() + 10000, draws.end());
  // Sample median of 20,001 draws: standard error ≈ 1.2533·σ_ln/√n ≈ 0.0044 in log space, so 2 % is >4 SE.
  const double excess_median = draws[10000] - dwell.min_s;
  CHECK(excess_median == Approx(dwell.median_s - dwell.min_s).epsilon(0.02));
}

TEST_CASE("a box with no onward connection stays in the last yard, never delivered", "[itinerary]") {
  const Fixture f;
  ItineraryPlan plan = f.direct();
  plan.legs = {{0, f.shanghai, f.singapore}};
  plan.held_at_last_port = true;
  RandomStream stream = stream_for(5);
  const ContainerItinerary itinerary(plan, f.ships, stream);
  using P = JourneyPhase;
  CHECK(phases(itinerary) == std::vector<P>{P::AT_ORIGIN, P::ROAD, P::YARD, P::AT_SEA, P::YARD});
  const JourneySegment& last = itinerary.segments().back();
  CHECK(last.start_s == f.ships[0].arrival_s(f.singapore));
  CHECK(std::isinf(last.end_s));
  CHECK(itinerary.state_at(last.start_s + 1000 * DAY_S, f.ships).phase == P::YARD);
  // The dwells are drawn all the same (export, then import): the export yard is the unheld one's.
  RandomStream again = stream_for(5);
  plan.held_at_last_port = false;
  const ContainerItinerary delivered(plan, f.ships, again);
  CHECK(delivered.segments()[2].start_s == itinerary.segments()[2].start_s);
}
