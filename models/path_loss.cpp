#include "models/path_loss.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace fleet::models {

double LogDistancePathLoss::path_loss_db(double distance_m) const {
  const double d_m = std::max(distance_m, reference_distance_m);
  return reference_loss_db + 10.0 * exponent * std::log10(d_m / reference_distance_m);
}

double OkumuraHataPathLoss::path_loss_db(double distance_m) const {
  const double log_f = std::log10(frequency_hz / 1e6);
  const double log_hb = std::log10(base_height_m);
  const double log_d = std::log10(std::max(distance_m, 1.0) / 1000.0);
  const double small_city_a_db = (1.1 * log_f - 0.7) * mobile_height_m - (1.56 * log_f - 0.8);
  const double large_city_a_db = 3.2 * std::pow(std::log10(11.75 * mobile_height_m), 2) - 4.97;
  const double urban_without_a_db = 69.55 + 26.16 * log_f - 13.82 * log_hb + (44.9 - 6.55 * log_hb) * log_d;
  const double small_city_db = urban_without_a_db - small_city_a_db;
  double loss_db = 0;
  switch (environment) {
    case HataEnvironment::URBAN_LARGE_CITY: loss_db = urban_without_a_db - large_city_a_db; break;
    case HataEnvironment::URBAN_SMALL_CITY: loss_db = small_city_db; break;
    case HataEnvironment::SUBURBAN:
      loss_db = small_city_db - 2.0 * std::pow(std::log10(frequency_hz / 28e6), 2) - 5.4;
      break;
    case HataEnvironment::OPEN: loss_db = small_city_db - 4.78 * log_f * log_f + 18.33 * log_f - 40.94; break;
  }
  return std::max(loss_db, free_space_path_loss_db(distance_m, frequency_hz));
}

double free_space_path_loss_db(double distance_m, double frequency_hz) {
  const double k = 4.0 * std::numbers::pi * frequency_hz / SPEED_OF_LIGHT_M_PER_S;  // 1/m
  return std::max(0.0, 20.0 * std::log10(k * distance_m));
}

}  // namespace fleet::models
