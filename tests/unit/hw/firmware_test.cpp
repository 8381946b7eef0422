// The firmware driven through FakeHal over simulated days: periodic behaviour, accounting, duty
// cycle, refusals, determinism. No SimGrid involved.
#include "hw/firmware.hpp"

#include <array>
#include <set>
#include <vector>

#include <catch2/catch.hpp>

#include "firmware_harness.hpp"
#include "hw/uplink_codec.hpp"

using namespace fleet::hw;
using namespace fleet::hw::test;

TEST_CASE("firmware samples and reports exactly on its intervals over two days", "[firmware]") {
  FirmwareConfig config;
  config.device_id = 1234;
  config.report_jitter_us = 0;
  Device device(config, GENERATE(1, 2, 3, 99));
  device.run_to(2 * DAY_US - 1);

  const FirmwareStats& s = device.firmware.stats();
  CHECK(s.samples_taken == 1 + 2 * 24 * 4);  // the boot reading, then every 15 min from a random phase
  CHECK(device.hal.sensor_reads == s.samples_taken);
  CHECK(s.records_generated == 2 * 24);  // one per hour, first at a random offset < 1 h
  CHECK(s.records_dropped_queue_full == 0);
  CHECK(s.tx_refused == 0);
  CHECK(s.tx_deferred_duty_cycle == 0);  // hourly frames of ~0.25 s are far from 1 %
  CHECK(device.hal.overlapping_tx == 0);
  check_accounting(device.firmware);

  // Every record went out once, in order, stamped one hour apart.
  std::vector<UplinkRecord> records;
  for (const UplinkFrame& frame : started_frames(device.hal)) {
    CHECK(frame.device_id == 1234);
    for (std::size_t i = 0; i < frame.record_count; ++i) records.push_back(frame.records[i]);
  }
  REQUIRE(records.size() + device.firmware.queued_records() == s.records_generated);
  for (std::size_t i = 0; i < records.size(); ++i) {
    CHECK(records[i].seq == i);
    CHECK(records[i].kind == RecordKind::ROUTINE);
    CHECK(records[i].battery_percent == 97);
    CHECK(records[i].temperature_cdeg == 2150);
    if (i > 0) CHECK(records[i].generated_ms - records[i - 1].generated_ms == HOUR_US / US_PER_MS);
  }
  CHECK(records.front().generated_ms < HOUR_US / US_PER_MS);
  // The firmware reports the MCU around every entry point and the sensors around every sample, and
  // leaves both asleep; it never reports the radio or GNSS (the board's own models do).
  std::size_t sensor_active = 0;
  std::array<PowerState, COMPONENT_COUNT> last_state{};
  for (const auto& call : device.hal.power_calls) {
    REQUIRE((call.component == Component::MCU || call.component == Component::SENSORS));
    REQUIRE(call.state != last_state[static_cast<std::size_t>(call.component)]);  // strictly alternating
    last_state[static_cast<std::size_t>(call.component)] = call.state;
    if (call.component == Component::SENSORS && call.state == PowerState::ACTIVE) ++sensor_active;
  }
  CHECK(sensor_active == s.samples_taken);
  CHECK(last_state[static_cast<std::size_t>(Component::MCU)] == PowerState::SLEEP);
  CHECK(last_state[static_cast<std::size_t>(Component::SENSORS)] == PowerState::SLEEP);
}

TEST_CASE("report jitter stays within its bound and does not accumulate", "[firmware]") {
  FirmwareConfig config;
  config.report_jitter_us = 5 * MINUTE_US;
  Device device(config, GENERATE(5, 6, 7));
  device.run_to(2 * DAY_US);

  const auto frames = started_frames(device.hal);
  CHECK(device.firmware.stats().records_generated >= 47);
  CHECK(device.firmware.stats().records_generated <= 48);
  std::set<TimeUs> distinct_gaps;
  for (std::size_t i = 1; i < frames.size(); ++i) {
    const TimeUs gap_ms = frames[i].records[0].generated_ms - frames[i - 1].records[0].generated_ms;
    const TimeUs lo_ms = (HOUR_US - config.report_jitter_us - config.coalesce_window_us) / US_PER_MS - 1;
    CHECK(gap_ms >= lo_ms);
    CHECK(gap_ms <= (HOUR_US + config.report_jitter_us) / US_PER_MS + 1);
    distinct_gaps.insert(gap_ms);
  }
  CHECK(distinct_gaps.size() > 10);  // jitter is really drawn
  check_accounting(device.firmware);
}

TEST_CASE("the duty cycle is never violated and deferrals are counted", "[firmware]") {
  FirmwareConfig config;
  config.spreading_factor = 12;  // ~1.8 s per 2-record frame: off-time far above the report interval
  config.sub_band_duty_permille[0] = static_cast<std::uint16_t>(GENERATE(1, 10, 100));
  config.sample_interval_us = 10 * US_PER_S;
  config.report_interval_us = 10 * US_PER_S;
  config.report_jitter_us = 1 * US_PER_S;
  Device device(config);
  device.run_to(2 * DAY_US);

  const FirmwareStats& s = device.firmware.stats();
  INFO("permille " << config.sub_band_duty_permille[0] << ", frames " << s.frames_sent);
  const auto times = started_times(device.hal);
  REQUIRE(times.size() > 10);
  std::size_t tight = 0;
  for (std::size_t i = 1; i < times.size(); ++i) {
    const TimeUs toa_us = frame_time_on_air_us(config, device.hal.txs[i - 1].bytes.size());
    const TimeUs owed_us = toa_us + duty_cycle_off_time_us(toa_us, config.sub_band_duty_permille[0]);
    REQUIRE(times[i] - times[i - 1] >= owed_us);
    if (times[i] - times[i - 1] == owed_us) ++tight;
  }
  CHECK(tight == times.size() - 1);  // with a backlog, each frame leaves the moment the band reopens
  CHECK(s.tx_deferred_duty_cycle >= s.frames_sent - 1);
  CHECK(s.tx_deferred_duty_cycle <= s.frames_sent);  // once per deferral, not once per wake-up
  CHECK(s.records_dropped_queue_full > 0);
  CHECK(device.hal.overlapping_tx == 0);
  check_accounting(device.firmware);
}

TEST_CASE("frames carry as many records as max_payload_bytes allows", "[firmware]") {
  FirmwareConfig config;
  config.bearers[0].max_payload_bytes = GENERATE(51, 115, 242);
  config.sub_band_duty_permille[0] = 1000;  // isolate packing from the duty cycle
  Device device(config);
  device.hal.tx_status = TxStatus::NO_BEARER;  // out of coverage for 20 hours: a backlog builds
  device.run_to(20 * HOUR_US);
  REQUIRE(device.firmware.queued_records() == 20);
  device.hal.tx_status = TxStatus::STARTED;
  device.run_to(20 * HOUR_US + 16 * MINUTE_US);  // the next wake-up (a sample at 20 h 15) retries

  const std::size_t per_frame = (config.bearers[0].max_payload_bytes - UPLINK_HEADER_BYTES) / UPLINK_RECORD_BYTES;
  for (const auto& tx : device.hal.txs) CHECK(tx.bytes.size() <= config.bearers[0].max_payload_bytes);
  const auto frames = started_frames(device.hal);
  REQUIRE(!frames.empty());
  CHECK(frames.front().record_count == std::min<std::size_t>(per_frame, 20));
  CHECK(device.firmware.queued_records() == 0);
  check_accounting(device.firmware);
}

TEST_CASE("a refused transmission is retried without losing records", "[firmware]") {
  FirmwareConfig config;
  Device device(config, 11);
  device.hal.tx_status = GENERATE(TxStatus::RADIO_BUSY, TxStatus::NO_BEARER);
  device.run_to(6 * HOUR_US);
  const FirmwareStats& s = device.firmware.stats();
  CHECK(s.tx_refused > 0);
  CHECK(s.frames_sent == 0);
  CHECK(device.firmware.queued_records() == s.records_generated);
  const std::uint32_t refused_so_far = s.tx_refused;

  device.hal.tx_status = TxStatus::STARTED;
  device.run_to(12 * HOUR_US);
  CHECK(s.tx_refused == refused_so_far);
  CHECK(s.records_dropped_queue_full == 0);
  CHECK(device.firmware.queued_records() == 0);
  check_accounting(device.firmware);
  std::uint16_t expected_seq = 0;
  for (const UplinkFrame& frame : started_frames(device.hal)) {
    for (std::size_t i = 0; i < frame.record_count; ++i) CHECK(frame.records[i].seq == expected_seq++);
  }
  CHECK(expected_seq == s.records_generated);
  // A refused frame does not use up a frame counter value.
  const auto frames = started_frames(device.hal);
  for (std::size_t i = 0; i < frames.size(); ++i) CHECK(frames[i].frame_counter == i);
}

TEST_CASE("a full queue drops the new routine record and counts it", "[firmware]") {
  FirmwareConfig config;
  config.queue_capacity = 4;
  Device device(config);
  device.hal.tx_status = TxStatus::NO_BEARER;
  device.run_to(10 * HOUR_US);
  const FirmwareStats& s = device.firmware.stats();
  CHECK(device.firmware.config().queue_capacity == 4);
  CHECK(device.firmware.queued_records() == 4);
  CHECK(s.records_dropped_queue_full == s.records_generated - 4);
  device.hal.tx_status = TxStatus::STARTED;
  device.run_to(11 * HOUR_US - 1);
  const auto frames = started_frames(device.hal);
  REQUIRE(!frames.empty());
  CHECK(frames.front().records[0].seq == 0);  // the oldest records survived
  check_accounting(device.firmware);
}

TEST_CASE("firmware runs are deterministic per seed and devices do not report in lockstep", "[firmware]") {
  FirmwareConfig config;
  auto tx_times = [&](std::uint64_t seed) {
    Device device(config, seed);
    device.run_to(DAY_US);
    std::vector<std::pair<TimeUs, std::uint8_t>> out;
    for (const auto& tx : device.hal.txs) out.emplace_back(tx.at_us, tx.params.channel_index);
    return out;
  };
  const auto a = tx_times(42);
  CHECK(a == tx_times(42));
  const auto b = tx_times(43);
  REQUIRE(!a.empty());
  REQUIRE(!b.empty());
  CHECK(a.front().first != b.front().first);

  // 200 devices booted together: first reports spread over the hour, every channel used.
  std::set<TimeUs> first_reports;
  std::set<int> channels;
  TimeUs earliest = ~TimeUs{0};
  TimeUs latest = 0;
  for (std::uint64_t seed = 1; seed <= 200; ++seed) {
    Device device(config, seed);
    device.run_to(HOUR_US + config.report_jitter_us);
    REQUIRE(!device.hal.txs.empty());
    first_reports.insert(device.hal.txs[0].at_us);
    channels.insert(device.hal.txs[0].params.channel_index);
    earliest = std::min(earliest, device.hal.txs[0].at_us);
    latest = std::max(latest, device.hal.txs[0].at_us);
  }
  CHECK(first_reports.size() == 200);
  CHECK(earliest < 5 * MINUTE_US);
  CHECK(latest > 55 * MINUTE_US);
  CHECK(channels == std::set<int>{0, 1, 2});
}

TEST_CASE("sensor events go into the next record, downlinks are counted", "[firmware]") {
  FirmwareConfig config;
  config.report_jitter_us = 0;
  config.alert_mask = 0;  // routine folding only; alerts have their own tests
  Device device(config, 3);
  device.run_to(HOUR_US);  // the first report is out
  REQUIRE(device.firmware.stats().records_generated == 1);

  device.firmware.on_sensor_event(SensorEvent{SensorEventKind::DOOR_OPEN, 0});
  device.firmware.on_sensor_event(SensorEvent{SensorEventKind::SHOCK, 3200});
  device.firmware.on_sensor_event(SensorEvent{SensorEventKind::DOOR_CLOSE, 0});
  device.firmware.on_sensor_event(SensorEvent{SensorEventKind::SHOCK, 1500});
  const std::uint8_t downlink[] = {0x60, 1, 2, 3};
  device.firmware.on_rx(downlink, sizeof downlink, -110);
  device.firmware.on_gnss_done(GnssResult{true, 433000000, 53700000});
  CHECK(device.firmware.stats().sensor_events == 4);
  CHECK(device.firmware.stats().downlinks_rejected == 1);  // 0x60 is no downlink format version
  CHECK(device.hal.armed_us() > device.hal.now_us());

  device.run_to(3 * HOUR_US);
  const auto frames = started_frames(device.hal);
  REQUIRE(frames.size() == 4);
  CHECK(frames[1].records[0].kind == RecordKind::POSITION);  // the fix goes out at once
  CHECK(frames[1].records[0].lat_e7 == 433000000);
  CHECK(frames[2].records[0].flags == RECORD_FLAG_DOOR_OPEN);  // opened and closed between reports
  CHECK(frames[2].records[0].shock_mg == 3200);                // the peak, not the last
  CHECK(frames[3].records[0].flags == 0);
  CHECK(frames[3].records[0].shock_mg == 0);
}

TEST_CASE("a fleet booted together samples at spread phases, not in the same instant", "[firmware]") {
  // Reports due within the coalescing window of a sample share its wake-up: were every device's
  // sampling in phase, those reports would leave the whole fleet in the same microsecond.
  FirmwareConfig config;
  int sampled_twice_by_half_period = 0;
  constexpr int DEVICES = 400;
  for (int seed = 1; seed <= DEVICES; ++seed) {
    Device device(config, static_cast<std::uint64_t>(seed));
    device.run_to(config.sample_interval_us / 2);
    const std::uint32_t samples = device.firmware.stats().samples_taken;
    CHECK((samples == 1 || samples == 2));  // the boot reading, and the first periodic one if due
    if (samples == 2) ++sampled_twice_by_half_period;
  }
  // A uniform phase puts half the fleet's first sample in the first half period: 200 of 400, with a
  // standard deviation of 10; in phase it would be 0 or 400.
  CHECK(sampled_twice_by_half_period > 150);
  CHECK(sampled_twice_by_half_period < 250);
}

TEST_CASE("configuration is sanitised and the object stays small", "[firmware]") {
  FakeHal hal;
  FirmwareConfig config;
  config.sample_interval_us = 0;
  config.report_interval_us = 0;
  config.channel_count = 0;
  config.queue_capacity = 1000;
  Firmware firmware(hal, config);
  CHECK(firmware.config().sample_interval_us == MIN_TASK_INTERVAL_US);
  CHECK(firmware.config().report_interval_us == MIN_TASK_INTERVAL_US);
  CHECK(firmware.config().channel_count == 1);
  CHECK(firmware.config().queue_capacity == RecordQueue::MAX);
  firmware.on_boot();
  run_until(hal, firmware, 60 * US_PER_S);  // ends: no zero-length periods
  CHECK(firmware.stats().samples_taken == 61);

  INFO("sizeof(Firmware) = " << sizeof(Firmware));
  // 100,000 devices in one process: ~1.1 KB of queue, ~0.4 KB of configuration, the rest state.
  CHECK(sizeof(Firmware) <= 1800);
}
