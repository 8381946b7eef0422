#include "models/lora_link.hpp"

#include <array>
#include <cmath>
#include <stdexcept>
#include <string>

namespace fleet::models {
namespace {

// docs/sources.md §4 [S], index sf − 7.
constexpr std::array<double, 6> GATEWAY_SENSITIVITY_125K_DBM = {-130.0, -132.5, -135.0,
                                                                -137.5, -140.0, -142.5};
constexpr std::array<double, 6> DEVICE_SENSITIVITY_125K_DBM = {-124.0, -127.0, -130.0,
                                                               -133.0, -135.0, -137.0};
// docs/sources.md §4 [S], index sf − 6.
constexpr std::array<double, 7> SNR_FLOOR_125K_DB = {-5.0, -7.5, -10.0, -12.5, -15.0, -17.5, -20.0};

constexpr double THERMAL_NOISE_DBM_PER_HZ = -174.0;

void check_sf(int sf, int lowest) {
  if (sf < lowest || sf > MAX_SPREADING_FACTOR) {
    throw std::invalid_argument("LoRa spreading factor " + std::to_string(sf) + " outside " +
                                std::to_string(lowest) + ".." + std::to_string(MAX_SPREADING_FACTOR));
  }
}

double bandwidth_shift_db(double bandwidth_hz) {
  if (!(bandwidth_hz > 0.0)) throw std::invalid_argument("LoRa bandwidth must be positive");
  return 10.0 * std::log10(bandwidth_hz / REFERENCE_BANDWIDTH_HZ);
}

double sensitivity_dbm(const std::array<double, 6>& table, int sf, double bandwidth_hz) {
  check_sf(sf, MIN_SPREADING_FACTOR);
  return table[static_cast<std::size_t>(sf - MIN_SPREADING_FACTOR)] + bandwidth_shift_db(bandwidth_hz);
}

}  // namespace

double gateway_sensitivity_dbm(int sf, double bandwidth_hz) {
  return sensitivity_dbm(GATEWAY_SENSITIVITY_125K_DBM, sf, bandwidth_hz);
}

double device_sensitivity_dbm(int sf, double bandwidth_hz) {
  return sensitivity_dbm(DEVICE_SENSITIVITY_125K_DBM, sf, bandwidth_hz);
}

double snr_floor_db(int sf) {
  check_sf(sf, 6);
  return SNR_FLOOR_125K_DB[static_cast<std::size_t>(sf - 6)];
}

double thermal_noise_dbm(double bandwidth_hz, double noise_figure_db) {
  return THERMAL_NOISE_DBM_PER_HZ + 10.0 * std::log10(bandwidth_hz) + noise_figure_db;
}

int lowest_spreading_factor(double rssi_dbm, double bandwidth_hz, double margin_db,
                            SensitivityReference reference) {
  const auto& table =
      reference == SensitivityReference::GATEWAY ? GATEWAY_SENSITIVITY_125K_DBM : DEVICE_SENSITIVITY_125K_DBM;
  for (int sf = MIN_SPREADING_FACTOR; sf <= MAX_SPREADING_FACTOR; ++sf) {
    if (sensitivity_dbm(table, sf, bandwidth_hz) + margin_db <= rssi_dbm) return sf;
  }
  return 0;
}

double dbm_to_mw(double power_dbm) {
  return std::pow(10.0, power_dbm / 10.0);
}

double mw_to_dbm(double power_mw) {
  return 10.0 * std::log10(power_mw);
}

double power_sum_dbm(double a_dbm, double b_dbm) {
  return mw_to_dbm(dbm_to_mw(a_dbm) + dbm_to_mw(b_dbm));
}

}  // namespace fleet::models
