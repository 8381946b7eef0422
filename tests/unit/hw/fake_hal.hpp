#pragma once
// A Hal for the firmware's unit tests and benchmarks: a manual clock, a log of everything the firmware
// asked for, a deterministic random stream with a settable seed, and configurable answers: which
// bearers are up, which confirmed frames are acked, downlinks to deliver, how long a GNSS fix takes.
// run_until() plays the board: it jumps to the next of the armed wake-up, the end of the frame on
// air (plus the receive windows) and the end of a GNSS fix, and calls the matching entry point —
// for a frame: on_rx() with a pending downlink, then on_tx_done(), as hal.hpp prescribes.
#include <array>
#include <cstdint>
#include <deque>
#include <functional>
#include <vector>

#include "hw/firmware.hpp"
#include "hw/hal.hpp"
#include "hw/lora_airtime.hpp"
#include "hw/uplink_codec.hpp"

namespace fleet::hw::test {

// The PHY the firmware transmits with, as the board would derive it from the same configuration.
inline LoraPhyParams phy_of(const FirmwareConfig& config) {
  LoraPhyParams phy;
  phy.spreading_factor = config.spreading_factor;
  phy.bandwidth_hz = config.bandwidth_khz * 1000U;
  phy.coding_rate = config.coding_rate;
  phy.preamble_symbols = config.preamble_symbols;
  phy.low_data_rate_optimize = ldro_required(phy.spreading_factor, phy.bandwidth_hz);
  return phy;
}

struct TxRecord {
  TimeUs at_us;
  Bearer bearer;
  std::vector<std::uint8_t> bytes;
  TxParams params;
  TxStatus status;
};

struct PowerCall {
  TimeUs at_us;
  Component component;
  PowerState state;
};

class FakeHal final : public Hal {
 public:
  explicit FakeHal(std::uint64_t seed = 1) { set_seed(seed); }

  // --- Hal ---
  TimeUs now_us() const override { return now_us_; }
  void arm_wakeup(TimeUs at_us) override {
    armed_us_ = at_us;
    ++arm_calls_;
  }
  TxStatus start_tx(Bearer bearer, const std::uint8_t* frame, std::size_t len, TxParams params) override {
    TxStatus status = TxStatus::NO_BEARER;
    if (bearer_up[static_cast<std::size_t>(bearer)]) status = bearer == Bearer::LORA ? tx_status : TxStatus::STARTED;
    if (keep_log)
      txs.push_back(TxRecord{now_us_, bearer, std::vector<std::uint8_t>(frame, frame + len), params, status});
    ++tx_calls;
    if (tx_end_us_ != NO_EVENT) ++overlapping_tx;  // the firmware must wait for on_tx_done()
    if (status == TxStatus::STARTED) {
      const TimeUs on_air_us = bearer == Bearer::LORA ? lora_time_on_air_us(radio_phy_, len + radio_mac_overhead_bytes_)
                                                      : other_bearer_tx_us;
      tx_end_us_ = now_us_ + on_air_us + rx_windows_us;
      tx_acked_ = params.confirmed && acks(TxRecord{now_us_, bearer, {frame, frame + len}, params, status});
    }
    return status;
  }
  void start_gnss_fix(TimeUs timeout_us) override {
    gnss_timeouts_us.push_back(timeout_us);
    gnss_starts_us.push_back(now_us_);
    if (gnss_end_us_ != NO_EVENT) ++overlapping_gnss;
    const bool fixes = gnss_time_to_fix_us <= timeout_us;
    gnss_end_us_ = now_us_ + (fixes ? gnss_time_to_fix_us : timeout_us);
    gnss_pending_ = fixes ? gnss_fix : GnssResult{};
  }
  SensorSample read_sensors() override {
    ++sensor_reads;
    return sample;
  }
  BatteryReading read_battery() override { return battery; }
  std::uint32_t random_u32() override {
    // xorshift64*: tiny, fast and good enough to spread test devices.
    state_ ^= state_ >> 12;
    state_ ^= state_ << 25;
    state_ ^= state_ >> 27;
    return static_cast<std::uint32_t>((state_ * 0x2545F4914F6CDD1DULL) >> 32);
  }
  void set_power_state(Component component, PowerState state) override {
    if (keep_log) power_calls.push_back(PowerCall{now_us_, component, state});
  }

  // --- test controls ---
  void set_seed(std::uint64_t seed) { state_ = seed == 0 ? 0x9E3779B97F4A7C15ULL : seed; }
  // The board derives the PHY from the device's configuration, as SimBoard does.
  void configure_radio(const FirmwareConfig& config) {
    radio_phy_ = phy_of(config);
    radio_mac_overhead_bytes_ = config.mac_overhead_bytes;
  }
  // End of the frame on air plus receive windows, NO_EVENT when the radio is idle.
  TimeUs tx_end_us() const { return tx_end_us_; }
  bool tx_acked() const { return tx_acked_; }
  void clear_tx() { tx_end_us_ = NO_EVENT; }
  TimeUs gnss_end_us() const { return gnss_end_us_; }
  GnssResult take_gnss() {
    gnss_end_us_ = NO_EVENT;
    return gnss_pending_;
  }
  void advance_to(TimeUs t_us) { now_us_ = t_us > now_us_ ? t_us : now_us_; }
  TimeUs armed_us() const { return armed_us_; }
  void disarm() { armed_us_ = NO_EVENT; }  // the alarm is one-shot: firing it clears it
  std::uint64_t arm_calls() const { return arm_calls_; }

  TxStatus tx_status = TxStatus::STARTED;  // the LoRa radio's answer
  std::array<bool, BEARER_COUNT> bearer_up = {true, false, false};
  TimeUs other_bearer_tx_us = 500'000;  // ship hub / cellular transfer time
  TimeUs rx_windows_us = 0;             // time from the end of the uplink to on_tx_done()
  std::function<bool(const TxRecord&)> acks = [](const TxRecord&) { return true; };  // confirmed frames only
  std::deque<std::vector<std::uint8_t>> downlinks;  // one is delivered after each frame, before on_tx_done()
  TimeUs gnss_time_to_fix_us = 30 * US_PER_S;
  GnssResult gnss_fix{true, 433000000, 53700000};
  bool keep_log = true;  // benchmarks switch the log off
  SensorSample sample{2150, 650, 0, 0, 0, false};
  BatteryReading battery{3600, 97};
  std::vector<TxRecord> txs;
  std::vector<TimeUs> gnss_timeouts_us;
  std::vector<TimeUs> gnss_starts_us;
  std::vector<PowerCall> power_calls;
  std::uint64_t tx_calls = 0;
  std::uint64_t sensor_reads = 0;
  std::uint64_t overlapping_tx = 0;
  std::uint64_t overlapping_gnss = 0;

  static constexpr TimeUs NO_EVENT = ~TimeUs{0};
  static constexpr TimeUs NO_TX = NO_EVENT;

 private:
  LoraPhyParams radio_phy_ = phy_of(FirmwareConfig{});
  std::size_t radio_mac_overhead_bytes_ = FirmwareConfig{}.mac_overhead_bytes;
  TimeUs tx_end_us_ = NO_EVENT;
  bool tx_acked_ = false;
  TimeUs gnss_end_us_ = NO_EVENT;
  GnssResult gnss_pending_;
  TimeUs now_us_ = 0;
  TimeUs armed_us_ = NO_EVENT;
  std::uint64_t arm_calls_ = 0;
  std::uint64_t state_ = 1;
};

inline TimeUs frame_time_on_air_us(const FirmwareConfig& config, std::size_t app_bytes) {
  return lora_time_on_air_us(phy_of(config), app_bytes + config.mac_overhead_bytes);
}

// Plays the board until end_us (events at exactly end_us included): jumps to the earliest of the
// frame's end, the GNSS fix's end and the armed wake-up (radio first, then GNSS, on a tie, as
// interrupts would be served), and calls the matching entry point. `after_wakeup` runs after every
// on_wakeup().
template <typename Check>
void run_until(FakeHal& hal, Firmware& firmware, TimeUs end_us, Check after_wakeup) {
  for (;;) {
    const TimeUs next_us = std::min({hal.tx_end_us(), hal.gnss_end_us(), hal.armed_us()});
    if (next_us == FakeHal::NO_EVENT || next_us > end_us) break;
    hal.advance_to(next_us);
    if (hal.tx_end_us() == next_us) {
      const bool acked = hal.tx_acked();
      hal.clear_tx();
      if (!hal.downlinks.empty()) {
        const std::vector<std::uint8_t> downlink = hal.downlinks.front();
        hal.downlinks.pop_front();
        firmware.on_rx(downlink.data(), downlink.size(), -100);
      }
      firmware.on_tx_done(TxResult{acked});
    } else if (hal.gnss_end_us() == next_us) {
      firmware.on_gnss_done(hal.take_gnss());
    } else {
      hal.disarm();
      firmware.on_wakeup();
      after_wakeup();
    }
  }
  hal.advance_to(end_us);
}

inline void run_until(FakeHal& hal, Firmware& firmware, TimeUs end_us) {
  run_until(hal, firmware, end_us, [] {});
}

}  // namespace fleet::hw::test
