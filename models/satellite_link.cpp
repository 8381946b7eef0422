#include "models/satellite_link.hpp"

#include <cmath>

#include "models/geo.hpp"
#include "models/path_loss.hpp"

namespace fleet::models {
namespace {
constexpr double BYTES_PER_BILLED_MB = 1e6;
}  // namespace

SatelliteLinkParams default_satellite_link(Orbit orbit) {
  if (orbit == Orbit::GEO) return SatelliteLinkParams{};
  return SatelliteLinkParams{Orbit::LEO, 0.035, 10e6, 0.5};
}

double slant_range_m(double altitude_m, double elevation_rad) {
  const double r = EARTH_MEAN_RADIUS_M;
  const double orbit_r = r + altitude_m;
  const double cos_e = std::cos(elevation_rad);
  return std::sqrt(orbit_r * orbit_r - r * r * cos_e * cos_e) - r * std::sin(elevation_rad);
}

double bent_pipe_one_way_s(double altitude_m, double elevation_rad) {
  return 2.0 * slant_range_m(altitude_m, elevation_rad) / SPEED_OF_LIGHT_M_PER_S;
}

double transfer_cost_usd(std::uint64_t bytes, double price_usd_per_mb) {
  return static_cast<double>(bytes) / BYTES_PER_BILLED_MB * price_usd_per_mb;
}

}  // namespace fleet::models
