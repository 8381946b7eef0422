#include "hw/firmware.hpp"

#include <array>

#include "hw/uplink_codec.hpp"

namespace fleet::hw {
namespace {

FirmwareConfig sanitised(FirmwareConfig config) {
  if (config.sample_interval_us < MIN_TASK_INTERVAL_US) config.sample_interval_us = MIN_TASK_INTERVAL_US;
  if (config.report_interval_us < MIN_TASK_INTERVAL_US) config.report_interval_us = MIN_TASK_INTERVAL_US;
  if (config.channel_count == 0) config.channel_count = 1;
  config.queue_capacity = static_cast<std::uint16_t>(RecordQueue(config.queue_capacity).capacity());
  return config;
}

// Next run of a periodic task: on its own grid (coalescing may run it a little early, which must not
// make it drift), unless the wake-up came so late that the grid point has passed already.
TimeUs next_period(TimeUs deadline_us, TimeUs interval_us, TimeUs now_us) {
  const TimeUs next_us = deadline_us + interval_us;
  return next_us > now_us ? next_us : now_us + interval_us;
}

}  // namespace

Firmware::Firmware(Hal& hal, const FirmwareConfig& config)
    : hal_(hal), config_(sanitised(config)), queue_(config_.queue_capacity) {}

void Firmware::on_boot() {
  const TimeUs now_us = hal_.now_us();
  scheduler_.schedule(TaskId::SAMPLE_SENSORS, now_us);
  next_report_nominal_us_ = now_us + uniform_below(config_.report_interval_us);
  scheduler_.schedule(TaskId::REPORT, next_report_nominal_us_ + uniform_below(config_.report_jitter_us + 1));
  run_due_tasks(now_us);
  arm_next_wakeup();
}

void Firmware::on_wakeup() {
  ++stats_.wakeups;
  run_due_tasks(hal_.now_us());
  arm_next_wakeup();
}

void Firmware::on_tx_done(const TxResult& /*result: acks matter for confirmed alerts, issue #3*/) {
  tx_in_progress_ = false;
  try_transmit(hal_.now_us());
  arm_next_wakeup();
}

void Firmware::on_rx(const std::uint8_t* /*frame*/, std::size_t /*len*/, std::int16_t /*rssi_dbm*/) {
  ++stats_.downlinks_ignored;
  arm_next_wakeup();
}

void Firmware::on_gnss_done(const GnssResult& result) {
  // v1 never starts a fix itself, so it has no GNSS power state to switch back off here.
  if (result.fixed) last_fix_ = result;
  arm_next_wakeup();
}

void Firmware::on_sensor_event(const SensorEvent& event) {
  ++stats_.sensor_events;
  switch (event.kind) {
    case SensorEventKind::DOOR_OPEN:
      door_opened_ = true;
      last_sample_.door_open = true;
      break;
    case SensorEventKind::DOOR_CLOSE:
      last_sample_.door_open = false;  // the flag still reports that it was open since the last record
      break;
    case SensorEventKind::SHOCK:
      if (event.value > peak_shock_mg_) peak_shock_mg_ = event.value;
      break;
    case SensorEventKind::LIGHT:
      last_sample_.light_lux = event.value;
      break;
  }
  arm_next_wakeup();
}

void Firmware::run_due_tasks(TimeUs now_us) {
  for (const DueTask due : scheduler_.due(now_us, config_.coalesce_window_us)) {
    switch (due.task) {
      case TaskId::SAMPLE_SENSORS:
        sample_sensors(due.deadline_us, now_us);
        break;
      case TaskId::REPORT:
        report(now_us);
        break;
      case TaskId::FLUSH_QUEUE:  // the sub-band has reopened; try_transmit() below sends
      case TaskId::GNSS_FIX:     // not scheduled in v1
      case TaskId::ALERT:
      case TaskId::HEARTBEAT:
      case TaskId::RETRY:
        break;
    }
  }
  try_transmit(now_us);
}

void Firmware::sample_sensors(TimeUs deadline_us, TimeUs now_us) {
  last_sample_ = hal_.read_sensors();
  ++stats_.samples_taken;
  if (last_sample_.shock_mg > peak_shock_mg_) peak_shock_mg_ = last_sample_.shock_mg;
  door_opened_ = door_opened_ || last_sample_.door_open;
  scheduler_.schedule(TaskId::SAMPLE_SENSORS, next_period(deadline_us, config_.sample_interval_us, now_us));
}

void Firmware::report(TimeUs now_us) {
  UplinkRecord record;
  record.kind = RecordKind::ROUTINE;
  record.seq = record_seq_++;
  record.generated_ms = now_us / US_PER_MS;
  record.temperature_cdeg = last_sample_.temperature_cdeg;
  record.humidity_permille = last_sample_.humidity_permille;
  record.shock_mg = peak_shock_mg_;
  record.flags = (door_opened_ || last_sample_.door_open) ? RECORD_FLAG_DOOR_OPEN : 0;
  record.battery_percent = hal_.read_battery().charge_percent;
  peak_shock_mg_ = 0;
  door_opened_ = false;

  ++stats_.records_generated;
  if (!queue_.push(record)) ++stats_.records_dropped_queue_full;  // the new routine record is lost

  next_report_nominal_us_ = next_period(next_report_nominal_us_, config_.report_interval_us, now_us);
  scheduler_.schedule(TaskId::REPORT, next_report_nominal_us_ + uniform_below(config_.report_jitter_us + 1));
}

void Firmware::try_transmit(TimeUs now_us) {
  if (tx_in_progress_ || queue_.empty()) return;
  if (!duty_cycle_.is_open(UPLINK_SUB_BAND, now_us)) {
    // One deferral per waiting period: a flush already booked at the reopening covers this frame too.
    if (!scheduler_.is_scheduled(TaskId::FLUSH_QUEUE)) {
      ++stats_.tx_deferred_duty_cycle;
      scheduler_.schedule(TaskId::FLUSH_QUEUE, duty_cycle_.open_at_us(UPLINK_SUB_BAND));
    }
    return;
  }

  // As many records as fit; at least one, so a too-small payload limit shows up as refusals
  // (TOO_LONG from the board) instead of a queue that silently never drains.
  std::size_t fit = config_.max_payload_bytes > UPLINK_HEADER_BYTES
                        ? (config_.max_payload_bytes - UPLINK_HEADER_BYTES) / UPLINK_RECORD_BYTES
                        : 0;
  if (fit > MAX_RECORDS_PER_FRAME) fit = MAX_RECORDS_PER_FRAME;
  if (fit == 0) fit = 1;
  const std::size_t count = queue_.size() < fit ? queue_.size() : fit;

  UplinkFrame frame;
  frame.device_id = config_.device_id;
  frame.frame_counter = frame_counter_;
  frame.record_count = static_cast<std::uint8_t>(count);
  for (std::size_t i = 0; i < count; ++i) frame.records[i] = queue_.peek(i);
  std::array<std::uint8_t, MAX_UPLINK_FRAME_BYTES> bytes;
  const std::size_t len = encode_uplink(frame, bytes.data(), bytes.size());

  TxParams params;
  params.spreading_factor = config_.spreading_factor;
  params.channel_index = static_cast<std::uint8_t>(uniform_below(config_.channel_count));
  params.tx_power_dbm = config_.tx_power_dbm;
  if (hal_.start_tx(Bearer::LORA, bytes.data(), len, params) != TxStatus::STARTED) {
    ++stats_.tx_refused;  // records stay queued; the next wake-up or tx_done tries again
    return;
  }
  queue_.pop(count);
  ++stats_.frames_sent;
  stats_.records_sent += static_cast<std::uint32_t>(count);
  ++frame_counter_;
  tx_in_progress_ = true;
  const TimeUs time_on_air_us = lora_time_on_air_us(phy_params(), len + config_.mac_overhead_bytes);
  duty_cycle_.record_tx(UPLINK_SUB_BAND, now_us, time_on_air_us, config_.duty_cycle_permille);
}

void Firmware::arm_next_wakeup() {
  // v1 always has periodic tasks pending, so there is always a deadline to arm.
  const TimeUs next_us = scheduler_.next_deadline();
  if (next_us != NO_DEADLINE) hal_.arm_wakeup(next_us);
}

TimeUs Firmware::uniform_below(TimeUs bound) {
  if (bound <= 1) return 0;
  if (bound <= (TimeUs{1} << 32)) {
    // Multiply-shift maps a 32-bit draw onto [0, bound) without a division (Lemire).
    return (static_cast<TimeUs>(hal_.random_u32()) * bound) >> 32;
  }
  const TimeUs high = hal_.random_u32();  // two statements: the draw order must not depend on the compiler
  const TimeUs draw = (high << 32) | hal_.random_u32();
  return draw % bound;  // bias below bound / 2^64: negligible for any period a device uses
}

LoraPhyParams Firmware::phy_params() const {
  LoraPhyParams phy;
  phy.spreading_factor = config_.spreading_factor;
  phy.bandwidth_hz = static_cast<std::uint32_t>(config_.bandwidth_khz) * 1000;
  phy.coding_rate = config_.coding_rate;
  phy.preamble_symbols = config_.preamble_symbols;
  phy.explicit_header = true;  // LoRaWAN uplinks always carry the PHY header and CRC
  phy.crc_on = true;
  phy.low_data_rate_optimize = ldro_required(phy.spreading_factor, phy.bandwidth_hz);
  return phy;
}

}  // namespace fleet::hw
