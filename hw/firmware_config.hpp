#pragma once
// Configuration of one device's firmware, set at boot (and later by downlink, see issue #3).
#include "hw/types.hpp"

namespace fleet::hw {

struct FirmwareConfig {
  std::uint32_t device_id = 0;
  TimeUs sample_interval_us = 15 * 60 * US_PER_S;  // sensor sampling period
  TimeUs report_interval_us = 60 * 60 * US_PER_S;  // routine report period
  TimeUs report_jitter_us = 30 * US_PER_S;         // uniform extra delay per report, desynchronises devices
  TimeUs coalesce_window_us = 2 * US_PER_S;        // tasks due within this window run in one wake-up
  std::uint8_t spreading_factor = 9;
  std::int8_t tx_power_dbm = 14;
  std::uint8_t channel_count = 3;  // uplink channels of the region's plan; one is drawn per frame
  std::uint16_t max_payload_bytes = 51;  // application payload limit at this data rate
  std::uint16_t duty_cycle_permille = 10;  // sub-band duty cycle (EU868 g1: 1 % = 10 permille)
  std::uint16_t bandwidth_khz = 125;
  std::uint8_t coding_rate = 1;  // 1..4 for 4/5..4/8
  std::uint8_t preamble_symbols = 8;
  std::uint8_t mac_overhead_bytes = 13;  // LoRaWAN MHDR+FHDR+FPort+MIC added to the application payload
  std::uint16_t queue_capacity = 32;     // records kept for store-and-forward (at most RecordQueue::MAX)
};

}  // namespace fleet::hw
