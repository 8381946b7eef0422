#pragma once
// LoRa receiver figures: sensitivity, SNR floor, noise, same-SF capture (docs/sources.md §4). Time on air is
// not here: it lives in hw/lora_airtime.hpp, shared by the firmware and the radio medium.
namespace fleet::models {

inline constexpr int MIN_SPREADING_FACTOR = 7;
inline constexpr int MAX_SPREADING_FACTOR = 12;
inline constexpr double REFERENCE_BANDWIDTH_HZ = 125'000.0;

// Sensitivity of a gateway (SX1301 DS, as in ns-3 gateway-lora-phy.cc) and of an end device (SX1272 DS,
// ns-3 end-device-lora-phy.cc), docs/sources.md §4 "Receiver sensitivity at 125 kHz" [S]. Only the 125 kHz
// tables are sourced; for another bandwidth the figure is shifted by 10·log10(BW/125 kHz), the change in
// thermal noise power (+3.01 dB at 250 kHz, +6.02 dB at 500 kHz) — an assumption, since at a fixed SF
// the demodulation SNR floor is the same. sf outside 7..12 or bandwidth ≤ 0 throws std::invalid_argument.
double gateway_sensitivity_dbm(int sf, double bandwidth_hz);
double device_sensitivity_dbm(int sf, double bandwidth_hz);

// Demodulation SNR floor (TTN lorawan-stack margin_table.go, 125 kHz), docs/sources.md §4 [S]; sf 6..12.
double snr_floor_db(int sf);

// kTB noise plus the receiver noise figure: −174 dBm/Hz (kT at 290 K) + 10·log10(BW) + NF (docs/sources.md §4,
// LoRa-DV). Sensitivity ≈ thermal_noise_dbm(BW, NF) + snr_floor_db(sf).
double thermal_noise_dbm(double bandwidth_hz, double noise_figure_db);

// Same-SF capture: a frame survives co-SF interference when its energy is at least this much above the
// summed interference energy (the diagonal of the Goursaud isolation matrix as used by ns-3, docs/sources.md
// §4). The whole test, same SF and across SFs, is models/lora_interference.hpp.
inline constexpr double SAME_SF_CAPTURE_DB = 6.0;

// Whose sensitivity table picks a device's SF from the power its best gateway receives.
enum class SensitivityReference : unsigned char {
  GATEWAY,  // the gateway's own (SX1301) figures: the ADR-like choice a network server makes
  DEVICE,   // the end device's (SX1272) figures, as ns-3 LorawanMacHelper::SetSpreadingFactorsUp does
};

// Lowest SF (7..12) whose sensitivity (per `reference`) plus `margin_db` is at most `rssi_dbm`, or 0
// if none.
int lowest_spreading_factor(double rssi_dbm, double bandwidth_hz, double margin_db,
                            SensitivityReference reference = SensitivityReference::GATEWAY);

// Power units. dbm_to_mw(−∞) = 0 and mw_to_dbm(0) = −∞, so "no power" round-trips.
double dbm_to_mw(double power_dbm);
double mw_to_dbm(double power_mw);
// Sum of two powers given in dBm (incoherent: the powers add in mW).
double power_sum_dbm(double a_dbm, double b_dbm);

}  // namespace fleet::models
