// Satellite links: bent-pipe geometry against docs/sources.md §8 and closed forms, defaults within the
// sourced ranges of §5/§9, billing.
#include <catch2/catch.hpp>

#include <cmath>
#include <numbers>

#include "models/geo.hpp"
#include "models/satellite_link.hpp"

using namespace fleet::models;

TEST_CASE("GEO bent pipe at the zenith: 238.7 ms one way (docs/sources.md §8.2)", "[satellite]") {
  const double zenith = std::numbers::pi / 2;
  CHECK(slant_range_m(GEO_ALTITUDE_M, zenith) == Approx(GEO_ALTITUDE_M).epsilon(1e-12));
  CHECK(bent_pipe_one_way_s(GEO_ALTITUDE_M, zenith) * 1e3 == Approx(238.7).margin(0.05));
  CHECK(2 * bent_pipe_one_way_s(GEO_ALTITUDE_M, zenith) * 1e3 == Approx(477.5).margin(0.1));
}

TEST_CASE("slant range at the horizon is the tangent length", "[satellite]") {
  // At 0° elevation the line of sight is tangent to the sphere: √((R+h)² − R²).
  const double r = EARTH_MEAN_RADIUS_M;
  const double h = GEO_ALTITUDE_M;
  CHECK(slant_range_m(h, 0.0) == Approx(std::sqrt((r + h) * (r + h) - r * r)).epsilon(1e-12));
  // Lower elevation, longer path: the GEO delay grows towards the quoted 250–270 ms one way (§5).
  CHECK(bent_pipe_one_way_s(h, 10 * std::numbers::pi / 180) * 1e3 == Approx(270).margin(10));
}

TEST_CASE("default links sit inside the sourced ranges", "[satellite]") {
  const SatelliteLinkParams geo = default_satellite_link(Orbit::GEO);
  CHECK(geo.rtt_s == 0.600);                                                         // ≈600 ms [S]
  CHECK(geo.rtt_s > 2 * bent_pipe_one_way_s(GEO_ALTITUDE_M, std::numbers::pi / 2));  // physics is a floor
  CHECK(geo.bandwidth_bps >= 2e6);                                                   // 2–50 Mbit/s [S]
  CHECK(geo.bandwidth_bps <= 50e6);
  CHECK(geo.one_way_latency_s() == 0.300);
  const SatelliteLinkParams leo = default_satellite_link(Orbit::LEO);
  CHECK(leo.rtt_s >= 0.020);  // 20–50 ms [S]
  CHECK(leo.rtt_s <= 0.050);
}

TEST_CASE("transfers are billed per MB of 10^6 bytes", "[satellite]") {
  CHECK(transfer_cost_usd(1'000'000, 2.14) == Approx(2.14));
  CHECK(transfer_cost_usd(50, 2.14) == Approx(50 * 2.14e-6));
  CHECK(transfer_cost_usd(0, 2.14) == 0.0);
}
