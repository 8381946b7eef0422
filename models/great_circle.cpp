#include "models/great_circle.hpp"

#include <cmath>
#include <numbers>

#include <Eigen/Geometry>

namespace fleet::models {
namespace {
constexpr double RAD_PER_DEG = std::numbers::pi / 180.0;
constexpr double SLERP_MIN_ANGLE_RAD = 1e-9;
}  // namespace

Eigen::Vector3d to_unit_vector(LatLon position) {
  const UnitVector v = unit_vector(position);  // one formula for both vector types (models/geo.hpp)
  return {v.x, v.y, v.z};
}

LatLon to_lat_lon(const Eigen::Vector3d& unit_vector) {
  // atan2 on both angles: no domain error when rounding pushes |z| a hair past 1.
  const double horizontal = std::hypot(unit_vector.x(), unit_vector.y());
  return {std::atan2(unit_vector.z(), horizontal) / RAD_PER_DEG,
          std::atan2(unit_vector.y(), unit_vector.x()) / RAD_PER_DEG};
}

double central_angle_rad(const Eigen::Vector3d& a, const Eigen::Vector3d& b) {
  return std::atan2(a.cross(b).norm(), a.dot(b));
}

Eigen::Vector3d slerp(const Eigen::Vector3d& a, const Eigen::Vector3d& b, double angle_rad, double t) {
  if (angle_rad < SLERP_MIN_ANGLE_RAD) return ((1.0 - t) * a + t * b).normalized();
  const double sin_angle = std::sin(angle_rad);
  return (std::sin((1.0 - t) * angle_rad) / sin_angle) * a + (std::sin(t * angle_rad) / sin_angle) * b;
}

}  // namespace fleet::models
