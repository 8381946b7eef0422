#include "hw/firmware.hpp"

#include "hw/alerts.hpp"
#include "hw/downlink_codec.hpp"
#include "hw/uplink_codec.hpp"

namespace fleet::hw {
namespace {

TimeUs at_least(TimeUs value, TimeUs floor) { return value < floor ? floor : value; }

FirmwareConfig sanitised(FirmwareConfig config) {
  config.sample_interval_us = at_least(config.sample_interval_us, MIN_TASK_INTERVAL_US);
  config.report_interval_us = at_least(config.report_interval_us, MIN_TASK_INTERVAL_US);
  for (TimeUs& interval_us : config.place_report_interval_us) interval_us = at_least(interval_us, MIN_TASK_INTERVAL_US);
  if (config.gnss_interval_us != 0) config.gnss_interval_us = at_least(config.gnss_interval_us, MIN_TASK_INTERVAL_US);
  if (config.heartbeat_interval_us != 0)
    config.heartbeat_interval_us = at_least(config.heartbeat_interval_us, MIN_TASK_INTERVAL_US);
  config.link_probe_interval_us = at_least(config.link_probe_interval_us, MIN_TASK_INTERVAL_US);
  if (config.channel_count == 0) config.channel_count = 1;
  if (config.channel_count > MAX_CHANNELS) config.channel_count = MAX_CHANNELS;
  for (std::uint8_t& sub_band : config.channel_sub_band) {
    if (sub_band >= SUB_BAND_COUNT) sub_band = 0;
  }
  config.queue_capacity = static_cast<std::uint16_t>(RecordQueue(config.queue_capacity).capacity());
  return config;
}

// Next run of a periodic task: on its own grid (coalescing may run it a little early, which must not
// make it drift), unless the wake-up came so late that the grid point has passed already.
TimeUs next_period(TimeUs deadline_us, TimeUs interval_us, TimeUs now_us) {
  const TimeUs next_us = deadline_us + interval_us;
  return next_us > now_us ? next_us : now_us + interval_us;
}

// Records of one frame on a bearer: as many as its payload limit allows, at least one, so a too-small
// limit shows up as refusals (TOO_LONG from the board) instead of a queue that silently never drains.
std::size_t records_per_frame(const BearerConfig& bearer) {
  std::size_t fit = bearer.max_payload_bytes > UPLINK_HEADER_BYTES
                        ? (bearer.max_payload_bytes - UPLINK_HEADER_BYTES) / UPLINK_RECORD_BYTES
                        : 0;
  if (fit > MAX_RECORDS_PER_FRAME) fit = MAX_RECORDS_PER_FRAME;
  return fit == 0 ? 1 : fit;
}

}  // namespace

// The MCU runs for the duration of one entry point and sleeps again before returning to the board.
class Firmware::AwakeScope {
 public:
  explicit AwakeScope(Hal& hal) : hal_(hal) { hal_.set_power_state(Component::MCU, PowerState::ACTIVE); }
  ~AwakeScope() { hal_.set_power_state(Component::MCU, PowerState::SLEEP); }
  AwakeScope(const AwakeScope&) = delete;
  AwakeScope& operator=(const AwakeScope&) = delete;

 private:
  Hal& hal_;
};

Firmware::Firmware(Hal& hal, const FirmwareConfig& config)
    : hal_(hal), config_(sanitised(config)), queue_(config_.queue_capacity) {
  last_alert_us_.fill(NO_DEADLINE);
}

void Firmware::on_boot() {
  AwakeScope awake(hal_);
  const TimeUs now_us = hal_.now_us();
  last_link_ok_us_ = now_us;
  read_battery();
  // A reading at boot, then sampling from a random point of its period, as reports and fixes do: a
  // report due within the coalescing window of a sample shares its wake-up, so a fleet booted together
  // and sampling in the same instant sent those reports in the same microsecond every period.
  take_sample(now_us);
  scheduler_.schedule(TaskId::SAMPLE_SENSORS, now_us + 1 + uniform_below(config_.sample_interval_us));
  report_nominal_us_ = now_us + uniform_below(report_period_us(config_, place_, battery_level_));
  scheduler_.schedule(TaskId::REPORT, report_nominal_us_ + uniform_below(config_.report_jitter_us + 1));
  // Like reports, fixes start at a random point of their period: a fleet booted together would
  // otherwise fix, and send its positions, in the same instant every period.
  const TimeUs gnss_us = gnss_period_us(config_, battery_level_);
  if (gnss_us != 0) scheduler_.schedule(TaskId::GNSS_FIX, now_us + uniform_below(gnss_us));
  const TimeUs heartbeat_us = heartbeat_period_us(config_, battery_level_);
  if (heartbeat_us != 0) scheduler_.schedule(TaskId::HEARTBEAT, now_us + heartbeat_us);
  run_due_tasks(now_us);
  arm_next_wakeup();
}

void Firmware::on_wakeup() {
  AwakeScope awake(hal_);
  ++stats_.wakeups;
  run_due_tasks(hal_.now_us());
  arm_next_wakeup();
}

void Firmware::on_tx_done(const TxResult& result) {
  AwakeScope awake(hal_);
  const TimeUs now_us = hal_.now_us();
  tx_in_progress_ = false;
  if (inflight_attempts_ > 0) {
    if (result.acked) {
      ++stats_.frames_acked;
      stats_.records_sent += static_cast<std::uint32_t>(queue_.locked());
      queue_.pop(queue_.locked());
      inflight_attempts_ = 0;
      link_confirmed(inflight_bearer_, now_us);
    } else if (inflight_attempts_ <= config_.max_retries) {
      const TimeUs backoff_us = (config_.retry_backoff_us << (inflight_attempts_ - 1)) + uniform_below(config_.retry_backoff_us);
      scheduler_.schedule(TaskId::RETRY, now_us + backoff_us);
    } else {
      // Given up: the records rejoin the queue for a later frame, and the link counts as down.
      ++stats_.confirmed_given_up;
      queue_.unlock();
      inflight_attempts_ = 0;
      if (inflight_bearer_ == Bearer::LORA) {
        lora_link_down_ = true;
        probe_ready_ = false;
        scheduler_.schedule(TaskId::RETRY, now_us + config_.link_probe_interval_us);
      } else {
        place_tracker_.forget_bearer(inflight_bearer_);
      }
    }
  }
  try_transmit(now_us);
  arm_next_wakeup();
}

void Firmware::on_rx(const std::uint8_t* frame, std::size_t len, std::int16_t /*rssi_dbm*/) {
  AwakeScope awake(hal_);
  const TimeUs now_us = hal_.now_us();
  link_confirmed(last_tx_bearer_, now_us);  // any downlink, even a bad one, proves the link
  const DownlinkResult result = apply_downlink(frame, len, config_);
  if (result.accepted()) {
    ++stats_.downlinks_applied;
    read_battery();  // new thresholds may change the level
    replan(now_us);
  } else {
    ++stats_.downlinks_rejected;
    stats_.last_downlink_error = result.error;
    stats_.last_downlink_field = result.field;
  }
  arm_next_wakeup();
}

void Firmware::on_gnss_done(const GnssResult& result) {
  AwakeScope awake(hal_);
  const TimeUs now_us = hal_.now_us();
  gnss_active_ = false;
  if (result.fixed) {
    place_tracker_.on_fix(result, now_us, config_);
    UplinkRecord record;
    record.kind = RecordKind::POSITION;
    record.generated_ms = now_us / US_PER_MS;
    record.lat_e7 = result.lat_e7;
    record.lon_e7 = result.lon_e7;
    enqueue(record);
    update_place(now_us);
  } else {
    ++stats_.gnss_fixes_failed;
  }
  try_transmit(now_us);
  arm_next_wakeup();
}

void Firmware::on_sensor_event(const SensorEvent& event) {
  AwakeScope awake(hal_);
  const TimeUs now_us = hal_.now_us();
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
  const AlertCause cause = event_alert(event, last_sample_.door_open, config_);
  if (cause != AlertCause::NONE) raise_alert(cause, now_us);
  run_due_tasks(now_us);  // the alert goes at once; tasks due within the window share this wake-up
  arm_next_wakeup();
}

void Firmware::on_bearer_heard(Bearer bearer, std::int16_t /*rssi_dbm*/) {
  AwakeScope awake(hal_);
  const TimeUs now_us = hal_.now_us();
  link_confirmed(bearer, now_us);
  try_transmit(now_us);  // coverage is back: flush what was stored
  arm_next_wakeup();
}

void Firmware::run_due_tasks(TimeUs now_us) {
  for (const DueTask due : scheduler_.due(now_us, config_.coalesce_window_us)) {
    switch (due.task) {
      case TaskId::SAMPLE_SENSORS:
        sample_sensors(due.deadline_us, now_us);
        break;
      case TaskId::GNSS_FIX:
        start_gnss_fix(due.deadline_us, now_us);
        break;
      case TaskId::ALERT:
        queue_alerts(now_us);
        break;
      case TaskId::REPORT:
        report(now_us);
        break;
      case TaskId::HEARTBEAT:
        heartbeat(due.deadline_us, now_us);
        break;
      case TaskId::RETRY:
        retry_or_probe(now_us);
        break;
      case TaskId::FLUSH_QUEUE:  // a sub-band has reopened; try_transmit() below sends
        break;
    }
  }
  try_transmit(now_us);
}

void Firmware::sample_sensors(TimeUs deadline_us, TimeUs now_us) {
  take_sample(now_us);
  scheduler_.schedule(TaskId::SAMPLE_SENSORS, next_period(deadline_us, config_.sample_interval_us, now_us));
}

void Firmware::take_sample(TimeUs now_us) {
  hal_.set_power_state(Component::SENSORS, PowerState::ACTIVE);
  last_sample_ = hal_.read_sensors();
  hal_.set_power_state(Component::SENSORS, PowerState::SLEEP);
  ++stats_.samples_taken;
  if (last_sample_.shock_mg > peak_shock_mg_) peak_shock_mg_ = last_sample_.shock_mg;
  door_opened_ = door_opened_ || last_sample_.door_open;

  const std::uint8_t levels = alarm_levels(last_sample_, config_);
  const std::uint8_t raised = sample_alerts(levels, alarm_levels_);
  alarm_levels_ = levels;
  for (std::size_t cause = 1; cause < ALERT_CAUSE_COUNT; ++cause) {
    if (raised & (1U << cause)) raise_alert(static_cast<AlertCause>(cause), now_us);
  }
  place_tracker_.on_motion_sample(last_sample_.accel_rms_mg, now_us, config_);
  update_place(now_us);
}

void Firmware::start_gnss_fix(TimeUs deadline_us, TimeUs now_us) {
  const TimeUs period_us = gnss_period_us(config_, battery_level_);
  if (period_us == 0) return;  // switched off since it was scheduled
  if (!gnss_active_) {         // a fix still running (timeout > period) is not started twice
    gnss_active_ = true;
    ++stats_.gnss_fixes_started;
    hal_.start_gnss_fix(config_.gnss_timeout_us);
  }
  scheduler_.schedule(TaskId::GNSS_FIX, next_period(deadline_us, period_us, now_us));
}

void Firmware::raise_alert(AlertCause cause, TimeUs now_us) {
  const std::uint8_t bit = alert_bit(cause);
  if ((config_.alert_mask & bit) == 0) return;
  TimeUs& last_us = last_alert_us_[static_cast<std::size_t>(cause)];
  if (last_us != NO_DEADLINE && now_us - last_us < config_.alert_holdoff_us) {
    ++stats_.alerts_held_off;
    return;
  }
  last_us = now_us;
  pending_alerts_ |= bit;
  scheduler_.schedule(TaskId::ALERT, now_us);
}

void Firmware::queue_alerts(TimeUs now_us) {
  for (std::size_t cause = 1; cause < ALERT_CAUSE_COUNT; ++cause) {
    if ((pending_alerts_ & (1U << cause)) == 0) continue;
    UplinkRecord record = status_record(RecordKind::ALERT, now_us);
    record.alert_cause = static_cast<AlertCause>(cause);
    enqueue(record);
    ++stats_.alerts_raised;
  }
  pending_alerts_ = 0;
  if (lora_link_down_) probe_ready_ = true;  // an alert is worth a probe now, not at the next probe time
}

void Firmware::report(TimeUs now_us) {
  const bool battery_changed = read_battery();
  const UplinkRecord record = status_record(RecordKind::ROUTINE, now_us);
  peak_shock_mg_ = 0;
  door_opened_ = false;
  enqueue(record);
  report_anchor_us_ = report_nominal_us_;
  if (battery_changed) {
    replan(now_us);
  } else {
    plan_report(now_us);
  }
}

void Firmware::heartbeat(TimeUs deadline_us, TimeUs now_us) {
  const TimeUs period_us = heartbeat_period_us(config_, battery_level_);
  if (period_us == 0) return;
  // Only when nothing proved the link for a whole period; a link already down has its probes.
  if (!lora_link_down_ && now_us - last_link_ok_us_ >= period_us) {
    enqueue(status_record(RecordKind::HEARTBEAT, now_us));
    confirm_next_ = true;
    ++stats_.heartbeats;
  }
  scheduler_.schedule(TaskId::HEARTBEAT, next_period(deadline_us, period_us, now_us));
}

void Firmware::retry_or_probe(TimeUs now_us) {
  if (inflight_attempts_ > 0) {
    retransmit_ready_ = true;
  } else if (lora_link_down_) {
    if (queue_.empty()) {
      scheduler_.schedule(TaskId::RETRY, now_us + config_.link_probe_interval_us);  // nothing to probe with yet
    } else {
      probe_ready_ = true;
    }
  }
}

UplinkRecord Firmware::status_record(RecordKind kind, TimeUs now_us) const {
  UplinkRecord record;
  record.kind = kind;
  record.generated_ms = now_us / US_PER_MS;
  record.temperature_cdeg = last_sample_.temperature_cdeg;
  record.humidity_permille = last_sample_.humidity_permille;
  record.shock_mg = peak_shock_mg_;
  record.flags = static_cast<std::uint8_t>(((door_opened_ || last_sample_.door_open) ? RECORD_FLAG_DOOR_OPEN : 0) |
                                           (place_tracker_.moving(now_us, config_.place_memory_us) ? RECORD_FLAG_MOVING : 0));
  record.place = place_;
  record.battery_percent = battery_percent_;
  return record;
}

void Firmware::enqueue(UplinkRecord record) {
  record.seq = record_seq_++;
  ++stats_.records_generated;
  const QueueDrop drop = queue_.push(record, config_.overflow_policy);
  switch (drop) {
    case QueueDrop::NONE:
      return;
    case QueueDrop::ROUTINE_REFUSED:
      ++stats_.dropped_routine_refused;
      break;
    case QueueDrop::ROUTINE_THINNED:
      ++stats_.dropped_routine_thinned;
      break;
    case QueueDrop::ROUTINE_EVICTED_FOR_ALERT:
      ++stats_.dropped_routine_for_alert;
      break;
    case QueueDrop::ALERT_REFUSED:
      ++stats_.dropped_alert_refused;
      break;
  }
  ++stats_.records_dropped_queue_full;
}

void Firmware::try_transmit(TimeUs now_us) {
  if (tx_in_progress_) return;
  if (inflight_attempts_ > 0) {  // a confirmed frame awaits its ack: only its repeat may go
    if (retransmit_ready_ && send_frame(inflight_bearer_, queue_.locked(), true, now_us)) {
      retransmit_ready_ = false;
      ++stats_.retransmissions;
    }
    return;
  }
  if (queue_.empty()) return;
  Bearer bearer = Bearer::LORA;
  if (!choose_bearer(now_us, bearer)) return;  // no bearer available: the records wait (store and forward)

  const std::size_t fit = records_per_frame(config_.bearers[static_cast<std::size_t>(bearer)]);
  const std::size_t count = queue_.size() < fit ? queue_.size() : fit;
  const bool probe = bearer == Bearer::LORA && lora_link_down_;
  const bool every_nth = config_.confirm_every_n_frames != 0 &&
                         frames_since_confirmed_ + 1U >= config_.confirm_every_n_frames;
  // Alerts sit at the head of the queue, so a frame carries one exactly when the queue holds one.
  const bool confirmed = probe || confirm_next_ || every_nth || queue_.alert_count() > 0;
  if (!send_frame(bearer, count, confirmed, now_us)) return;
  if (probe) {
    ++stats_.link_probes;
    probe_ready_ = false;
  }
  if (confirmed) {
    confirm_next_ = false;
    frames_since_confirmed_ = 0;
  } else {
    ++frames_since_confirmed_;
  }
}

bool Firmware::choose_bearer(TimeUs now_us, Bearer& bearer) const {
  bool found = false;
  for (std::size_t b = 0; b < BEARER_COUNT; ++b) {
    const BearerConfig& candidate = config_.bearers[b];
    if (!candidate.present) continue;
    const auto id = static_cast<Bearer>(b);
    const bool available = id == Bearer::LORA ? !lora_link_down_ || probe_ready_
                                              : place_tracker_.heard_recently(id, now_us, config_.place_memory_us);
    if (!available) continue;
    if (!found || candidate.cost < config_.bearers[static_cast<std::size_t>(bearer)].cost) {
      bearer = id;
      found = true;
    }
  }
  return found;
}

bool Firmware::send_frame(Bearer bearer, std::size_t count, bool confirmed, TimeUs now_us) {
  const bool repeat = inflight_attempts_ > 0;
  TxParams params;
  params.spreading_factor = config_.spreading_factor;
  params.tx_power_dbm = config_.tx_power_dbm;
  params.confirmed = confirmed;
  if (bearer == Bearer::LORA && !pick_lora_channel(now_us, params.channel_index)) return false;

  std::uint8_t bytes[MAX_UPLINK_FRAME_BYTES];
  encode_uplink_header(config_.device_id, repeat ? inflight_frame_counter_ : frame_counter_,
                       static_cast<std::uint8_t>(count), bytes);
  for (std::size_t i = 0; i < count; ++i) {
    const std::uint8_t* record = queue_.bytes_at(i);
    for (std::size_t b = 0; b < UPLINK_RECORD_BYTES; ++b) bytes[UPLINK_HEADER_BYTES + i * UPLINK_RECORD_BYTES + b] = record[b];
  }
  const std::size_t len = uplink_frame_bytes(count);
  const TxStatus status = hal_.start_tx(bearer, bytes, len, params);
  if (status != TxStatus::STARTED) {
    ++stats_.tx_refused;  // records stay queued; the next wake-up or tx_done tries again
    if (status == TxStatus::NO_BEARER && bearer != Bearer::LORA) place_tracker_.forget_bearer(bearer);
    return false;
  }
  if (bearer == Bearer::LORA) {
    const std::size_t sub_band = config_.channel_sub_band[params.channel_index];
    const TimeUs time_on_air_us = lora_time_on_air_us(phy_params(), len + config_.mac_overhead_bytes);
    duty_cycle_.record_tx(sub_band, now_us, time_on_air_us, config_.sub_band_duty_permille[sub_band]);
  }
  tx_in_progress_ = true;
  last_tx_bearer_ = bearer;
  ++stats_.frames_sent;
  if (confirmed) {
    if (!repeat) {
      queue_.lock_front(count);
      inflight_frame_counter_ = frame_counter_++;
      inflight_bearer_ = bearer;
    }
    ++inflight_attempts_;
  } else {
    queue_.pop(count);
    stats_.records_sent += static_cast<std::uint32_t>(count);
    ++frame_counter_;
  }
  return true;
}

bool Firmware::pick_lora_channel(TimeUs now_us, std::uint8_t& channel) {
  std::size_t open = 0;
  TimeUs reopen_us = NO_DEADLINE;
  for (std::size_t c = 0; c < config_.channel_count; ++c) {
    const std::size_t sub_band = config_.channel_sub_band[c];
    if (duty_cycle_.is_open(sub_band, now_us)) {
      ++open;
    } else if (duty_cycle_.open_at_us(sub_band) < reopen_us) {
      reopen_us = duty_cycle_.open_at_us(sub_band);
    }
  }
  if (open == 0) {
    // One deferral per waiting period: a flush already booked at the reopening covers this frame too.
    if (!scheduler_.is_scheduled(TaskId::FLUSH_QUEUE)) {
      ++stats_.tx_deferred_duty_cycle;
      scheduler_.schedule(TaskId::FLUSH_QUEUE, reopen_us);
    }
    return false;
  }
  std::size_t pick = uniform_below(open);
  for (std::size_t c = 0; c < config_.channel_count; ++c) {
    if (!duty_cycle_.is_open(config_.channel_sub_band[c], now_us)) continue;
    if (pick-- == 0) {
      channel = static_cast<std::uint8_t>(c);
      break;
    }
  }
  return true;
}

void Firmware::link_confirmed(Bearer bearer, TimeUs now_us) {
  last_link_ok_us_ = now_us;
  place_tracker_.on_bearer_heard(bearer, now_us);
  if (bearer == Bearer::LORA && lora_link_down_) {
    lora_link_down_ = false;
    probe_ready_ = false;
    if (inflight_attempts_ == 0) scheduler_.cancel(TaskId::RETRY);  // no probes needed any more
  }
  update_place(now_us);
}

void Firmware::update_place(TimeUs now_us) {
  const Place place = place_tracker_.place(now_us, config_);
  if (place == place_) return;
  place_ = place;
  ++stats_.place_changes;
  if (config_.policy == ReportPolicy::PLACE_AWARE) plan_report(now_us, true);
}

bool Firmware::read_battery() {
  battery_percent_ = hal_.read_battery().charge_percent;
  const BatteryLevel level = hw::battery_level(battery_percent_, config_);
  const bool changed = level != battery_level_;
  battery_level_ = level;
  return changed;
}

void Firmware::replan(TimeUs now_us) {
  plan_report(now_us, true);
  replan_periodic(TaskId::SAMPLE_SENSORS, config_.sample_interval_us, now_us);
  replan_periodic(TaskId::GNSS_FIX, gnss_period_us(config_, battery_level_), now_us);
  replan_periodic(TaskId::HEARTBEAT, heartbeat_period_us(config_, battery_level_), now_us);
}

void Firmware::plan_report(TimeUs now_us, bool period_changed) {
  const TimeUs period_us = report_period_us(config_, place_, battery_level_);
  if (report_anchor_us_ == NO_DEADLINE) {
    // Before the first report: keep its random boot offset unless the new period is shorter.
    if (report_nominal_us_ > now_us + period_us) report_nominal_us_ = now_us + period_us;
  } else if (period_changed) {
    // A new period counts from the last report; if that moment has passed, the report is due now.
    const TimeUs next_us = report_anchor_us_ + period_us;
    report_nominal_us_ = next_us > now_us ? next_us : now_us;
  } else {
    report_nominal_us_ = next_period(report_anchor_us_, period_us, now_us);
  }
  scheduler_.schedule(TaskId::REPORT, report_nominal_us_ + uniform_below(config_.report_jitter_us + 1));
}

void Firmware::replan_periodic(TaskId task, TimeUs period_us, TimeUs now_us) {
  // A changed period takes effect from the task's next run, or at once when that comes sooner.
  if (period_us == 0) {
    scheduler_.cancel(task);
  } else if (!scheduler_.is_scheduled(task) || scheduler_.deadline_us(task) > now_us + period_us) {
    scheduler_.schedule(task, now_us + period_us);
  }
}

void Firmware::arm_next_wakeup() {
  // Sampling is always scheduled, so there is always a deadline to arm.
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
