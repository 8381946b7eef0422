#pragma once
// Positions on the Earth: great-circle distance on a spherical Earth and a local flat frame for the
// short distances inside a port or around a gateway (docs/architecture.md §5 "Mobility").
namespace fleet::models {

// IUGG mean Earth radius R1 = (2a + b)/3 of WGS 84, in metres.
inline constexpr double EARTH_MEAN_RADIUS_M = 6'371'008.8;

struct LatLon {
  double lat_deg;  // north positive
  double lon_deg;  // east positive
};

// Haversine great-circle distance on the sphere of mean radius. Against the WGS 84 ellipsoid the sphere
// errs by at most about 0.5 % (the flattening); docs/sources.md §8 quotes its great circles on this sphere.
double great_circle_distance_m(LatLon a, LatLon b);

// A point as a unit vector from the Earth's centre, for screening many distances to a few fixed
// points: the chord between two unit vectors gives the great circle as 2R·asin(chord/2) with no trig
// per pair. It agrees with the haversine to about a millimetre (test_geo.cpp); code that must equal the
// haversine to the last bit uses it only to rule out points far beyond a range, then measures the rest.
struct UnitVector {
  double x, y, z;
};
UnitVector unit_vector(LatLon p);
double chord_great_circle_m(UnitVector a, UnitVector b);
// The squared chord between unit vectors, and that of a great circle of `distance_m`: comparing the
// two screens a distance against a range with neither a square root nor an arcsine.
double chord_squared(UnitVector a, UnitVector b);
double chord_squared_of_great_circle(double distance_m);

struct LocalPoint {
  double east_m;
  double north_m;
};

// Equirectangular projection around `origin`: north = R·Δφ, east = R·cos φ0·Δλ (Δλ wrapped to ±180°).
// to_geo() is its exact inverse. Error against the sphere: the east scale is exact only on the origin's
// parallel and drifts as cos φ / cos φ0 − 1 ≈ −tan φ0·Δφ. So for two points within r of the origin the
// plane distance between them is within (r/R)·|tan φ0| (+ O((r/R)²)) of the great circle, relative:
// 0.30 % for r = 20 km at Marseille's 43.3°, 0.54 % at 60°. Distances from the origin itself do about
// five times better (0.06 % and 0.10 % at 20 km), because a radial error only sees half the drift on
// half the span. tests/unit/models/test_geo.cpp checks both bounds.
// Use it for a port, a yard, a gateway's cell; use great circles between ports.
class LocalTangentPlane {
 public:
  explicit LocalTangentPlane(LatLon origin);
  LocalPoint to_local(LatLon p) const;
  LatLon to_geo(LocalPoint p) const;
  LatLon origin() const { return origin_; }

 private:
  LatLon origin_;
  double metres_per_rad_east_;  // R·cos φ0
};

}  // namespace fleet::models
