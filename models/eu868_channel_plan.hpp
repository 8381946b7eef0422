#pragma once
// The EU868 channel plan: the regulated sub-bands the uplink channels sit in (ETSI EN 300 220, as
// configured in ns-3 lorawan-mac-helper.cc AddSubBand; docs/sources.md §4), the default channels and RX2.
#include <cstddef>
#include <optional>
#include <span>

namespace fleet::models {

struct Eu868SubBand {
  double first_hz;
  double last_hz;
  double duty_cycle;  // fraction of time on air allowed over the band
  double max_eirp_dbm;
};

// g1 868.0–868.6 MHz 1 %, g2 868.7–869.2 MHz 0.1 %, g3 869.4–869.65 MHz 10 % (docs/sources.md §4) [S].
std::span<const Eu868SubBand> eu868_sub_bands();

// Index of the sub-band a channel centre lies in, or nothing when it is outside every regulated one.
// A 125 kHz channel must fit whole: its centre must lie at least half the bandwidth inside the band
// (868.1 MHz in g1 is fine; 868.0 MHz would spill below 868.0).
std::optional<std::size_t> eu868_sub_band_of(double center_hz, double bandwidth_hz);

// The three channels every EU868 device knows from the start (LoRaWAN Regional Parameters), all in g1.
inline constexpr double EU868_DEFAULT_CHANNELS_HZ[] = {868.1e6, 868.3e6, 868.5e6};
// RX2: 869.525 MHz at DR0 (SF12/125 kHz), in g3 where the 10 % duty cycle and 27 dBm apply (docs/sources.md §4).
inline constexpr double EU868_RX2_HZ = 869.525e6;

}  // namespace fleet::models
