#pragma once
// Shared by the firmware tests: a booted device on a FakeHal, decoded frames, the accounting identity.
#include <vector>

#include <catch2/catch.hpp>

#include "fake_hal.hpp"
#include "hw/downlink_codec.hpp"
#include "hw/firmware.hpp"
#include "hw/uplink_codec.hpp"

namespace fleet::hw::test {

// A downlink frame carrying these parameters, encoded with the firmware's own codec.
inline std::vector<std::uint8_t> downlink(std::initializer_list<DownlinkParam> params) {
  std::vector<std::uint8_t> out(64);
  const std::vector<DownlinkParam> list(params);
  out.resize(encode_downlink(list.data(), list.size(), out.data(), out.size()));
  REQUIRE(!out.empty());
  return out;
}

inline constexpr TimeUs MINUTE_US = 60 * US_PER_S;
inline constexpr TimeUs HOUR_US = 60 * MINUTE_US;
inline constexpr TimeUs DAY_US = 24 * HOUR_US;

inline std::vector<UplinkFrame> started_frames(const FakeHal& hal) {
  std::vector<UplinkFrame> frames;
  for (const auto& tx : hal.txs) {
    if (tx.status != TxStatus::STARTED) continue;
    UplinkFrame frame;
    REQUIRE(decode_uplink(tx.bytes.data(), tx.bytes.size(), frame));
    frames.push_back(frame);
  }
  return frames;
}

inline std::vector<TimeUs> started_times(const FakeHal& hal) {
  std::vector<TimeUs> times;
  for (const auto& tx : hal.txs) {
    if (tx.status == TxStatus::STARTED) times.push_back(tx.at_us);
  }
  return times;
}

inline void check_accounting(const Firmware& firmware) {
  const FirmwareStats& s = firmware.stats();
  CHECK(s.records_generated == s.records_sent + firmware.queued_records() + s.records_dropped_queue_full);
  CHECK(s.records_dropped_queue_full ==
        s.dropped_routine_refused + s.dropped_routine_thinned + s.dropped_routine_for_alert + s.dropped_alert_refused);
}

// Boots a device at `boot_us` and checks after every wake-up that the next one is armed in the future.
struct Device {
  explicit Device(const FirmwareConfig& config, std::uint64_t seed = 7, TimeUs boot_us = 0)
      : hal(seed), firmware(hal, config) {
    hal.configure_radio(config);
    hal.advance_to(boot_us);
    firmware.on_boot();
    REQUIRE(hal.armed_us() > hal.now_us());
  }
  void run_to(TimeUs end_us) {
    run_until(hal, firmware, end_us, [this] {
      REQUIRE(hal.armed_us() != FakeHal::NO_EVENT);
      REQUIRE(hal.armed_us() > hal.now_us());
    });
  }
  FakeHal hal;
  Firmware firmware;
};

}  // namespace fleet::hw::test
