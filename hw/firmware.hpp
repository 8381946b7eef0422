#pragma once
// The device firmware, v1: periodic sensor sampling, periodic routine reports through a bounded
// store-and-forward queue, LoRa uplinks that respect the EU868 duty cycle. Event driven and
// non-blocking: each entry point does its work, arms the next wake-up and returns (the device sleeps).
// All state lives in this object; the board is reached only through the Hal.
#include <cstddef>
#include <cstdint>

#include "hw/duty_cycle.hpp"
#include "hw/firmware_config.hpp"
#include "hw/firmware_stats.hpp"
#include "hw/hal.hpp"
#include "hw/lora_airtime.hpp"
#include "hw/record_queue.hpp"
#include "hw/scheduler.hpp"
#include "hw/types.hpp"

namespace fleet::hw {

// Periods shorter than this are raised to it: a zero period would make a wake-up that never ends.
inline constexpr TimeUs MIN_TASK_INTERVAL_US = US_PER_S;

class Firmware {
 public:
  // Keeps a copy of the configuration (downlinks will change it per device, issue #3), sanitised:
  // intervals >= MIN_TASK_INTERVAL_US, channel_count >= 1, queue_capacity within 1..RecordQueue::MAX.
  Firmware(Hal& hal, const FirmwareConfig& config);

  // Samples at once, places the first report at a random offset in [0, report_interval) so a fleet
  // booted together does not transmit in lockstep, and arms the wake-up.
  void on_boot();
  // Runs the due tasks (coalesced within config.coalesce_window_us), transmits if it can, re-arms.
  void on_wakeup();
  // Must follow every start_tx() that returned STARTED, exactly once; sends the next frame if allowed.
  void on_tx_done(const TxResult& result);
  // v1 has no downlink codec (issue #3): the frame is counted in stats().downlinks_ignored.
  void on_rx(const std::uint8_t* frame, std::size_t len, std::int16_t rssi_dbm);
  // v1 keeps the last successful fix.
  void on_gnss_done(const GnssResult& result);
  // Folded into the next routine record: door opened (flag), peak shock.
  void on_sensor_event(const SensorEvent& event);

  const FirmwareStats& stats() const { return stats_; }
  std::size_t queued_records() const { return queue_.size(); }
  const FirmwareConfig& config() const { return config_; }

 private:
  void run_due_tasks(TimeUs now_us);
  void sample_sensors(TimeUs deadline_us, TimeUs now_us);
  void report(TimeUs now_us);
  void try_transmit(TimeUs now_us);
  void arm_next_wakeup();
  TimeUs uniform_below(TimeUs bound);  // uniform in [0, bound) from the board's random stream
  LoraPhyParams phy_params() const;

  // v1 puts every uplink channel in the EU868 g1 sub-band.
  static constexpr std::size_t UPLINK_SUB_BAND = 0;

  Hal& hal_;
  FirmwareConfig config_;
  FirmwareStats stats_;
  Scheduler scheduler_;
  DutyCycle duty_cycle_;
  RecordQueue queue_;
  SensorSample last_sample_;
  GnssResult last_fix_;
  TimeUs next_report_nominal_us_ = 0;  // reports sit on a grid; jitter is added per report, not accumulated
  std::uint16_t frame_counter_ = 0;
  std::uint16_t record_seq_ = 0;
  std::uint16_t peak_shock_mg_ = 0;  // since the last record
  bool door_opened_ = false;         // at any time since the last record
  bool tx_in_progress_ = false;
};

}  // namespace fleet::hw
