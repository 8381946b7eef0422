#include "hw/firmware_config.hpp"

#include <functional>
#include <set>
#include <string>

#include <catch2/catch.hpp>

using namespace fleet::hw;

TEST_CASE("the default configuration is valid", "[firmware_config]") {
  CHECK(validate_config(FirmwareConfig{}) == ConfigField::NONE);
}

TEST_CASE("each out-of-range field is named, at both ends of its range", "[firmware_config]") {
  struct Case {
    const char* what;
    std::function<void(FirmwareConfig&)> edit;
    ConfigField field;
  };
  const TimeUs day_us = 86'400 * US_PER_S;
  const Case cases[] = {
      {"sample 0", [](auto& c) { c.sample_interval_us = 0; }, ConfigField::SAMPLE_INTERVAL},
      {"sample > 1 day", [=](auto& c) { c.sample_interval_us = day_us + 1; }, ConfigField::SAMPLE_INTERVAL},
      {"coalesce > 60 s", [](auto& c) { c.coalesce_window_us = 61 * US_PER_S; }, ConfigField::COALESCE_WINDOW},
      {"policy 2", [](auto& c) { c.policy = static_cast<ReportPolicy>(2); }, ConfigField::POLICY},
      {"report > 30 d", [=](auto& c) { c.report_interval_us = 30 * day_us + 1; }, ConfigField::REPORT_INTERVAL},
      {"jitter > report", [](auto& c) { c.report_jitter_us = c.report_interval_us + 1; }, ConfigField::REPORT_JITTER},
      {"sea interval 0", [](auto& c) { c.place_report_interval_us[2] = 0; }, ConfigField::PLACE_REPORT_INTERVAL},
      {"gnss 59 s", [](auto& c) { c.gnss_interval_us = 59 * US_PER_S; }, ConfigField::GNSS_INTERVAL},
      {"gnss timeout 0", [](auto& c) { c.gnss_timeout_us = 0; }, ConfigField::GNSS_TIMEOUT},
      {"heartbeat 1 s", [](auto& c) { c.heartbeat_interval_us = US_PER_S; }, ConfigField::HEARTBEAT_INTERVAL},
      {"critical above low", [](auto& c) { c.battery_low_percent = 10; c.battery_critical_percent = 20; }, ConfigField::BATTERY_THRESHOLDS},
      {"low > 100 %", [](auto& c) { c.battery_low_percent = 101; }, ConfigField::BATTERY_THRESHOLDS},
      {"factor 0", [](auto& c) { c.low_battery_factor = 0; }, ConfigField::BATTERY_FACTORS},
      {"critical factor below low", [](auto& c) { c.low_battery_factor = 8; c.critical_battery_factor = 4; }, ConfigField::BATTERY_FACTORS},
      {"alert bit 0", [](auto& c) { c.alert_mask = 0x01; }, ConfigField::ALERT_MASK},
      {"alert bit 7", [](auto& c) { c.alert_mask = 0x80; }, ConfigField::ALERT_MASK},
      {"shock 99 mg", [](auto& c) { c.shock_alert_mg = 99; }, ConfigField::SHOCK_ALERT},
      {"temperature min = max", [](auto& c) { c.temperature_min_cdeg = c.temperature_max_cdeg; }, ConfigField::TEMPERATURE_RANGE},
      {"temperature 86 C", [](auto& c) { c.temperature_max_cdeg = 8600; }, ConfigField::TEMPERATURE_RANGE},
      {"humidity 1001", [](auto& c) { c.humidity_max_permille = 1001; }, ConfigField::HUMIDITY_RANGE},
      {"light 0", [](auto& c) { c.light_alert_lux = 0; }, ConfigField::LIGHT_ALERT},
      {"holdoff > 1 day", [=](auto& c) { c.alert_holdoff_us = day_us + 1; }, ConfigField::ALERT_HOLDOFF},
      {"9 retries", [](auto& c) { c.max_retries = 9; }, ConfigField::MAX_RETRIES},
      {"backoff 0", [](auto& c) { c.retry_backoff_us = 0; }, ConfigField::RETRY_BACKOFF},
      {"probe 59 s", [](auto& c) { c.link_probe_interval_us = 59 * US_PER_S; }, ConfigField::LINK_PROBE_INTERVAL},
      {"5 geofences", [](auto& c) { c.geofence_count = MAX_GEOFENCES + 1; }, ConfigField::GEOFENCES},
      {"circle of 0 m", [](auto& c) { c.geofence_count = 1; }, ConfigField::GEOFENCES},
      {"inverted box", [](auto& c) { c.geofence_count = 1; c.geofences[0] = {GeofenceShape::BOX, 10, 10, 5, 20, 0}; }, ConfigField::GEOFENCES},
      {"latitude 91", [](auto& c) { c.geofence_count = 1; c.geofences[0] = {GeofenceShape::CIRCLE, 910'000'000, 0, 0, 0, 100}; }, ConfigField::GEOFENCES},
      {"motion 0", [](auto& c) { c.motion_threshold_mg = 0; }, ConfigField::MOTION_THRESHOLD},
      {"memory 0", [](auto& c) { c.place_memory_us = 0; }, ConfigField::PLACE_MEMORY},
      {"queue 65", [](auto& c) { c.queue_capacity = 65; }, ConfigField::QUEUE_CAPACITY},
      {"overflow 2", [](auto& c) { c.overflow_policy = static_cast<OverflowPolicy>(2); }, ConfigField::OVERFLOW_POLICY},
      {"no bearer", [](auto& c) { c.bearers[0].present = false; }, ConfigField::BEARERS},
      {"payload 24", [](auto& c) { c.bearers[1].max_payload_bytes = 24; }, ConfigField::BEARERS},
      {"payload 281", [](auto& c) { c.bearers[2].max_payload_bytes = 281; }, ConfigField::BEARERS},
      {"SF6", [](auto& c) { c.spreading_factor = 6; }, ConfigField::SPREADING_FACTOR},
      {"28 dBm", [](auto& c) { c.tx_power_dbm = 28; }, ConfigField::TX_POWER},
      {"0 channels", [](auto& c) { c.channel_count = 0; }, ConfigField::CHANNELS},
      {"sub-band 3", [](auto& c) { c.channel_sub_band[2] = 3; }, ConfigField::CHANNELS},
      {"duty 0", [](auto& c) { c.sub_band_duty_permille[1] = 0; }, ConfigField::DUTY_CYCLE},
      {"200 kHz", [](auto& c) { c.bandwidth_khz = 200; }, ConfigField::BANDWIDTH},
      {"CR 5", [](auto& c) { c.coding_rate = 5; }, ConfigField::CODING_RATE},
      {"preamble 5", [](auto& c) { c.preamble_symbols = 5; }, ConfigField::PREAMBLE},
      {"MAC 65 B", [](auto& c) { c.mac_overhead_bytes = 65; }, ConfigField::MAC_OVERHEAD},
  };
  for (const Case& c : cases) {
    FirmwareConfig config;
    c.edit(config);
    INFO(c.what);
    CHECK(validate_config(config) == c.field);
  }
}

TEST_CASE("boundary values are accepted", "[firmware_config]") {
  FirmwareConfig config;
  config.sample_interval_us = US_PER_S;
  config.report_jitter_us = config.report_interval_us;
  config.gnss_interval_us = 60 * US_PER_S;
  config.max_retries = 8;
  config.queue_capacity = 64;
  config.battery_low_percent = 100;
  config.battery_critical_percent = 100;
  config.geofence_count = MAX_GEOFENCES;
  for (Geofence& fence : config.geofences) fence = {GeofenceShape::CIRCLE, -900'000'000, 1'800'000'000, 0, 0, 100'000};
  config.channel_count = MAX_CHANNELS;
  config.sub_band_duty_permille = {1, 1, 1000};
  CHECK(validate_config(config) == ConfigField::NONE);
}

TEST_CASE("config field names are distinct", "[firmware_config]") {
  std::set<std::string> names;
  for (int f = 0; f <= static_cast<int>(ConfigField::MAC_OVERHEAD); ++f) names.insert(config_field_name(static_cast<ConfigField>(f)));
  CHECK(names.size() == static_cast<std::size_t>(ConfigField::MAC_OVERHEAD) + 1);
  CHECK(names.count("unknown") == 0);
}
