#include <catch2/catch.hpp>

#include "models/gnss_receiver.hpp"

using fleet::models::gnss_start_kind;
using fleet::models::gnss_time_to_fix_s;
using fleet::models::GnssStart;
using fleet::models::GnssTiming;

TEST_CASE("A receiver that never fixed starts cold: the NEO-M8 cold TTFF of 26 s", "[gnss]") {
  const GnssTiming timing;
  CHECK(gnss_start_kind(timing, -1) == GnssStart::COLD);
  CHECK(gnss_time_to_fix_s(timing, GnssStart::COLD) == 26.0);
}

TEST_CASE("Start kind follows the age of the last fix across both validity edges", "[gnss]") {
  const GnssTiming timing;  // ephemeris 4 h, almanac 30 d
  CHECK(gnss_start_kind(timing, 0) == GnssStart::HOT);
  CHECK(gnss_start_kind(timing, 4 * 3600.0) == GnssStart::HOT);
  CHECK(gnss_start_kind(timing, 4 * 3600.0 + 1) == GnssStart::WARM);
  CHECK(gnss_start_kind(timing, 30 * 86400.0) == GnssStart::WARM);
  CHECK(gnss_start_kind(timing, 30 * 86400.0 + 1) == GnssStart::COLD);
  CHECK(gnss_time_to_fix_s(timing, gnss_start_kind(timing, 3600)) == 1.0);    // NEO-M8 hot start
  CHECK(gnss_time_to_fix_s(timing, gnss_start_kind(timing, 86400)) == 25.0);  // warm
}

TEST_CASE("A device fixing every 8 h (docs/sources.md policy) never gets a hot start with 4 h ephemerides",
          "[gnss]") {
  const GnssTiming timing;
  CHECK(gnss_start_kind(timing, 8 * 3600.0) == GnssStart::WARM);
  GnssTiming longer = timing;
  longer.ephemeris_valid_s = 8 * 3600.0;
  CHECK(gnss_start_kind(longer, 8 * 3600.0) == GnssStart::HOT);
}
