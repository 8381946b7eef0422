// LoRa receiver figures against docs/sources.md §4 and the ns-3 lorawan InterferenceTest vectors.
#include <catch2/catch.hpp>

#include <cmath>
#include <limits>
#include <stdexcept>

#include "models/lora_link.hpp"

using namespace fleet::models;

TEST_CASE("sensitivity tables at 125 kHz (docs/sources.md §4)", "[lora]") {
  const double gateway[] = {-130, -132.5, -135, -137.5, -140, -142.5};
  const double device[] = {-124, -127, -130, -133, -135, -137};
  for (int sf = 7; sf <= 12; ++sf) {
    CHECK(gateway_sensitivity_dbm(sf, 125e3) == gateway[sf - 7]);
    CHECK(device_sensitivity_dbm(sf, 125e3) == device[sf - 7]);
  }
  CHECK_THROWS_AS(gateway_sensitivity_dbm(6, 125e3), std::invalid_argument);
  CHECK_THROWS_AS(device_sensitivity_dbm(13, 125e3), std::invalid_argument);
  CHECK_THROWS_AS(gateway_sensitivity_dbm(7, 0.0), std::invalid_argument);
}

TEST_CASE("wider bandwidths shift sensitivity by the noise bandwidth", "[lora]") {
  CHECK(gateway_sensitivity_dbm(9, 250e3) == Approx(-135 + 3.0103).margin(1e-4));
  CHECK(gateway_sensitivity_dbm(9, 500e3) == Approx(-135 + 6.0206).margin(1e-4));
  CHECK(device_sensitivity_dbm(12, 500e3) == Approx(-137 + 6.0206).margin(1e-4));
}

TEST_CASE("SNR floors and thermal noise reproduce the device table (LoRa-DV formula)", "[lora]") {
  const double floors[] = {-5, -7.5, -10, -12.5, -15, -17.5, -20};
  for (int sf = 6; sf <= 12; ++sf) CHECK(snr_floor_db(sf) == floors[sf - 6]);
  CHECK_THROWS_AS(snr_floor_db(5), std::invalid_argument);
  CHECK(thermal_noise_dbm(125e3, 0.0) == Approx(-174 + 50.9691).margin(1e-4));
  CHECK(thermal_noise_dbm(125e3, 6.0) == Approx(-117.0309).margin(1e-4));
  // docs/sources.md §4: sensitivity = −174 + 10·log10(BW) + NF(6 dB) + SNR; it lands within 1 dB of SX1272's.
  for (int sf = 7; sf <= 12; ++sf) {
    CHECK(thermal_noise_dbm(125e3, 6.0) + snr_floor_db(sf) ==
          Approx(device_sensitivity_dbm(sf, 125e3)).margin(1.0));
  }
}

TEST_CASE("lowest spreading factor for an RSSI", "[lora]") {
  CHECK(lowest_spreading_factor(-100, 125e3, 0) == 7);
  CHECK(lowest_spreading_factor(-130, 125e3, 0) == 7);  // exactly at SF7 sensitivity
  CHECK(lowest_spreading_factor(-130.01, 125e3, 0) == 8);
  CHECK(lowest_spreading_factor(-131, 125e3, 0) == 8);
  CHECK(lowest_spreading_factor(-125, 125e3, 10) == 9);  // −135 + 10 ≤ −125
  CHECK(lowest_spreading_factor(-142.5, 125e3, 0) == 12);
  CHECK(lowest_spreading_factor(-143, 125e3, 0) == 0);
  // At 500 kHz the tables shift by +6.02 dB: SF8 needs −126.48 dBm, SF9 −128.98 dBm.
  CHECK(lowest_spreading_factor(-128, 500e3, 0) == 9);
  CHECK(lowest_spreading_factor(-126, 500e3, 0) == 8);
  // ns-3 SetSpreadingFactorsUp compares with the device table (−124, −127, ... −137 dBm).
  CHECK(lowest_spreading_factor(-124, 125e3, 0, SensitivityReference::DEVICE) == 7);
  CHECK(lowest_spreading_factor(-125, 125e3, 0, SensitivityReference::DEVICE) == 8);
  CHECK(lowest_spreading_factor(-136.7, 125e3, 0, SensitivityReference::DEVICE) == 12);
  CHECK(lowest_spreading_factor(-137.5, 125e3, 0, SensitivityReference::DEVICE) == 0);
}

TEST_CASE("dBm and milliwatts", "[lora]") {
  CHECK(dbm_to_mw(0) == 1.0);
  CHECK(dbm_to_mw(30) == Approx(1000.0));
  CHECK(dbm_to_mw(14) == Approx(25.1189).epsilon(1e-5));
  CHECK(mw_to_dbm(1000) == Approx(30.0));
  CHECK(mw_to_dbm(dbm_to_mw(-123.4)) == Approx(-123.4));
  CHECK(power_sum_dbm(10, 10) == Approx(13.0103).margin(1e-4));
  CHECK(std::isinf(mw_to_dbm(0.0)));
  CHECK(dbm_to_mw(-std::numeric_limits<double>::infinity()) == 0.0);
}
