// Event alerts: sent at once as confirmed frames, repeated with backoff until acked or given up, and
// never at the cost of the EU868 duty cycle.
#include <algorithm>
#include <map>
#include <vector>

#include <catch2/catch.hpp>

#include "firmware_harness.hpp"
#include "hw/alerts.hpp"
#include "hw/duty_cycle.hpp"

using namespace fleet::hw;
using namespace fleet::hw::test;

namespace {

bool carries_alert(const TxRecord& tx) {
  UplinkFrame frame;
  if (!decode_uplink(tx.bytes.data(), tx.bytes.size(), frame)) return false;
  for (std::size_t i = 0; i < frame.record_count; ++i) {
    if (frame.records[i].kind == RecordKind::ALERT) return true;
  }
  return false;
}

std::vector<TxRecord> alert_frames(const FakeHal& hal) {
  std::vector<TxRecord> out;
  for (const TxRecord& tx : hal.txs) {
    if (tx.status == TxStatus::STARTED && carries_alert(tx)) out.push_back(tx);
  }
  return out;
}

FirmwareConfig alert_config() {
  FirmwareConfig config;
  config.report_jitter_us = 0;
  config.max_retries = 3;
  config.retry_backoff_us = 10 * US_PER_S;
  config.sub_band_duty_permille[0] = 1000;  // isolate the backoff from the duty cycle
  return config;
}

}  // namespace

TEST_CASE("an alert is sent at once, confirmed, and repeated with backoff until acknowledged", "[firmware][alert]") {
  const FirmwareConfig config = alert_config();
  Device device(config, 5);
  int alert_attempts = 0;
  device.hal.acks = [&](const TxRecord& tx) { return !carries_alert(tx) || ++alert_attempts >= 3; };
  device.hal.rx_windows_us = 2 * US_PER_S;  // RX2 closes 2 s after the uplink
  device.run_to(10 * MINUTE_US);
  device.run_to(device.hal.tx_end_us() == FakeHal::NO_EVENT ? device.hal.now_us() : device.hal.tx_end_us());
  const TimeUs event_us = device.hal.now_us();
  device.firmware.on_sensor_event(SensorEvent{SensorEventKind::DOOR_OPEN, 0});
  device.run_to(event_us + 5 * MINUTE_US);

  const auto frames = alert_frames(device.hal);
  REQUIRE(frames.size() == 3);
  CHECK(frames[0].at_us == event_us);  // at once, not at the next report
  for (const TxRecord& tx : frames) {
    CHECK(tx.params.confirmed);
    CHECK(tx.bytes == frames[0].bytes);  // the same frame, frame counter included
  }
  const TimeUs after_tx_done_us = frame_time_on_air_us(config, frames[0].bytes.size()) + device.hal.rx_windows_us;
  for (std::size_t n = 1; n < frames.size(); ++n) {
    const TimeUs backoff_us = config.retry_backoff_us << (n - 1);  // 10 s, then 20 s
    const TimeUs gap_us = frames[n].at_us - frames[n - 1].at_us;
    CHECK(gap_us >= after_tx_done_us + backoff_us);
    CHECK(gap_us < after_tx_done_us + backoff_us + config.retry_backoff_us);  // jitter below one backoff unit
  }
  UplinkFrame sent;
  REQUIRE(decode_uplink(frames[0].bytes.data(), frames[0].bytes.size(), sent));
  CHECK(sent.records[0].kind == RecordKind::ALERT);
  CHECK(sent.records[0].alert_cause == AlertCause::DOOR_OPEN);
  CHECK((sent.records[0].flags & RECORD_FLAG_DOOR_OPEN) != 0);

  const FirmwareStats& s = device.firmware.stats();
  CHECK(s.alerts_raised == 1);
  CHECK(s.retransmissions == 2);
  CHECK(s.confirmed_given_up == 0);
  CHECK_FALSE(device.firmware.link_down());
  CHECK(device.hal.overlapping_tx == 0);
  check_accounting(device.firmware);
}

TEST_CASE("an alert that is never acknowledged is given up after max_retries, kept and probed", "[firmware][alert]") {
  FirmwareConfig config = alert_config();
  config.max_retries = static_cast<std::uint8_t>(GENERATE(0, 2, 8));
  Device device(config, 6);
  bool network_up = false;
  device.hal.acks = [&](const TxRecord&) { return network_up; };
  device.hal.advance_to(5 * MINUTE_US);
  device.firmware.on_sensor_event(SensorEvent{SensorEventKind::SHOCK, 9000});
  const TimeUs gave_up_by_us = 5 * MINUTE_US + (config.retry_backoff_us << (config.max_retries + 1));
  device.run_to(gave_up_by_us);

  INFO("max_retries " << int{config.max_retries});
  CHECK(alert_frames(device.hal).size() == config.max_retries + 1U);
  CHECK(device.firmware.stats().confirmed_given_up == 1);
  CHECK(device.firmware.link_down());
  CHECK(device.firmware.queued_records() >= 1);  // the alert is kept, not lost

  // Routine records are held while the link is down; one probe per link_probe_interval_us.
  const std::size_t txs_at_give_up = device.hal.txs.size();
  const TimeUs given_up_us = device.hal.txs.back().at_us;
  device.run_to(given_up_us + config.link_probe_interval_us - US_PER_S);
  CHECK(device.hal.txs.size() == txs_at_give_up);

  network_up = true;
  device.run_to(given_up_us + config.link_probe_interval_us + 5 * MINUTE_US);
  REQUIRE(device.hal.txs.size() > txs_at_give_up);
  const TxRecord& probe = device.hal.txs[txs_at_give_up];
  CHECK(probe.params.confirmed);
  CHECK(carries_alert(probe));  // the alert leads the probe
  CHECK(device.firmware.stats().link_probes == 1);
  CHECK_FALSE(device.firmware.link_down());
  CHECK(device.firmware.queued_records() == 0);  // the held routine records followed
  check_accounting(device.firmware);
}

TEST_CASE("a burst of alerts never violates any EU868 sub-band's duty cycle", "[firmware][alert][duty_cycle]") {
  FirmwareConfig config;
  config.spreading_factor = 12;  // ~2.3 s per frame: the duty cycle binds hard
  config.channel_count = 5;
  config.channel_sub_band = {0, 0, 0, 1, 2};  // three g1 channels, one g2, one g3
  config.alert_holdoff_us = 0;
  config.queue_capacity = 64;
  Device device(config, 8);
  device.hal.rx_windows_us = 2 * US_PER_S;
  const SensorEvent burst[] = {{SensorEventKind::DOOR_OPEN, 0}, {SensorEventKind::SHOCK, 12000},
                               {SensorEventKind::DOOR_CLOSE, 0}, {SensorEventKind::LIGHT, 500}};
  for (int i = 0; i < 60; ++i) {
    device.run_to(MINUTE_US + static_cast<TimeUs>(i) * 5 * US_PER_S);
    device.firmware.on_sensor_event(burst[i % 4]);
  }
  device.run_to(12 * HOUR_US);

  // Per sub-band: every frame starts no earlier than the previous one's start + ToA/dc, and over any
  // hour the air time stays within dc·3600 s plus one frame.
  std::map<std::size_t, std::vector<std::pair<TimeUs, TimeUs>>> by_band;  // start, time on air
  for (const TxRecord& tx : device.hal.txs) {
    REQUIRE(tx.status == TxStatus::STARTED);
    by_band[config.channel_sub_band[tx.params.channel_index]].emplace_back(
        tx.at_us, frame_time_on_air_us(config, tx.bytes.size()));
  }
  CHECK(by_band.size() == 3);  // the firmware spreads the burst over every sub-band
  for (const auto& [band, frames] : by_band) {
    const std::uint16_t permille = config.sub_band_duty_permille[band];
    INFO("sub-band " << band << ", " << frames.size() << " frames");
    for (std::size_t k = 1; k < frames.size(); ++k) {
      const auto [start_us, toa_us] = frames[k - 1];
      REQUIRE(frames[k].first >= start_us + toa_us + duty_cycle_off_time_us(toa_us, permille));
    }
    TimeUs max_toa_us = 0;
    for (const auto& f : frames) max_toa_us = std::max(max_toa_us, f.second);
    for (std::size_t k = 0; k < frames.size(); ++k) {
      TimeUs air_us = 0;
      for (std::size_t j = k; j < frames.size() && frames[j].first < frames[k].first + HOUR_US; ++j) air_us += frames[j].second;
      REQUIRE(air_us <= HOUR_US * permille / 1000 + max_toa_us);
    }
  }
  const FirmwareStats& s = device.firmware.stats();
  CHECK(s.alerts_raised == 60);
  CHECK(s.dropped_alert_refused == 0);
  CHECK(s.tx_deferred_duty_cycle > 0);
  CHECK(device.firmware.queued_records() == 0);  // everything got through within 12 h
  check_accounting(device.firmware);
}

TEST_CASE("alerts are edge-triggered, held off per cause and masked", "[firmware][alert]") {
  FirmwareConfig config;
  config.alert_holdoff_us = 30 * MINUTE_US;
  config.alert_mask = static_cast<std::uint8_t>(ALL_ALERTS_MASK & ~alert_bit(AlertCause::HUMIDITY));
  Device device(config, 9);
  device.hal.sample.temperature_cdeg = 7000;  // above the 60 C default maximum
  device.hal.sample.humidity_permille = 990;  // out of range but masked
  device.run_to(2 * HOUR_US);                 // 9 samples out of range
  const FirmwareStats& s = device.firmware.stats();
  CHECK(s.alerts_raised == 1);  // one edge into the alarm state
  device.hal.sample.temperature_cdeg = 2000;
  device.run_to(3 * HOUR_US);
  device.hal.sample.temperature_cdeg = 7000;
  device.run_to(4 * HOUR_US);
  CHECK(s.alerts_raised == 2);  // back in range, then out again

  device.firmware.on_sensor_event(SensorEvent{SensorEventKind::SHOCK, 5000});
  device.firmware.on_sensor_event(SensorEvent{SensorEventKind::SHOCK, 6000});  // within the holdoff
  device.firmware.on_sensor_event(SensorEvent{SensorEventKind::SHOCK, 100});   // below the threshold
  CHECK(s.alerts_raised == 3);
  CHECK(s.alerts_held_off == 1);
  device.firmware.on_sensor_event(SensorEvent{SensorEventKind::DOOR_OPEN, 0});
  device.firmware.on_sensor_event(SensorEvent{SensorEventKind::LIGHT, 800});  // door open: no breach
  CHECK(s.alerts_raised == 4);
}
