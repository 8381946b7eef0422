#pragma once
// A Hal for the firmware's unit tests and benchmarks: a manual clock, a log of everything the firmware
// asked for, a deterministic random stream with a settable seed, and a configurable radio answer.
// run_until() plays the board: it jumps to the armed wake-up or to the end of the frame on air,
// whichever comes first, and calls the matching entry point.
#include <cstdint>
#include <vector>

#include "hw/firmware.hpp"
#include "hw/hal.hpp"
#include "hw/lora_airtime.hpp"

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
    const TxStatus status = bearer == Bearer::LORA ? tx_status : TxStatus::NO_BEARER;
    if (keep_log)
      txs.push_back(TxRecord{now_us_, std::vector<std::uint8_t>(frame, frame + len), params, status});
    ++tx_calls;
    if (tx_end_us_ != NO_TX) ++overlapping_tx;  // the firmware must wait for on_tx_done()
    if (status == TxStatus::STARTED) {
      tx_end_us_ = now_us_ + lora_time_on_air_us(radio_phy_, len + radio_mac_overhead_bytes_);
    }
    return status;
  }
  void start_gnss_fix(TimeUs timeout_us) override { gnss_timeouts_us.push_back(timeout_us); }
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
    power_calls.push_back(PowerCall{now_us_, component, state});
  }

  // --- test controls ---
  void set_seed(std::uint64_t seed) { state_ = seed == 0 ? 0x9E3779B97F4A7C15ULL : seed; }
  // The board derives the PHY from the device's configuration, as SimBoard does.
  void configure_radio(const FirmwareConfig& config) {
    radio_phy_ = phy_of(config);
    radio_mac_overhead_bytes_ = config.mac_overhead_bytes;
  }
  // End of the frame on air, NO_TX when the radio is idle; clear_tx() when on_tx_done() is delivered.
  TimeUs tx_end_us() const { return tx_end_us_; }
  void clear_tx() { tx_end_us_ = NO_TX; }
  void advance_to(TimeUs t_us) { now_us_ = t_us > now_us_ ? t_us : now_us_; }
  TimeUs armed_us() const { return armed_us_; }
  void disarm() { armed_us_ = NO_TX; }  // the alarm is one-shot: firing it clears it
  std::uint64_t arm_calls() const { return arm_calls_; }

  TxStatus tx_status = TxStatus::STARTED;
  bool keep_log = true;  // benchmarks switch the log off
  SensorSample sample{2150, 650, 0, 0, false};
  BatteryReading battery{3600, 97};
  std::vector<TxRecord> txs;
  std::vector<TimeUs> gnss_timeouts_us;
  std::vector<PowerCall> power_calls;
  std::uint64_t tx_calls = 0;
  std::uint64_t sensor_reads = 0;
  std::uint64_t overlapping_tx = 0;

  static constexpr TimeUs NO_TX = ~TimeUs{0};

 private:
  LoraPhyParams radio_phy_ = phy_of(FirmwareConfig{});
  std::size_t radio_mac_overhead_bytes_ = FirmwareConfig{}.mac_overhead_bytes;
  TimeUs tx_end_us_ = NO_TX;
  TimeUs now_us_ = 0;
  TimeUs armed_us_ = ~TimeUs{0};
  std::uint64_t arm_calls_ = 0;
  std::uint64_t state_ = 1;
};

inline TimeUs frame_time_on_air_us(const FirmwareConfig& config, std::size_t app_bytes) {
  return lora_time_on_air_us(phy_of(config), app_bytes + config.mac_overhead_bytes);
}

// Plays the board until end_us (events at exactly end_us included): jumps to the end of the frame on
// air or to the armed wake-up, whichever comes first (the frame first on a tie, as a radio interrupt
// would), and calls on_tx_done() or on_wakeup(). `after_wakeup` runs after every on_wakeup().
template <typename Check>
void run_until(FakeHal& hal, Firmware& firmware, TimeUs end_us, Check after_wakeup) {
  for (;;) {
    const bool tx_first = hal.tx_end_us() <= hal.armed_us();
    const TimeUs next_us = tx_first ? hal.tx_end_us() : hal.armed_us();
    if (next_us == FakeHal::NO_TX || next_us > end_us) break;
    hal.advance_to(next_us);
    if (tx_first) {
      hal.clear_tx();
      firmware.on_tx_done(TxResult{});
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
