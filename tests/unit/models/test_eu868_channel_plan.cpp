// The EU868 sub-bands of docs/sources.md §4 (ETSI EN 300 220 as configured in ns-3) and where channels fall.
#include <catch2/catch.hpp>

#include "models/eu868_channel_plan.hpp"

using namespace fleet::models;

TEST_CASE("EU868 sub-bands: edges, duty cycles and power limits", "[eu868]") {
  const auto bands = eu868_sub_bands();
  REQUIRE(bands.size() == 3);
  CHECK(bands[0].first_hz == 868.0e6);
  CHECK(bands[0].last_hz == 868.6e6);
  CHECK(bands[0].duty_cycle == 0.01);
  CHECK(bands[1].duty_cycle == 0.001);
  CHECK(bands[2].duty_cycle == 0.10);
  CHECK(bands[2].max_eirp_dbm == 27.0);
  CHECK(bands[0].max_eirp_dbm == 14.0);
}

TEST_CASE("channels fall in their sub-band, whole", "[eu868]") {
  for (double channel_hz : EU868_DEFAULT_CHANNELS_HZ) CHECK(eu868_sub_band_of(channel_hz, 125e3) == 0u);
  CHECK(eu868_sub_band_of(868.8e6, 125e3) == 1u);
  CHECK(eu868_sub_band_of(EU868_RX2_HZ, 125e3) == 2u);
  // 868.0 MHz would spill 62.5 kHz below the band; 868.65 MHz sits in the gap between g1 and g2.
  CHECK_FALSE(eu868_sub_band_of(868.0e6, 125e3).has_value());
  CHECK_FALSE(eu868_sub_band_of(868.65e6, 125e3).has_value());
  CHECK_FALSE(eu868_sub_band_of(915e6, 125e3).has_value());
  // 868.5 MHz holds a 125 kHz channel (868.4375–868.5625) but not a 250 kHz one (868.375–868.625).
  CHECK_FALSE(eu868_sub_band_of(868.5e6, 250e3).has_value());
}
