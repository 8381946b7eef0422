// Cable systems: fibre latencies against docs/sources.md §8, segment lengths that add up to the published
// system length and never undercut the great circle.
#include <catch2/catch.hpp>

#include <stdexcept>

#include "models/cable_catalogue.hpp"

using namespace fleet::models;

TEST_CASE("fibre latency reproduces docs/sources.md §8.2 one-way figures", "[cable]") {
  CHECK(fibre_latency_s(1'000e3) * 1e3 == Approx(4.9).margin(0.05));
  // §8 rows: system → one-way ms at 4.9 µs/km, full published length.
  const struct {
    const char* cable;
    double one_way_ms;
  } rows[] = {{"SEA-ME-WE 5", 98.0}, {"SEA-ME-WE 6", 94.1}, {"AAE-1", 122.5}, {"IMEWE", 63.7}};
  for (const auto& row : rows) {
    INFO(row.cable);
    CHECK(fibre_latency_s(cable_by_name(row.cable).length_m) * 1e3 == Approx(row.one_way_ms).margin(0.05));
  }
  // §8 "PEACE Pakistan–France 15,000 km, 73.5 ms": the Karachi → Marseille part of the trunk.
  double karachi_to_marseille_m = 0;
  bool past_karachi = false;
  for (const CableSegment& segment : cable_segments(cable_by_name("PEACE"))) {
    past_karachi = past_karachi || segment.from == "Karachi";
    if (past_karachi) karachi_to_marseille_m += segment.length_m;
  }
  CHECK(fibre_latency_s(karachi_to_marseille_m) * 1e3 == Approx(73.5).margin(0.05));
  // Equipment adds on top, one for one.
  CHECK(fibre_latency_s(1'000e3, 0.002) == Approx(0.0049 + 0.002));
}

TEST_CASE("segments add up to the system and are never shorter than the great circle", "[cable]") {
  for (const CableSystem& cable : cable_catalogue()) {
    INFO(cable.name);
    const std::vector<CableSegment> segments = cable_segments(cable);
    REQUIRE(segments.size() + 1 == cable.landings.size());
    double total_m = 0;
    for (const CableSegment& segment : segments) {
      total_m += segment.length_m;
      const double great_circle_m = great_circle_distance_m(landing_station_by_name(segment.from).position,
                                                            landing_station_by_name(segment.to).position);
      CHECK(segment.length_m >= great_circle_m);
    }
    CHECK(total_m == Approx(cable.length_m).epsilon(1e-12));
    CHECK(cable.landings.back() == "Marseille");  // every system here ends at the data centre's city
  }
  const auto peace = cable_segments(cable_by_name("PEACE"));
  CHECK(peace[0].length_m == 6'500e3);  // published segments are kept as published
  CHECK(peace[1].length_m == 5'800e3);
}

TEST_CASE("unknown names and inconsistent published segments are refused", "[cable]") {
  CHECK_THROWS_AS(cable_by_name("TAT-14"), std::invalid_argument);
  CHECK_THROWS_AS(landing_station_by_name("Atlantis"), std::invalid_argument);
  CableSystem too_short = cable_by_name("PEACE");
  too_short.length_m = 12'000e3;  // less than the two published segments
  CHECK_THROWS_AS(cable_segments(too_short), std::invalid_argument);
  CableSystem off_trunk = cable_by_name("IMEWE");
  off_trunk.published_segments = {{"Mumbai", "Marseille", 9'000e3}};
  CHECK_THROWS_AS(cable_segments(off_trunk), std::invalid_argument);
}
