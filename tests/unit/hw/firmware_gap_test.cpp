// Store and forward across a 20-day coverage gap (a Asia–Europe leg without coverage, docs/sources.md
// section 1: "the modem buffers data and uploads its history near land"): what is kept, what is
// counted, and how the backlog leaves when coverage returns.
#include <algorithm>
#include <map>
#include <set>
#include <vector>

#include <catch2/catch.hpp>

#include "firmware_harness.hpp"

using namespace fleet::hw;
using namespace fleet::hw::test;

TEST_CASE("a 20-day coverage gap: alerts kept, overflow counted, backlog flushed in full frames", "[firmware][gap]") {
  const OverflowPolicy policy = GENERATE(OverflowPolicy::THIN, OverflowPolicy::DROP_NEWEST);
  FirmwareConfig config;
  config.report_jitter_us = 0;
  config.confirm_every_n_frames = 4;  // notices a lost link within four frames
  config.overflow_policy = policy;
  config.queue_capacity = 32;
  const TimeUs gap_start_us = DAY_US;
  const TimeUs gap_end_us = 21 * DAY_US;
  auto covered = [&](TimeUs t_us) { return t_us < gap_start_us || t_us >= gap_end_us; };

  Device device(config, 21);
  device.hal.acks = [&](const TxRecord& tx) { return covered(tx.at_us); };
  const std::vector<TimeUs> door_events_us = {5 * DAY_US, 5 * DAY_US + HOUR_US, 12 * DAY_US, 12 * DAY_US + HOUR_US};
  for (std::size_t i = 0; i < door_events_us.size(); ++i) {
    device.run_to(door_events_us[i]);
    device.firmware.on_sensor_event(SensorEvent{i % 2 == 0 ? SensorEventKind::DOOR_OPEN : SensorEventKind::DOOR_CLOSE, 0});
  }
  device.run_to(gap_end_us - 1);
  const FirmwareStats& s = device.firmware.stats();
  INFO("policy " << static_cast<int>(policy));
  CHECK(device.firmware.link_down());
  CHECK(device.firmware.queued_records() == config.queue_capacity);
  CHECK(s.dropped_alert_refused == 0);
  CHECK(s.records_dropped_queue_full > 400);  // ~480 hourly records for 32 slots
  CHECK(s.dropped_routine_for_alert == door_events_us.size());  // each alert displaced a routine record
  const std::uint32_t overflow = policy == OverflowPolicy::THIN ? s.dropped_routine_thinned : s.dropped_routine_refused;
  CHECK(overflow + s.dropped_routine_for_alert == s.records_dropped_queue_full);
  check_accounting(device.firmware);

  device.run_to(gap_end_us + DAY_US);
  CHECK_FALSE(device.firmware.link_down());
  CHECK(device.firmware.queued_records() == 0);
  check_accounting(device.firmware);

  // Every record is delivered (in an acked frame, or an unconfirmed one sent in coverage), lost blind
  // (unconfirmed, sent in the gap before the loss was noticed) or counted as dropped. No other fate.
  std::map<std::uint16_t, UplinkRecord> delivered;
  std::set<std::uint16_t> lost_blind;
  TimeUs first_flush_us = 0;
  std::size_t flush_frames = 0;
  std::size_t full_flush_frames = 0;
  const std::size_t per_frame = (config.bearers[0].max_payload_bytes - UPLINK_HEADER_BYTES) / UPLINK_RECORD_BYTES;
  for (const TxRecord& tx : device.hal.txs) {
    UplinkFrame frame;
    REQUIRE(decode_uplink(tx.bytes.data(), tx.bytes.size(), frame));
    for (std::size_t i = 0; i < frame.record_count; ++i) {
      if (covered(tx.at_us)) {
        delivered[frame.records[i].seq] = frame.records[i];
      } else if (!tx.params.confirmed) {
        lost_blind.insert(frame.records[i].seq);
      }
    }
    if (tx.at_us >= gap_end_us) {
      if (first_flush_us == 0) first_flush_us = tx.at_us;
      ++flush_frames;
      if (frame.record_count == per_frame) ++full_flush_frames;
    }
  }
  CHECK(lost_blind.size() <= 3 * per_frame);  // at most three unconfirmed frames before the check
  CHECK(delivered.size() + lost_blind.size() + s.records_dropped_queue_full == s.records_generated);

  // The four door alerts from the middle of the gap arrived.
  std::vector<AlertCause> alerts;
  for (const auto& [seq, record] : delivered) {
    if (record.kind == RecordKind::ALERT) alerts.push_back(record.alert_cause);
  }
  CHECK(alerts == std::vector<AlertCause>{AlertCause::DOOR_OPEN, AlertCause::DOOR_CLOSE, AlertCause::DOOR_OPEN,
                                          AlertCause::DOOR_CLOSE});

  // Coverage is noticed at the next probe, and the backlog leaves in full frames.
  CHECK(first_flush_us < gap_end_us + config.link_probe_interval_us);
  CHECK(flush_frames >= 32 / per_frame);
  CHECK(full_flush_frames >= flush_frames - 25);  // the day after the gap adds single hourly reports

  // What the gap left on the device: THIN keeps it covered end to end, DROP_NEWEST its first hours.
  std::vector<TimeUs> gap_hours;
  for (const auto& [seq, record] : delivered) {
    const TimeUs at_us = record.generated_ms * US_PER_MS;
    if (record.kind == RecordKind::ROUTINE && at_us >= gap_start_us && at_us < gap_end_us) gap_hours.push_back(at_us / HOUR_US);
  }
  std::sort(gap_hours.begin(), gap_hours.end());
  REQUIRE(gap_hours.size() >= 20);
  if (policy == OverflowPolicy::THIN) {
    CHECK(gap_hours.back() >= gap_end_us / HOUR_US - 2);
    const TimeUs even_spacing_h = (gap_hours.back() - gap_hours.front()) / (gap_hours.size() - 1);
    for (std::size_t i = 1; i < gap_hours.size(); ++i) CHECK(gap_hours[i] - gap_hours[i - 1] <= 2 * even_spacing_h + 1);
  } else {
    CHECK(gap_hours.back() < gap_start_us / HOUR_US + 40);
  }
}
