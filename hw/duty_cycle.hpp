#pragma once
// Per-sub-band duty-cycle bookkeeping (ETSI EN 300 220, EU868). After a frame of time on air T in a
// sub-band with duty cycle dc, that sub-band stays closed for T/dc − T after the frame ends
// (ns-3 logical-lora-channel-helper), i.e. it reopens T/dc after the frame started. The firmware asks
// is_open() before every start_tx, so it can never transmit in violation.
#include <array>
#include <cstddef>
#include <cstdint>

#include "hw/types.hpp"

namespace fleet::hw {

// The EU868 sub-band (index for SUB_BAND_COUNT) of a channel's centre frequency, or SUB_BAND_COUNT
// when the frequency lies in none of the three (e.g. between g1 and g2).
constexpr std::size_t eu868_sub_band_of(std::uint32_t frequency_hz) {
  if (frequency_hz >= 868'000'000 && frequency_hz <= 868'600'000) return 0;
  if (frequency_hz >= 868'700'000 && frequency_hz <= 869'200'000) return 1;
  if (frequency_hz >= 869'400'000 && frequency_hz <= 869'650'000) return 2;
  return SUB_BAND_COUNT;
}

// Silence owed after a frame: T·(1000/permille − 1), rounded up so rounding never shortens it.
// permille >= 1000 means no limit; 0 is not a valid duty cycle and is treated as the strictest EU868
// value (1 permille) rather than as "no limit".
constexpr TimeUs duty_cycle_off_time_us(TimeUs time_on_air_us, std::uint16_t duty_cycle_permille) {
  const TimeUs permille = duty_cycle_permille == 0 ? 1 : duty_cycle_permille;
  if (permille >= 1000) return 0;
  const TimeUs period_us = (time_on_air_us * 1000 + permille - 1) / permille;  // T / dc
  return period_us - time_on_air_us;
}

class DutyCycle {
 public:
  constexpr bool is_open(std::size_t sub_band, TimeUs now_us) const {
    return now_us >= open_at_us_[sub_band];
  }

  // First instant the sub-band may carry a new frame (0 until it has been used).
  constexpr TimeUs open_at_us(std::size_t sub_band) const { return open_at_us_[sub_band]; }

  // Books a frame that started at start_us: the band is busy for its time on air, then silent.
  constexpr void record_tx(std::size_t sub_band, TimeUs start_us, TimeUs time_on_air_us,
                           std::uint16_t duty_cycle_permille) {
    open_at_us_[sub_band] =
        start_us + time_on_air_us + duty_cycle_off_time_us(time_on_air_us, duty_cycle_permille);
  }

 private:
  std::array<TimeUs, SUB_BAND_COUNT> open_at_us_{};
};

}  // namespace fleet::hw
