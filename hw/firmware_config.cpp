#include "hw/firmware_config.hpp"

#include "hw/record_queue.hpp"
#include "hw/uplink_codec.hpp"

namespace fleet::hw {
namespace {

constexpr std::size_t ONE_RECORD_FRAME_BYTES = uplink_frame_bytes(1);
constexpr std::size_t FULL_FRAME_BYTES = MAX_UPLINK_FRAME_BYTES;
static_assert(config_field_range(ConfigField::BEARERS).min == ONE_RECORD_FRAME_BYTES &&
              config_field_range(ConfigField::BEARERS).max == FULL_FRAME_BYTES);
static_assert(config_field_range(ConfigField::QUEUE_CAPACITY).max == RecordQueue::MAX);
constexpr std::int32_t MAX_LAT_E7 = 900'000'000;
constexpr std::int32_t MAX_LON_E7 = 1'800'000'000;

template <typename T, typename U>
constexpr bool within(T value, U lo, U hi) {
  return value >= static_cast<T>(lo) && value <= static_cast<T>(hi);
}

// Whether the value lies in the field's range (config_field_range).
template <typename T>
constexpr bool in_range(T value, ConfigField field) {
  const ConfigRange range = config_field_range(field);
  return static_cast<std::int64_t>(value) >= range.min && static_cast<std::int64_t>(value) <= range.max;
}

// GNSS and heartbeat periods: 0 = off, else in range.
constexpr bool optional_period(TimeUs value, ConfigField field) { return value == 0 || in_range(value, field); }

bool geofence_valid(const Geofence& fence) {
  if (!within(fence.lat_e7, -MAX_LAT_E7, MAX_LAT_E7) || !within(fence.lon_e7, -MAX_LON_E7, MAX_LON_E7)) return false;
  switch (fence.shape) {
    case GeofenceShape::CIRCLE:
      return in_range(fence.radius_m, ConfigField::GEOFENCES);
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
    if (!in_range(bearer.max_payload_bytes, ConfigField::BEARERS)) return false;
  }
  return any_present;
}

bool channels_valid(const FirmwareConfig& config) {
  if (!in_range(config.channel_count, ConfigField::CHANNELS)) return false;
  for (std::size_t c = 0; c < config.channel_count; ++c) {
    if (config.channel_sub_band[c] >= SUB_BAND_COUNT) return false;
  }
  return true;
}

}  // namespace

ConfigField validate_config(const FirmwareConfig& c) {
  using F = ConfigField;
  if (!in_range(c.sample_interval_us, F::SAMPLE_INTERVAL)) return F::SAMPLE_INTERVAL;
  if (!in_range(c.coalesce_window_us, F::COALESCE_WINDOW)) return F::COALESCE_WINDOW;
  if (!in_range(static_cast<std::size_t>(c.policy), F::POLICY)) return F::POLICY;
  if (!in_range(c.report_interval_us, F::REPORT_INTERVAL)) return F::REPORT_INTERVAL;
  if (c.report_jitter_us > c.report_interval_us) return F::REPORT_JITTER;
  for (TimeUs interval_us : c.place_report_interval_us) {
    if (!in_range(interval_us, F::PLACE_REPORT_INTERVAL)) return F::PLACE_REPORT_INTERVAL;
  }
  if (!optional_period(c.gnss_interval_us, F::GNSS_INTERVAL)) return F::GNSS_INTERVAL;
  if (!in_range(c.gnss_timeout_us, F::GNSS_TIMEOUT)) return F::GNSS_TIMEOUT;
  if (!optional_period(c.heartbeat_interval_us, F::HEARTBEAT_INTERVAL)) return F::HEARTBEAT_INTERVAL;
  if (!in_range(c.battery_low_percent, F::BATTERY_THRESHOLDS) || c.battery_critical_percent > c.battery_low_percent)
    return F::BATTERY_THRESHOLDS;
  if (!in_range(c.low_battery_factor, F::BATTERY_FACTORS) || !in_range(c.critical_battery_factor, F::BATTERY_FACTORS) ||
      c.critical_battery_factor < c.low_battery_factor)
    return F::BATTERY_FACTORS;
  if ((c.alert_mask & ~ALL_ALERTS_MASK) != 0) return F::ALERT_MASK;
  if (!in_range(c.shock_alert_mg, F::SHOCK_ALERT)) return F::SHOCK_ALERT;
  if (!in_range(c.temperature_min_cdeg, F::TEMPERATURE_RANGE) || !in_range(c.temperature_max_cdeg, F::TEMPERATURE_RANGE) ||
      c.temperature_min_cdeg >= c.temperature_max_cdeg)
    return F::TEMPERATURE_RANGE;
  if (!in_range(c.humidity_max_permille, F::HUMIDITY_RANGE) || c.humidity_min_permille >= c.humidity_max_permille)
    return F::HUMIDITY_RANGE;
  if (!in_range(c.light_alert_lux, F::LIGHT_ALERT)) return F::LIGHT_ALERT;
  if (!in_range(c.alert_holdoff_us, F::ALERT_HOLDOFF)) return F::ALERT_HOLDOFF;
  if (!in_range(c.max_retries, F::MAX_RETRIES)) return F::MAX_RETRIES;
  if (!in_range(c.retry_backoff_us, F::RETRY_BACKOFF)) return F::RETRY_BACKOFF;
  if (!in_range(c.link_probe_interval_us, F::LINK_PROBE_INTERVAL)) return F::LINK_PROBE_INTERVAL;
  if (c.geofence_count > MAX_GEOFENCES) return F::GEOFENCES;
  for (std::size_t i = 0; i < c.geofence_count; ++i) {
    if (!geofence_valid(c.geofences[i])) return F::GEOFENCES;
  }
  if (!in_range(c.motion_threshold_mg, F::MOTION_THRESHOLD)) return F::MOTION_THRESHOLD;
  if (!in_range(c.place_memory_us, F::PLACE_MEMORY)) return F::PLACE_MEMORY;
  if (!in_range(c.queue_capacity, F::QUEUE_CAPACITY)) return F::QUEUE_CAPACITY;
  if (!in_range(static_cast<std::size_t>(c.overflow_policy), F::OVERFLOW_POLICY)) return F::OVERFLOW_POLICY;
  if (!bearers_valid(c)) return F::BEARERS;
  if (!in_range(c.spreading_factor, F::SPREADING_FACTOR)) return F::SPREADING_FACTOR;
  if (!in_range(c.tx_power_dbm, F::TX_POWER)) return F::TX_POWER;
  if (!channels_valid(c)) return F::CHANNELS;
  for (std::uint16_t permille : c.sub_band_duty_permille) {
    if (!in_range(permille, F::DUTY_CYCLE)) return F::DUTY_CYCLE;
  }
  if (c.bandwidth_khz != 125 && c.bandwidth_khz != 250 && c.bandwidth_khz != 500) return F::BANDWIDTH;
  if (!in_range(c.coding_rate, F::CODING_RATE)) return F::CODING_RATE;
  if (!in_range(c.preamble_symbols, F::PREAMBLE)) return F::PREAMBLE;
  if (!in_range(c.mac_overhead_bytes, F::MAC_OVERHEAD)) return F::MAC_OVERHEAD;
  return F::NONE;
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
