#include "hw/firmware_config.hpp"

#include "hw/record_queue.hpp"
#include "hw/uplink_codec.hpp"

namespace fleet::hw {
namespace {

constexpr TimeUs MINUTE_US = 60 * US_PER_S;
constexpr TimeUs HOUR_US = 60 * MINUTE_US;
constexpr TimeUs DAY_US = 24 * HOUR_US;
constexpr std::size_t ONE_RECORD_FRAME_BYTES = uplink_frame_bytes(1);
constexpr std::size_t FULL_FRAME_BYTES = MAX_UPLINK_FRAME_BYTES;
constexpr std::int32_t MAX_LAT_E7 = 900'000'000;
constexpr std::int32_t MAX_LON_E7 = 1'800'000'000;

template <typename T, typename U>
constexpr bool within(T value, U lo, U hi) {
  return value >= static_cast<T>(lo) && value <= static_cast<T>(hi);
}

constexpr bool optional_period(TimeUs value, TimeUs lo, TimeUs hi) { return value == 0 || within(value, lo, hi); }

bool geofence_valid(const Geofence& fence) {
  if (!within(fence.lat_e7, -MAX_LAT_E7, MAX_LAT_E7) || !within(fence.lon_e7, -MAX_LON_E7, MAX_LON_E7)) return false;
  switch (fence.shape) {
    case GeofenceShape::CIRCLE:
      return within(fence.radius_m, 1U, 100'000U);
    case GeofenceShape::BOX:
      return within(fence.lat2_e7, -MAX_LAT_E7, MAX_LAT_E7) && within(fence.lon2_e7, -MAX_LON_E7, MAX_LON_E7) &&
             fence.lat_e7 < fence.lat2_e7 && fence.lon_e7 < fence.lon2_e7;
  }
  return false;  // an unknown shape value
}

bool bearers_valid(const FirmwareConfig& config) {
  bool any_present = false;
  for (const BearerConfig& bearer : config.bearers) {
    any_present = any_present || bearer.present;
    if (!within(bearer.max_payload_bytes, ONE_RECORD_FRAME_BYTES, FULL_FRAME_BYTES)) return false;
  }
  return any_present;
}

bool channels_valid(const FirmwareConfig& config) {
  if (!within(config.channel_count, std::size_t{1}, MAX_CHANNELS)) return false;
  for (std::size_t c = 0; c < config.channel_count; ++c) {
    if (config.channel_sub_band[c] >= SUB_BAND_COUNT) return false;
  }
  return true;
}

}  // namespace

ConfigField validate_config(const FirmwareConfig& c) {
  if (!within(c.sample_interval_us, US_PER_S, DAY_US)) return ConfigField::SAMPLE_INTERVAL;
  if (c.coalesce_window_us > MINUTE_US) return ConfigField::COALESCE_WINDOW;
  if (static_cast<std::size_t>(c.policy) >= REPORT_POLICY_COUNT) return ConfigField::POLICY;
  if (!within(c.report_interval_us, US_PER_S, 30 * DAY_US)) return ConfigField::REPORT_INTERVAL;
  if (c.report_jitter_us > c.report_interval_us) return ConfigField::REPORT_JITTER;
  for (TimeUs interval_us : c.place_report_interval_us) {
    if (!within(interval_us, US_PER_S, 30 * DAY_US)) return ConfigField::PLACE_REPORT_INTERVAL;
  }
  if (!optional_period(c.gnss_interval_us, MINUTE_US, 30 * DAY_US)) return ConfigField::GNSS_INTERVAL;
  if (!within(c.gnss_timeout_us, US_PER_S, 10 * MINUTE_US)) return ConfigField::GNSS_TIMEOUT;
  if (!optional_period(c.heartbeat_interval_us, MINUTE_US, 30 * DAY_US)) return ConfigField::HEARTBEAT_INTERVAL;
  if (c.battery_low_percent > 100 || c.battery_critical_percent > c.battery_low_percent)
    return ConfigField::BATTERY_THRESHOLDS;
  if (!within(c.low_battery_factor, 1U, 64U) || !within(c.critical_battery_factor, 1U, 64U) ||
      c.critical_battery_factor < c.low_battery_factor)
    return ConfigField::BATTERY_FACTORS;
  if ((c.alert_mask & ~ALL_ALERTS_MASK) != 0) return ConfigField::ALERT_MASK;
  if (!within(c.shock_alert_mg, 100U, 16'000U)) return ConfigField::SHOCK_ALERT;
  if (!within(c.temperature_min_cdeg, -4000, 8500) || !within(c.temperature_max_cdeg, -4000, 8500) ||
      c.temperature_min_cdeg >= c.temperature_max_cdeg)
    return ConfigField::TEMPERATURE_RANGE;
  if (c.humidity_max_permille > 1000 || c.humidity_min_permille >= c.humidity_max_permille)
    return ConfigField::HUMIDITY_RANGE;
  if (c.light_alert_lux == 0) return ConfigField::LIGHT_ALERT;
  if (c.alert_holdoff_us > DAY_US) return ConfigField::ALERT_HOLDOFF;
  if (c.max_retries > 8) return ConfigField::MAX_RETRIES;
  if (!within(c.retry_backoff_us, US_PER_S, HOUR_US)) return ConfigField::RETRY_BACKOFF;
  if (!within(c.link_probe_interval_us, MINUTE_US, DAY_US)) return ConfigField::LINK_PROBE_INTERVAL;
  if (c.geofence_count > MAX_GEOFENCES) return ConfigField::GEOFENCES;
  for (std::size_t i = 0; i < c.geofence_count; ++i) {
    if (!geofence_valid(c.geofences[i])) return ConfigField::GEOFENCES;
  }
  if (!within(c.motion_threshold_mg, 1U, 2000U)) return ConfigField::MOTION_THRESHOLD;
  if (!within(c.place_memory_us, MINUTE_US, 7 * DAY_US)) return ConfigField::PLACE_MEMORY;
  if (!within(c.queue_capacity, std::size_t{1}, RecordQueue::MAX)) return ConfigField::QUEUE_CAPACITY;
  if (static_cast<std::size_t>(c.overflow_policy) >= OVERFLOW_POLICY_COUNT) return ConfigField::OVERFLOW_POLICY;
  if (!bearers_valid(c)) return ConfigField::BEARERS;
  if (!within(c.spreading_factor, 7U, 12U)) return ConfigField::SPREADING_FACTOR;
  if (!within(c.tx_power_dbm, -4, 27)) return ConfigField::TX_POWER;
  if (!channels_valid(c)) return ConfigField::CHANNELS;
  for (std::uint16_t permille : c.sub_band_duty_permille) {
    if (!within(permille, 1U, 1000U)) return ConfigField::DUTY_CYCLE;
  }
  if (c.bandwidth_khz != 125 && c.bandwidth_khz != 250 && c.bandwidth_khz != 500) return ConfigField::BANDWIDTH;
  if (!within(c.coding_rate, 1U, 4U)) return ConfigField::CODING_RATE;
  if (c.preamble_symbols < 6) return ConfigField::PREAMBLE;
  if (c.mac_overhead_bytes > 64) return ConfigField::MAC_OVERHEAD;
  return ConfigField::NONE;
}

const char* config_field_name(ConfigField field) {
  switch (field) {
    case ConfigField::NONE: return "none";
    case ConfigField::SAMPLE_INTERVAL: return "sample_interval";
    case ConfigField::COALESCE_WINDOW: return "coalesce_window";
    case ConfigField::POLICY: return "policy";
    case ConfigField::REPORT_INTERVAL: return "report_interval";
    case ConfigField::REPORT_JITTER: return "report_jitter";
    case ConfigField::PLACE_REPORT_INTERVAL: return "place_report_interval";
    case ConfigField::GNSS_INTERVAL: return "gnss_interval";
    case ConfigField::GNSS_TIMEOUT: return "gnss_timeout";
    case ConfigField::HEARTBEAT_INTERVAL: return "heartbeat_interval";
    case ConfigField::BATTERY_THRESHOLDS: return "battery_thresholds";
    case ConfigField::BATTERY_FACTORS: return "battery_factors";
    case ConfigField::ALERT_MASK: return "alert_mask";
    case ConfigField::SHOCK_ALERT: return "shock_alert";
    case ConfigField::TEMPERATURE_RANGE: return "temperature_range";
    case ConfigField::HUMIDITY_RANGE: return "humidity_range";
    case ConfigField::LIGHT_ALERT: return "light_alert";
    case ConfigField::ALERT_HOLDOFF: return "alert_holdoff";
    case ConfigField::MAX_RETRIES: return "max_retries";
    case ConfigField::RETRY_BACKOFF: return "retry_backoff";
    case ConfigField::LINK_PROBE_INTERVAL: return "link_probe_interval";
    case ConfigField::GEOFENCES: return "geofences";
    case ConfigField::MOTION_THRESHOLD: return "motion_threshold";
    case ConfigField::PLACE_MEMORY: return "place_memory";
    case ConfigField::QUEUE_CAPACITY: return "queue_capacity";
    case ConfigField::OVERFLOW_POLICY: return "overflow_policy";
    case ConfigField::BEARERS: return "bearers";
    case ConfigField::SPREADING_FACTOR: return "spreading_factor";
    case ConfigField::TX_POWER: return "tx_power";
    case ConfigField::CHANNELS: return "channels";
    case ConfigField::DUTY_CYCLE: return "duty_cycle";
    case ConfigField::BANDWIDTH: return "bandwidth";
    case ConfigField::CODING_RATE: return "coding_rate";
    case ConfigField::PREAMBLE: return "preamble";
    case ConfigField::MAC_OVERHEAD: return "mac_overhead";
  }
  return "unknown";
}

}  // namespace fleet::hw
