#include "models/path_loss.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace fleet::models {

double LogDistancePathLoss::path_loss_db(double distance_m) const {
  const double d_m = std::max(distance_m, reference_distance_m);
  return reference_loss_db + 10.0 * exponent * std::log10(d_m / reference_distance_m);
}

double free_space_path_loss_db(double distance_m, double frequency_hz) {
  const double k = 4.0 * std::numbers::pi * frequency_hz / SPEED_OF_LIGHT_M_PER_S;  // 1/m
  return std::max(0.0, 20.0 * std::log10(k * distance_m));
}

}  // namespace fleet::models
