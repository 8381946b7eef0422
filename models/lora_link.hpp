#pragma once
// LoRa receiver figures: sensitivity, SNR floor, noise, same-SF capture (domain.md §4). Time on air is
// not here: it lives in hw/lora_airtime.hpp, shared by the firmware and the radio medium.
namespace fleet::models {

inline constexpr int MIN_SPREADING_FACTOR = 7;
inline constexpr int MAX_SPREADING_FACTOR = 12;
inline constexpr double REFERENCE_BANDWIDTH_HZ = 125'000.0;

// Sensitivity of a gateway (SX1301 DS, as in ns-3 gateway-lora-phy.cc) and of an end device (SX1272 DS,
// ns-3 end-device-lora-phy.cc), domain.md §4 "Receiver sensitivity at 125 kHz" [S]. Only the 125 kHz
// tables are sourced; for another bandwidth the figure is shifted by 10·log10(BW/125 kHz), the change in
// thermal noise power (+3.01 dB at 250 kHz, +6.02 dB at 500 kHz) — an assumption, since at a fixed SF
// the demodulation SNR floor is the same. sf outside 7..12 or bandwidth ≤ 0 throws std::invalid_argument.
double gateway_sensitivity_dbm(int sf, double bandwidth_hz);
double device_sensitivity_dbm(int sf, double bandwidth_hz);

// Demodulation SNR floor (TTN lorawan-stack margin_table.go, 125 kHz), domain.md §4 [S]; sf 6..12.
double snr_floor_db(int sf);

// kTB noise plus the receiver noise figure: −174 dBm/Hz (kT at 290 K) + 10·log10(BW) + NF (domain.md §4,
// LoRa-DV). Sensitivity ≈ thermal_noise_dbm(BW, NF) + snr_floor_db(sf).
double thermal_noise_dbm(double bandwidth_hz, double noise_figure_db);

// Same-SF capture: a frame survives co-SF interference when its power is at least this much above the
// summed interference (the diagonal of the Goursaud isolation matrix as used by ns-3, domain.md §4).
inline constexpr double SAME_SF_CAPTURE_DB = 6.0;

// True when wanted − interference ≥ threshold (dB). `interferer_sum_dbm` is the power sum of every
// same-SF, same-channel interferer, each weighted by its overlap fraction (ns-3 compares energies over
// the wanted frame: E_i/E_s = Σ P_i·overlap_i / (P_s·T_s)); build it with power_sum_dbm / dbm_to_mw.
// No interferer is −∞ dBm, which always survives. The tie survives: ns-3 uses the same `>=`, and its test
// vector "14 dBm vs 8 dBm: destroyed" (domain.md §4) is an artefact of rounding there — it evaluates
// 10·log10(10^1.4 / 10^0.8) = 5.999999999999997 < 6.
bool survives_same_sf(double wanted_dbm, double interferer_sum_dbm, double capture_threshold_db);

// Inter-SF interference (Goursaud & Gorce 2015 isolation matrix, domain.md §4): a later issue. It will be
// its own file, models/lora_interference.hpp, with a per-SF-pair isolation table and a check applied per
// interferer SF (energies summed within one SF, never across SFs); survives_same_sf stays the diagonal.

// Lowest SF (7..12) whose gateway sensitivity plus `margin_db` is at most `rssi_dbm`, or 0 if none: the
// ADR-like choice a network server makes for a device it hears at that RSSI.
int lowest_spreading_factor(double rssi_dbm, double bandwidth_hz, double margin_db);

// Power units. dbm_to_mw(−∞) = 0 and mw_to_dbm(0) = −∞, so "no power" round-trips.
double dbm_to_mw(double power_dbm);
double mw_to_dbm(double power_mw);
// Sum of two powers given in dBm (incoherent: the powers add in mW).
double power_sum_dbm(double a_dbm, double b_dbm);

}  // namespace fleet::models
