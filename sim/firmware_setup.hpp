#pragma once
// From the scenario's device profile to one device's firmware configuration.
#include <cmath>
#include <cstdint>

#include "hw/duty_cycle.hpp"
#include "hw/firmware_config.hpp"
#include "sim/scenario.hpp"

namespace fleet::sim {

// Largest application payload per spreading factor at 125 kHz in EU868 (DR5..DR0 = SF7..SF12).
// [S] LoRaMac-node RegionEU868.h MaxPayloadOfDatarateEU868 (domain.md section 4).
inline std::uint16_t eu868_max_payload_bytes(int spreading_factor) {
  constexpr std::uint16_t BY_SF[] = {242, 242, 115, 51, 51, 51};  // SF7..SF12
  return BY_SF[spreading_factor - 7];
}

inline hw::TimeUs to_us(double seconds) { return static_cast<hw::TimeUs>(std::llround(seconds * 1e6)); }

inline hw::FirmwareConfig firmware_config_for(const Scenario& scenario, std::uint32_t device_id, int spreading_factor) {
  const FirmwareSpec& firmware = scenario.fleet.firmware;
  const RadioSpec& radio = scenario.radio;
  hw::FirmwareConfig config;
  config.device_id = device_id;
  config.sample_interval_us = to_us(firmware.sample_interval_s);
  config.report_interval_us = to_us(firmware.report_interval_s);
  config.report_jitter_us = to_us(firmware.report_jitter_s);
  config.coalesce_window_us = to_us(firmware.coalesce_window_s);
  config.spreading_factor = static_cast<std::uint8_t>(spreading_factor);
  config.tx_power_dbm = static_cast<std::int8_t>(std::lround(radio.tx_power_dbm));
  config.channel_count = static_cast<std::uint8_t>(radio.channels_hz.size());
  // Each channel in its EU868 sub-band (one outside all three is left in g1 for validate_config to judge).
  for (std::size_t c = 0; c < radio.channels_hz.size() && c < hw::MAX_CHANNELS; ++c) {
    const std::size_t sub_band = hw::eu868_sub_band_of(static_cast<std::uint32_t>(std::lround(radio.channels_hz[c])));
    config.channel_sub_band[c] = static_cast<std::uint8_t>(sub_band < hw::SUB_BAND_COUNT ? sub_band : 0);
  }
  config.bearers[static_cast<std::size_t>(hw::Bearer::LORA)].max_payload_bytes = eu868_max_payload_bytes(spreading_factor);
  // The scenario's radio.duty_cycle is the g1 figure; g2 and g3 keep their regulatory defaults.
  config.sub_band_duty_permille[0] = static_cast<std::uint16_t>(std::lround(radio.duty_cycle * 1000));
  config.bandwidth_khz = static_cast<std::uint16_t>(std::lround(radio.bandwidth_hz / 1000));
  config.coding_rate = static_cast<std::uint8_t>(radio.coding_rate);
  config.preamble_symbols = static_cast<std::uint8_t>(radio.preamble_symbols);
  config.mac_overhead_bytes = static_cast<std::uint8_t>(radio.mac_overhead_bytes);
  config.queue_capacity = static_cast<std::uint16_t>(firmware.queue_capacity);
  config.confirm_every_n_frames = static_cast<std::uint8_t>(firmware.confirm_every_n_frames);
  return config;
}

}  // namespace fleet::sim
