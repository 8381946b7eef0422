#include "sim/scenario/firmware_setup.hpp"

#include <cmath>

#include "hw/duty_cycle.hpp"
#include "hw/eu868_data_rates.hpp"

namespace fleet::sim {
namespace {

template <typename T>
T whole(double value_si, double unit_si = 1) {
  return static_cast<T>(std::llround(value_si / unit_si));
}

std::int32_t degrees_e7(double degrees) { return whole<std::int32_t>(degrees * 1e7); }

hw::Geofence geofence_of(const GeofenceSpec& spec) {
  hw::Geofence fence;
  if (spec.shape == "box") {
    fence.shape = hw::GeofenceShape::BOX;
    fence.lat_e7 = degrees_e7(spec.south_west.lat_deg);
    fence.lon_e7 = degrees_e7(spec.south_west.lon_deg);
    fence.lat2_e7 = degrees_e7(spec.north_east.lat_deg);
    fence.lon2_e7 = degrees_e7(spec.north_east.lon_deg);
  } else {
    fence.shape = hw::GeofenceShape::CIRCLE;
    fence.lat_e7 = degrees_e7(spec.center.lat_deg);
    fence.lon_e7 = degrees_e7(spec.center.lon_deg);
    fence.radius_m = whole<std::uint32_t>(spec.radius_m);
  }
  return fence;
}

void apply_policy(const FirmwareSpec& f, hw::FirmwareConfig& config) {
  config.policy = f.policy;
  for (std::size_t place = 0; place < hw::PLACE_COUNT; ++place)
    config.place_report_interval_us[place] = microseconds_of(f.place_report_interval_s[place]);
  config.overflow_policy = f.overflow_policy;
  config.gnss_interval_us = microseconds_of(f.gnss_interval_s);
  config.gnss_timeout_us = microseconds_of(f.gnss_timeout_s);
  config.heartbeat_interval_us = microseconds_of(f.heartbeat_interval_s);
  config.battery_low_percent = whole<std::uint8_t>(f.battery_low_fraction, PERCENT);
  config.battery_critical_percent = whole<std::uint8_t>(f.battery_critical_fraction, PERCENT);
  config.low_battery_factor = static_cast<std::uint8_t>(f.low_battery_stretch);
  config.critical_battery_factor = static_cast<std::uint8_t>(f.critical_battery_stretch);
  config.alert_mask = f.alert_mask;
  config.shock_alert_mg = whole<std::uint16_t>(f.shock_alert_g, MILLI_G);
  config.temperature_min_cdeg = whole<std::int16_t>(f.temperature_alert_min_c, CENTI_DEGREE_C);
  config.temperature_max_cdeg = whole<std::int16_t>(f.temperature_alert_max_c, CENTI_DEGREE_C);
  config.humidity_min_permille = whole<std::uint16_t>(f.humidity_alert_min, PERMILLE);
  config.humidity_max_permille = whole<std::uint16_t>(f.humidity_alert_max, PERMILLE);
  config.light_alert_lux = whole<std::uint16_t>(f.light_alert_lx);
  config.alert_holdoff_us = microseconds_of(f.alert_holdoff_s);
  config.max_retries = static_cast<std::uint8_t>(f.max_retries);
  config.retry_backoff_us = microseconds_of(f.retry_backoff_s);
  config.link_probe_interval_us = microseconds_of(f.link_probe_interval_s);
  config.confirm_every_n_frames = static_cast<std::uint8_t>(f.confirm_every_n_frames);
  config.geofence_count = static_cast<std::uint8_t>(f.geofences.size());
  for (std::size_t i = 0; i < f.geofences.size() && i < hw::MAX_GEOFENCES; ++i) config.geofences[i] = geofence_of(f.geofences[i]);
  config.motion_threshold_mg = whole<std::uint16_t>(f.motion_threshold_g, MILLI_G);
  config.place_memory_us = microseconds_of(f.place_memory_s);
  for (std::size_t b = 0; b < hw::BEARER_COUNT; ++b) {
    config.bearers[b].cost = static_cast<std::uint8_t>(f.bearers[b].cost);
    config.bearers[b].max_payload_bytes = whole<std::uint16_t>(f.bearers[b].max_payload_bytes);
  }
}

}  // namespace


hw::FirmwareConfig firmware_config_for(const Scenario& scenario, std::uint32_t device_id, int spreading_factor) {
  const FirmwareSpec& firmware = scenario.fleet.firmware;
  const RadioSpec& radio = scenario.radio;
  hw::FirmwareConfig config;
  config.device_id = device_id;
  config.sample_interval_us = microseconds_of(firmware.sample_interval_s);
  config.report_interval_us = microseconds_of(firmware.report_interval_s);
  config.report_jitter_us = microseconds_of(firmware.report_jitter_s);
  config.coalesce_window_us = microseconds_of(firmware.coalesce_window_s);
  config.queue_capacity = static_cast<std::uint16_t>(firmware.queue_capacity);
  apply_policy(firmware, config);
  // Which bearers the hardware has: LoRa always, cellular with a modem; the ship hub's link is not in
  // the device profiles yet.
  config.bearers[static_cast<std::size_t>(hw::Bearer::LORA)].present = true;
  config.bearers[static_cast<std::size_t>(hw::Bearer::SHIP_HUB)].present = false;
  config.bearers[static_cast<std::size_t>(hw::Bearer::CELLULAR)].present = scenario.fleet.device.modem.present;
  config.bearers[static_cast<std::size_t>(hw::Bearer::LORA)].max_payload_bytes = hw::eu868_max_payload_bytes(spreading_factor);

  config.spreading_factor = static_cast<std::uint8_t>(spreading_factor);
  config.tx_power_dbm = whole<std::int8_t>(radio.tx_power_dbm);
  config.channel_count = static_cast<std::uint8_t>(radio.channels_hz.size());
  // Each channel in its EU868 sub-band (the loader has checked that every channel lies in one).
  for (std::size_t c = 0; c < radio.channels_hz.size() && c < hw::MAX_CHANNELS; ++c) {
    const std::size_t sub_band = hw::eu868_sub_band_of(static_cast<std::uint32_t>(std::lround(radio.channels_hz[c])));
    config.channel_sub_band[c] = static_cast<std::uint8_t>(sub_band < hw::SUB_BAND_COUNT ? sub_band : hw::SUB_BAND_COUNT);
  }
  // The scenario's radio.duty_cycle is the g1 figure; g2 and g3 keep their regulatory defaults.
  config.sub_band_duty_permille[0] = whole<std::uint16_t>(radio.duty_cycle, PERMILLE);
  config.bandwidth_khz = whole<std::uint16_t>(radio.bandwidth_hz, KILOHERTZ);
  config.coding_rate = static_cast<std::uint8_t>(radio.coding_rate);
  config.preamble_symbols = static_cast<std::uint8_t>(radio.preamble_symbols);
  config.mac_overhead_bytes = static_cast<std::uint8_t>(radio.mac_overhead_bytes);
  return config;
}

}  // namespace fleet::sim
