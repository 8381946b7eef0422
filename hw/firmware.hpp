#pragma once
// The device firmware core: decides when to sleep, sense, fix position and transmit. Event driven
// and non-blocking: each entry point does its work, arms the next wake-up and returns (the device
// sleeps). All state lives in this object; the board is reached only through the Hal.
//
// Tasks (hw/scheduler.hpp, highest priority first): SAMPLE_SENSORS, GNSS_FIX, ALERT, REPORT,
// HEARTBEAT, RETRY, FLUSH_QUEUE. Records go through a bounded store-and-forward queue
// (hw/record_queue.hpp) and leave in frames packed up to the chosen bearer's payload limit.
//
// Radio discipline:
//   - LoRa frames go on a channel whose EU868 sub-band is open (hw/duty_cycle.hpp); when none is, the
//     frame waits for the earliest reopening. The firmware never transmits in violation.
//   - Bearer: the cheapest (config.bearers[].cost) available one. LoRa is available unless the link is
//     believed down (a confirmed frame went unacknowledged after every retry); the ship hub and
//     cellular only when heard within place_memory_us (on_bearer_heard()).
//   - Confirmed frames (any alert, heartbeat or probe, every confirm_every_n_frames-th frame) keep
//     their records queued until acked; unacked they are repeated with the same frame counter after
//     retry_backoff_us * 2^(n-1) + jitter, up to max_retries times, then given up: the records stay
//     queued, the link counts as down and a probe goes out every link_probe_interval_us (or at once
//     for a new alert) until a frame is acked or the bearer is heard.
#include <array>
#include <cstddef>
#include <cstdint>

#include "hw/duty_cycle.hpp"
#include "hw/firmware_config.hpp"
#include "hw/firmware_stats.hpp"
#include "hw/hal.hpp"
#include "hw/lora_airtime.hpp"
#include "hw/place.hpp"
#include "hw/record_queue.hpp"
#include "hw/report_policy.hpp"
#include "hw/scheduler.hpp"
#include "hw/types.hpp"

namespace fleet::hw {

// Periods shorter than this are raised to it: a zero period would make a wake-up that never ends.
inline constexpr TimeUs MIN_TASK_INTERVAL_US = US_PER_S;

class Firmware {
 public:
  // Keeps its own copy of the configuration (downlinks change it per device). The caller should
  // validate_config() first; as a last defence the constructor raises zero periods to
  // MIN_TASK_INTERVAL_US, channel_count to >= 1 and clamps queue_capacity to 1..RecordQueue::MAX.
  Firmware(Hal& hal, const FirmwareConfig& config);

  // Samples at once, places the first report at a random offset in [0, report period) so a fleet
  // booted together does not transmit in lockstep, starts the first fix if GNSS is on, arms the wake-up.
  void on_boot();
  // Runs the due tasks (coalesced within config.coalesce_window_us), transmits if it can, re-arms.
  void on_wakeup();
  // Must follow every start_tx() that returned STARTED, exactly once, after the receive windows and
  // after on_rx() for a downlink received in them (hal.hpp).
  void on_tx_done(const TxResult& result);
  // A downlink (config/policy command, hw/downlink_codec.hpp): applied whole or rejected and counted.
  void on_rx(const std::uint8_t* frame, std::size_t len, std::int16_t rssi_dbm);
  // Completes start_gnss_fix(): a fix becomes a POSITION record and place evidence.
  void on_gnss_done(const GnssResult& result);
  // Door, shock and light interrupts: alerts are raised at once, the rest goes into the next record.
  void on_sensor_event(const SensorEvent& event);
  // The board heard a bearer without transmitting: a ship hub beacon, a cellular cell, a LoRa downlink.
  void on_bearer_heard(Bearer bearer, std::int16_t rssi_dbm);

  const FirmwareStats& stats() const { return stats_; }
  // Records still on the device, including those of a confirmed frame awaiting its ack.
  std::size_t queued_records() const { return queue_.size(); }
  // The records themselves (read-only), for a board or test that follows individual records.
  const RecordQueue& queue() const { return queue_; }
  const FirmwareConfig& config() const { return config_; }
  Place place() const { return place_; }
  BatteryLevel battery_level() const { return battery_level_; }
  bool link_down() const { return lora_link_down_; }

 private:
  class AwakeScope;

  void run_due_tasks(TimeUs now_us);
  void sample_sensors(TimeUs deadline_us, TimeUs now_us);
  void take_sample(TimeUs now_us);  // read the sensors, raise alerts, update the place
  void start_gnss_fix(TimeUs deadline_us, TimeUs now_us);
  void raise_alert(AlertCause cause, TimeUs now_us);
  void queue_alerts(TimeUs now_us);
  void report(TimeUs now_us);
  void heartbeat(TimeUs deadline_us, TimeUs now_us);
  void retry_or_probe(TimeUs now_us);
  void enqueue(UplinkRecord record);  // numbers it and counts a drop by reason
  UplinkRecord status_record(RecordKind kind, TimeUs now_us) const;

  void try_transmit(TimeUs now_us);
  bool choose_bearer(TimeUs now_us, Bearer& bearer) const;
  bool send_frame(Bearer bearer, std::size_t count, bool confirmed, TimeUs now_us);
  bool pick_lora_channel(TimeUs now_us, std::uint8_t& channel);
  void link_confirmed(Bearer bearer, TimeUs now_us);

  void update_place(TimeUs now_us);
  bool read_battery();  // true when the battery level changed
  void replan(TimeUs now_us);
  void plan_report(TimeUs now_us, bool period_changed = false);
  void replan_periodic(TaskId task, TimeUs period_us, TimeUs now_us);
  void arm_next_wakeup();
  TimeUs uniform_below(TimeUs bound);  // uniform in [0, bound) from the board's random stream
  LoraPhyParams phy_params() const;

  Hal& hal_;
  FirmwareConfig config_;
  FirmwareStats stats_;
  Scheduler scheduler_;
  DutyCycle duty_cycle_;
  RecordQueue queue_;
  PlaceTracker place_tracker_;
  SensorSample last_sample_;
  std::array<TimeUs, ALERT_CAUSE_COUNT> last_alert_us_{};
  TimeUs report_nominal_us_ = 0;           // grid point of the next report (jitter is added per report)
  TimeUs report_anchor_us_ = NO_DEADLINE;  // grid point of the last report, NO_DEADLINE before the first
  TimeUs last_link_ok_us_ = 0;             // last ack, downlink or bearer heard (heartbeat)
  std::uint16_t frame_counter_ = 0;
  std::uint16_t inflight_frame_counter_ = 0;
  std::uint16_t record_seq_ = 0;
  std::uint16_t peak_shock_mg_ = 0;  // since the last record
  std::uint8_t alarm_levels_ = 0;    // level alert conditions of the last sample
  std::uint8_t pending_alerts_ = 0;  // raised, not yet queued (ALERT task)
  std::uint8_t inflight_attempts_ = 0;  // transmissions of the confirmed frame awaiting its ack, 0 = none
  std::uint8_t frames_since_confirmed_ = 0;
  std::uint8_t battery_percent_ = 0;
  Bearer inflight_bearer_ = Bearer::LORA;
  Bearer last_tx_bearer_ = Bearer::LORA;
  Place place_ = Place::UNKNOWN;
  BatteryLevel battery_level_ = BatteryLevel::NORMAL;
  bool door_opened_ = false;       // at any time since the last record
  bool tx_in_progress_ = false;
  bool retransmit_ready_ = false;  // the RETRY backoff has elapsed for the frame awaiting its ack
  bool confirm_next_ = false;      // a heartbeat asked for a link check
  bool lora_link_down_ = false;
  bool probe_ready_ = false;       // a probe may go out on the LoRa link believed down
  bool gnss_active_ = false;
};

}  // namespace fleet::hw
