// Reporting policy in the running firmware: downlink changes and when they take effect, place-aware
// periods, battery degradation, bearer choice, GNSS and coalesced wake-ups.
#include <algorithm>
#include <vector>

#include <catch2/catch.hpp>

#include "firmware_harness.hpp"
#include "hw/downlink_codec.hpp"

using namespace fleet::hw;
using namespace fleet::hw::test;

namespace {

// generated_ms of every routine record put on air, in order.
std::vector<TimeUs> routine_times_us(const FakeHal& hal) {
  std::vector<TimeUs> out;
  for (const UplinkFrame& frame : started_frames(hal)) {
    for (std::size_t i = 0; i < frame.record_count; ++i) {
      if (frame.records[i].kind == RecordKind::ROUTINE) out.push_back(frame.records[i].generated_ms * US_PER_MS);
    }
  }
  return out;
}

}  // namespace

TEST_CASE("a downlink policy change takes effect when it is received, counted from the last report", "[firmware][downlink]") {
  FirmwareConfig config;
  config.report_jitter_us = 0;
  Device device(config, 4);
  device.hal.rx_windows_us = 2 * US_PER_S;
  device.run_to(2 * HOUR_US);
  const auto before = routine_times_us(device.hal);
  REQUIRE(before.size() == 2);
  const TimeUs grid_us = before[0];  // the random boot offset

  // Delivered in the receive window of the third report's frame: 6 h reports from then on.
  device.hal.downlinks.push_back(downlink({{1, 6 * 3600}}));
  device.run_to(grid_us + 2 * HOUR_US);  // the third report is on air, its RX windows not yet over
  CHECK(device.firmware.config().report_interval_us == HOUR_US);
  device.run_to(grid_us + 2 * HOUR_US + MINUTE_US);
  CHECK(device.firmware.config().report_interval_us == 6 * HOUR_US);
  CHECK(device.firmware.stats().downlinks_applied == 1);

  device.run_to(grid_us + 20 * HOUR_US + US_PER_S);  // grid_us is the boot offset truncated to ms
  const auto times = routine_times_us(device.hal);
  const std::vector<TimeUs> expected = {grid_us, grid_us + HOUR_US, grid_us + 2 * HOUR_US, grid_us + 8 * HOUR_US,
                                        grid_us + 14 * HOUR_US, grid_us + 20 * HOUR_US};
  CHECK(times == expected);
}

TEST_CASE("a shorter period received after it has already elapsed reports at once", "[firmware][downlink]") {
  FirmwareConfig config;
  config.report_jitter_us = 0;
  config.report_interval_us = 6 * HOUR_US;
  Device device(config, 4);
  device.run_to(6 * HOUR_US - 1);  // the first report is at a random offset below 6 h
  const auto first = routine_times_us(device.hal);
  REQUIRE(first.size() == 1);
  const TimeUs received_us = std::max(device.hal.now_us(), first[0] + 3 * HOUR_US);
  device.hal.advance_to(received_us);
  const std::vector<std::uint8_t> command = downlink({{1, 3600}});
  device.firmware.on_rx(command.data(), command.size(), -90);
  device.run_to(received_us + MINUTE_US);
  const auto times = routine_times_us(device.hal);
  REQUIRE(times.size() == 2);
  CHECK(times[1] / US_PER_MS == received_us / US_PER_MS);  // overdue under the new period: now, not first + 1 h
}

TEST_CASE("corrupt downlinks change nothing and are counted", "[firmware][downlink]") {
  FirmwareConfig config;
  config.report_jitter_us = 0;
  Device device(config, 12);
  const FirmwareConfig before = device.firmware.config();
  std::vector<std::vector<std::uint8_t>> corrupt = {
      {},                                    // empty
      {2, 1, 1, 1, 0x10, 0x0E, 0, 0},        // unknown version
      {1, 1, 1, 1, 0x10, 0x0E, 0},           // truncated
      {1, 1, 2, 1, 0x10, 0x0E, 0, 0, 99, 1},  // unknown parameter after a good one
      downlink({{1, 7200}, {20, 12}}),       // 12 retries: out of range after a good interval
      downlink({{11, 5}, {12, 50}}),         // critical above low
  };
  for (const auto& frame : corrupt) device.hal.downlinks.push_back(frame);
  device.run_to(12 * HOUR_US);
  const FirmwareStats& s = device.firmware.stats();
  CHECK(s.downlinks_rejected == corrupt.size());
  CHECK(s.downlinks_applied == 0);
  CHECK(s.last_downlink_error == DownlinkError::OUT_OF_RANGE);
  CHECK(s.last_downlink_field == ConfigField::BATTERY_THRESHOLDS);
  CHECK(device.firmware.config() == before);
  const auto times = routine_times_us(device.hal);
  REQUIRE(times.size() >= 11);
  for (std::size_t i = 1; i < times.size(); ++i) CHECK(times[i] - times[i - 1] == HOUR_US);  // unchanged
}

TEST_CASE("place-aware reporting: hub heard at sea, fix in the port fence, and back", "[firmware][place]") {
  FirmwareConfig config;
  config.policy = ReportPolicy::PLACE_AWARE;
  config.report_jitter_us = 0;
  config.geofence_count = 1;
  config.geofences[0] = {GeofenceShape::CIRCLE, 434'000'000, 48'800'000, 0, 0, 2000};  // Fos-sur-Mer
  config.gnss_interval_us = 8 * HOUR_US;  // docs/sources.md section 9
  config.place_memory_us = HOUR_US;
  Device device(config, 30);
  device.hal.gnss_fix = GnssResult{true, 300'000'000, 1'220'000'000};  // off Shanghai: no fence
  CHECK(device.firmware.place() == Place::UNKNOWN);
  CHECK(device.hal.gnss_timeouts_us.empty());  // the first fix comes at a random point of its period

  // At sea: the ship hub's beacon every 10 minutes.
  for (TimeUs t_us = 10 * MINUTE_US; t_us <= 2 * DAY_US; t_us += 10 * MINUTE_US) {
    device.run_to(t_us);
    device.firmware.on_bearer_heard(Bearer::SHIP_HUB, -80);
  }
  CHECK(device.firmware.place() == Place::SEA);
  const auto sea = routine_times_us(device.hal);
  REQUIRE(sea.size() >= 8);
  for (std::size_t i = sea.size() - 6; i < sea.size(); ++i) CHECK(sea[i] - sea[i - 1] == 6 * HOUR_US);
  CHECK(device.hal.gnss_timeouts_us.size() == 2 * 24 / 8);

  // Alongside in Fos: the next fix falls in the fence, the hub goes quiet an hour later.
  device.hal.gnss_fix = GnssResult{true, 434'050'000, 48'810'000};
  device.run_to(3 * DAY_US);
  CHECK(device.firmware.place() == Place::PORT);
  const auto port = routine_times_us(device.hal);
  CHECK(port.back() - port[port.size() - 2] == HOUR_US);
  CHECK(device.firmware.stats().place_changes >= 2);
  // Records carry the place the firmware believed in.
  const auto frames = started_frames(device.hal);
  CHECK(frames.back().records[frames.back().record_count - 1].place == Place::PORT);
}

TEST_CASE("motion without a ship hub means road", "[firmware][place]") {
  FirmwareConfig config;
  config.policy = ReportPolicy::PLACE_AWARE;
  Device device(config, 31);
  device.hal.sample.accel_rms_mg = 80;  // a truck
  device.run_to(HOUR_US);
  CHECK(device.firmware.place() == Place::ROAD);
  device.hal.sample.accel_rms_mg = 2;  // parked
  device.run_to(2 * HOUR_US);
  CHECK(device.firmware.place() == Place::UNKNOWN);
}

TEST_CASE("battery degradation stretches reports, then stops GNSS, but alerts still go", "[firmware][battery]") {
  FirmwareConfig config;
  config.report_jitter_us = 0;
  config.gnss_interval_us = HOUR_US;
  config.battery_low_percent = 30;
  config.battery_critical_percent = 10;
  config.low_battery_factor = 2;
  config.critical_battery_factor = 4;
  Device device(config, 40);
  device.run_to(10 * HOUR_US - 1);
  CHECK(device.firmware.battery_level() == BatteryLevel::NORMAL);
  const std::size_t fixes_normal = device.hal.gnss_timeouts_us.size();
  CHECK(fixes_normal == 10);  // at boot and every hour before 10 h

  device.hal.battery = {3300, 25};  // read at the next report
  device.run_to(30 * HOUR_US);
  CHECK(device.firmware.battery_level() == BatteryLevel::LOW);
  auto times = routine_times_us(device.hal);
  CHECK(times.back() - times[times.size() - 2] == 2 * HOUR_US);

  device.hal.battery = {3100, 8};
  device.run_to(40 * HOUR_US);
  CHECK(device.firmware.battery_level() == BatteryLevel::CRITICAL);
  const std::size_t fixes_at_critical = device.hal.gnss_timeouts_us.size();
  device.run_to(80 * HOUR_US);
  CHECK(device.hal.gnss_timeouts_us.size() == fixes_at_critical);  // no more fixes
  times = routine_times_us(device.hal);
  CHECK(times.back() - times[times.size() - 2] == 4 * HOUR_US);
  CHECK(started_frames(device.hal).back().records[0].battery_percent == 8);

  const std::size_t frames_before = device.hal.txs.size();
  device.firmware.on_sensor_event(SensorEvent{SensorEventKind::DOOR_OPEN, 0});
  REQUIRE(device.hal.txs.size() == frames_before + 1);
  CHECK(device.hal.txs.back().params.confirmed);
}

TEST_CASE("bearer choice: cheapest available, ship hub when LoRa is down, cellular last", "[firmware][bearer]") {
  FirmwareConfig config;
  config.report_jitter_us = 0;
  config.confirm_every_n_frames = 1;  // every frame checks the link
  config.max_retries = 1;
  config.bearers[static_cast<std::size_t>(Bearer::SHIP_HUB)] = {true, 2, 242};
  config.bearers[static_cast<std::size_t>(Bearer::CELLULAR)] = {true, 10, 242};
  Device device(config, 50);
  device.hal.bearer_up = {true, true, true};
  bool lora_covered = true;
  device.hal.acks = [&](const TxRecord& tx) { return tx.bearer != Bearer::LORA || lora_covered; };
  auto hear_all = [&](TimeUs until_us, bool hub, bool cell) {
    for (TimeUs t_us = device.hal.now_us() + 5 * MINUTE_US; t_us <= until_us; t_us += 5 * MINUTE_US) {
      device.run_to(t_us);
      if (hub) device.firmware.on_bearer_heard(Bearer::SHIP_HUB, -70);
      if (cell) device.firmware.on_bearer_heard(Bearer::CELLULAR, -95);
    }
  };
  auto bearers_since = [&](std::size_t from) {
    std::vector<Bearer> out;
    for (std::size_t i = from; i < device.hal.txs.size(); ++i) out.push_back(device.hal.txs[i].bearer);
    return out;
  };

  hear_all(4 * HOUR_US, true, true);  // everything heard: LoRa is the cheapest
  for (Bearer b : bearers_since(0)) CHECK(b == Bearer::LORA);

  lora_covered = false;  // at sea: LoRa frames go unacked, the hub is heard
  std::size_t mark = device.hal.txs.size();
  hear_all(10 * HOUR_US, true, false);
  CHECK(device.firmware.link_down());
  const auto at_sea = bearers_since(mark);
  CHECK(std::count(at_sea.begin(), at_sea.end(), Bearer::SHIP_HUB) >= 4);
  CHECK(std::count(at_sea.begin(), at_sea.end(), Bearer::CELLULAR) == 0);

  mark = device.hal.txs.size();
  hear_all(16 * HOUR_US, false, true);  // the hub is gone, a coastal cell is heard
  const auto coastal = bearers_since(mark);
  CHECK(std::count(coastal.begin(), coastal.end(), Bearer::CELLULAR) >= 4);
  CHECK(std::count(coastal.begin(), coastal.end(), Bearer::SHIP_HUB) == 0);
  CHECK(device.firmware.queued_records() <= 1);
  check_accounting(device.firmware);
}

TEST_CASE("GNSS fixes keep their period, never overlap, and failures are counted", "[firmware][scheduler]") {
  FirmwareConfig config;
  config.gnss_interval_us = HOUR_US;
  Device device(config, 60);
  device.hal.gnss_time_to_fix_us = 2 * config.gnss_timeout_us;  // inside a stack: never a fix
  device.run_to(DAY_US - 1);
  const FirmwareStats& s = device.firmware.stats();
  CHECK(s.gnss_fixes_started == 24);
  CHECK(s.gnss_fixes_failed == 24);
  CHECK(device.hal.overlapping_gnss == 0);
  // At most one wake-up of its own per fix (the first fix is at a random point of the hour, off the
  // sampling grid; later ones keep that phase).
  CHECK(s.wakeups <= s.samples_taken - 1 + s.records_generated + s.gnss_fixes_started);
  for (std::size_t i = 0; i < device.hal.gnss_timeouts_us.size(); ++i) CHECK(device.hal.gnss_timeouts_us[i] == config.gnss_timeout_us);
}

TEST_CASE("GNSS fixes start at a random point of their period, so a fleet booted together spreads", "[firmware][gnss]") {
  FirmwareConfig config;
  config.gnss_interval_us = 8 * HOUR_US;
  std::vector<TimeUs> first_fix_us;
  for (std::uint32_t seed = 1; seed <= 40; ++seed) {
    Device device(config, seed);
    device.run_to(8 * HOUR_US - MINUTE_US);  // the second fix may coalesce into a wake-up just before 8 h
    CAPTURE(seed, device.hal.gnss_starts_us);
    REQUIRE(device.hal.gnss_starts_us.size() == 1);  // one fix per period
    first_fix_us.push_back(device.hal.gnss_starts_us[0]);
    CHECK(first_fix_us.back() < 8 * HOUR_US);
  }
  std::sort(first_fix_us.begin(), first_fix_us.end());
  // 40 uniform draws over 8 h: the odds that two fall within a second of each other are small, and
  // that all of them do (lockstep) nil.
  CHECK(std::adjacent_find(first_fix_us.begin(), first_fix_us.end()) == first_fix_us.end());
  CHECK(first_fix_us.back() - first_fix_us.front() > 4 * HOUR_US);
}
