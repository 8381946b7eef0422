#pragma once
// Great circles with unit 3-vectors (docs/architecture.md §5 "Mobility": Eigen 3-vectors for the sphere).
// A point on the sphere is the unit vector from the Earth's centre (x towards 0°N 0°E, z towards the
// north pole). Interpolating between two such vectors with slerp walks the great circle between them at a
// constant speed, which latitude/longitude interpolation does not (it bends towards the poles and breaks
// across the antimeridian).
#include <Eigen/Core>

#include "models/geo.hpp"

namespace fleet::models {

Eigen::Vector3d to_unit_vector(LatLon position);
LatLon to_lat_lon(const Eigen::Vector3d& unit_vector);

// Angle between two unit vectors, atan2(|a×b|, a·b): accurate for tiny and for near-antipodal angles
// alike, unlike acos(a·b) which loses half its digits near 0.
double central_angle_rad(const Eigen::Vector3d& a, const Eigen::Vector3d& b);

// The point a fraction t ∈ [0, 1] of the way from a to b along the shorter great circle, given the angle
// between them (precomputed by the caller, who usually has it already). Spherical linear interpolation
// (Shoemake, "Animating rotation with quaternion curves", SIGGRAPH 1985):
//   p(t) = [sin((1−t)Ω)·a + sin(tΩ)·b] / sin Ω.
// For Ω below about 1e-9 rad (6 mm on the Earth) it falls back to a normalised lerp, which is then exact
// to rounding. Ω must be below π: between antipodes the great circle is not unique.
Eigen::Vector3d slerp(const Eigen::Vector3d& a, const Eigen::Vector3d& b, double angle_rad, double t);

}  // namespace fleet::models
