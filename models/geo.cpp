#include "models/geo.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace fleet::models {
namespace {

constexpr double RAD_PER_DEG = std::numbers::pi / 180.0;

// Longitude difference folded into [−180°, 180°), so a pair across the antimeridian stays close.
double wrapped_delta_lon_deg(double to_deg, double from_deg) {
  const double d = std::fmod(to_deg - from_deg + 180.0, 360.0);
  return (d < 0.0 ? d + 360.0 : d) - 180.0;
}

}  // namespace

double great_circle_distance_m(LatLon a, LatLon b) {
  // Haversine (Sinnott 1984): well conditioned for short distances, unlike the spherical law of cosines.
  const double phi1 = a.lat_deg * RAD_PER_DEG;
  const double phi2 = b.lat_deg * RAD_PER_DEG;
  const double half_dphi = 0.5 * (phi2 - phi1);
  const double half_dlambda = 0.5 * (b.lon_deg - a.lon_deg) * RAD_PER_DEG;
  const double s1 = std::sin(half_dphi);
  const double s2 = std::sin(half_dlambda);
  const double h = s1 * s1 + std::cos(phi1) * std::cos(phi2) * s2 * s2;
  // Clamp: rounding can push h a hair above 1 for antipodal points.
  return 2.0 * EARTH_MEAN_RADIUS_M * std::asin(std::sqrt(std::min(1.0, h)));
}

UnitVector unit_vector(LatLon p) {
  const double phi = p.lat_deg * RAD_PER_DEG;
  const double lambda = p.lon_deg * RAD_PER_DEG;
  return UnitVector{std::cos(phi) * std::cos(lambda), std::cos(phi) * std::sin(lambda), std::sin(phi)};
}

double chord_squared(UnitVector a, UnitVector b) {
  // From the component differences, not 2 - 2·(a·b), which cancels for near points.
  const double dx = a.x - b.x, dy = a.y - b.y, dz = a.z - b.z;
  return dx * dx + dy * dy + dz * dz;
}

double chord_great_circle_m(UnitVector a, UnitVector b) {
  return 2.0 * EARTH_MEAN_RADIUS_M * std::asin(std::min(1.0, 0.5 * std::sqrt(chord_squared(a, b))));
}

double chord_squared_of_great_circle(double distance_m) {
  const double half_chord = std::sin(std::min(std::numbers::pi, distance_m / EARTH_MEAN_RADIUS_M) / 2.0);
  return 4.0 * half_chord * half_chord;
}

LocalTangentPlane::LocalTangentPlane(LatLon origin)
    : origin_(origin), metres_per_rad_east_(EARTH_MEAN_RADIUS_M * std::cos(origin.lat_deg * RAD_PER_DEG)) {}

LocalPoint LocalTangentPlane::to_local(LatLon p) const {
  return {metres_per_rad_east_ * wrapped_delta_lon_deg(p.lon_deg, origin_.lon_deg) * RAD_PER_DEG,
          EARTH_MEAN_RADIUS_M * (p.lat_deg - origin_.lat_deg) * RAD_PER_DEG};
}

LatLon LocalTangentPlane::to_geo(LocalPoint p) const {
  const double lat_deg = origin_.lat_deg + p.north_m / EARTH_MEAN_RADIUS_M / RAD_PER_DEG;
  double lon_deg = origin_.lon_deg + p.east_m / metres_per_rad_east_ / RAD_PER_DEG;
  if (lon_deg >= 180.0) lon_deg -= 360.0;
  if (lon_deg < -180.0) lon_deg += 360.0;
  return {lat_deg, lon_deg};
}

}  // namespace fleet::models
