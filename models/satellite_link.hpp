#pragma once
// Satellite backhaul from a ship's hub: round trip, bandwidth share and price per MB (docs/sources.md §5,
// §9 link_models), plus the bent-pipe geometry that sets the floor of the GEO figure.
#include <cstdint>

namespace fleet::models {

enum class Orbit { GEO, LEO };

// Altitude of the geostationary orbit above the equator: 35,786 km [S] (docs/sources.md §5).
inline constexpr double GEO_ALTITUDE_M = 35'786e3;

struct SatelliteLinkParams {
  Orbit orbit = Orbit::GEO;
  double rtt_s = 0.600;            // GEO typical ≈600 ms [S]; LEO 20–50 ms [S]
  double bandwidth_bps = 2e6;      // maritime GEO VSAT 2–50 Mbit/s [S]: the low end, the hub's share
  double price_usd_per_mb = 2.14;  // FleetBroadband 750 MB/month plan, 12 months: $2.14/MB [S]
                                   // (mailasail.com "Inmarsat FleetBroadband Airtime"); metered maritime
                                   // VSAT quotes run $0.5–10/MB [S] (satmarin.com "Flat rate or metered")

  // One-way delay the SimGrid link carries: half the round trip (uplink and return path symmetric).
  double one_way_latency_s() const { return rtt_s / 2; }
};

// Defaults per orbit. LEO: 35 ms, the middle of the 20–50 ms quoted for Starlink-class service [S];
// 10 Mbit/s share [A] (a maritime provider advertises up to 220/40 Mbit/s [S]); price per MB not found
// for LEO maritime plans — the low end of metered VSAT, $0.5/MB, as a placeholder [U].
SatelliteLinkParams default_satellite_link(Orbit orbit);

// Distance from a ground point to a satellite at `altitude_m` seen at `elevation_rad` above the horizon,
// on the sphere of mean radius: √((R+h)² − R²cos²e) − R·sin e (law of cosines in the Earth-centre,
// ground, satellite triangle). Equals h at the zenith.
double slant_range_m(double altitude_m, double elevation_rad);

// Ground → satellite → ground propagation in vacuum (transparent transponder, no processing), both
// ends seeing the satellite at the same elevation. At the zenith for GEO: 2 × 35,786 km / c = 238.7 ms
// (docs/sources.md §8).
double bent_pipe_one_way_s(double altitude_m, double elevation_rad);

// Price of a transfer billed per MB (10^6 bytes [A]: airtime tariffs do not say which MB they mean;
// the binary MB would cost 4.9 % more per byte).
double transfer_cost_usd(std::uint64_t bytes, double price_usd_per_mb);

}  // namespace fleet::models
