#pragma once
// Network-side adaptive data rate, the LoRaWAN reference algorithm: Semtech's "LoRaWAN - simple rate
// adaptation recommended algorithm" as ns-3 lorawan implements it (AdrComponent, adr-component.cc):
//   margin = max SNR over the last `history` uplinks − required SNR(SF) − installation margin
//   steps  = floor(margin / 3 dB)
//   while steps > 0 and SF > 7:               SF −= 1       (one data rate up, 2.5 dB less link budget)
//   while steps > 0 and power − 2 ≥ minimum:  power −= 2 dB (EU868 TXPower steps are 2 dB)
//   while steps < 0 and power + 2 ≤ maximum:  power += 2 dB (the algorithm never raises the SF)
// Each step spends 3 dB of margin, whichever knob it turns (as the reference does).
//
// Here SNR − required SNR(SF) is taken as RSSI − gateway sensitivity(SF, BW): sensitivity is the noise
// floor plus the SF's demodulation SNR floor (models/lora_link.hpp), and it is the threshold the radio
// medium itself applies, so the margin is measured against what actually loses a frame.
namespace fleet::models {

struct AdrSettings {
  int spreading_factor = 12;
  int tx_power_dbm = 14;
  bool operator==(const AdrSettings&) const = default;
};

struct AdrLimits {
  double installation_margin_db = 10;  // [S] ns-3 AdrComponent / Semtech reference default
  int min_tx_power_dbm = 2;            // [S] EU868 TXPower 7 = max EIRP 16 dBm − 14 dB; ns-3's minimum
  int max_tx_power_dbm = 14;           // the power the device started at
};

inline constexpr double ADR_DB_PER_STEP = 3.0;
inline constexpr int ADR_POWER_STEP_DB = 2;

// The settings the reference algorithm gives a device now at `current` whose best uplink of its
// history arrived at `max_rssi_dbm` (the strongest gateway's copy). sf outside 7..12 or bandwidth ≤ 0
// throws std::invalid_argument (from gateway_sensitivity_dbm).
AdrSettings reference_adr(double max_rssi_dbm, AdrSettings current, double bandwidth_hz, const AdrLimits& limits);

}  // namespace fleet::models
