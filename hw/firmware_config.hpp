#pragma once
// Configuration of one device's firmware: set at boot from the scenario's device profile, changed
// later by downlink commands (hw/downlink_codec.hpp). validate_config() is THE definition of the valid
// ranges: the scenario loader calls it to reject a bad profile with a clear message, and the downlink
// decoder calls it on the would-be configuration so an out-of-range command is refused whole.
//
// Units are in the names. "0 = off" is stated where a zero disables a feature.
#include <array>
#include <cstddef>
#include <cstdint>

#include "hw/types.hpp"

namespace fleet::hw {

inline constexpr std::size_t MAX_CHANNELS = 16;   // uplink channels of the regional plan
inline constexpr std::size_t MAX_GEOFENCES = 4;   // port / yard areas known to the device

enum class ReportPolicy : std::uint8_t {
  FIXED_INTERVAL,  // a routine report every report_interval_us
  PLACE_AWARE,     // a routine report every place_report_interval_us[place]
};
inline constexpr std::size_t REPORT_POLICY_COUNT = 2;

// Which full queue loses which record (alerts always win over routine records, see RecordQueue).
enum class OverflowPolicy : std::uint8_t {
  DROP_NEWEST,  // the new routine record is refused: the start of a gap is kept
  THIN,         // the most redundant routine record (whose neighbours are closest in time) goes, so a
                // gap of weeks stays covered end to end at a coarser resolution
};
inline constexpr std::size_t OVERFLOW_POLICY_COUNT = 2;

enum class GeofenceShape : std::uint8_t { CIRCLE, BOX };

// A port or yard area. CIRCLE: centre (lat_e7, lon_e7) and radius_m. BOX: south-west corner
// (lat_e7, lon_e7) and north-east corner (lat2_e7, lon2_e7), not crossing the antimeridian.
struct Geofence {
  GeofenceShape shape = GeofenceShape::CIRCLE;
  std::int32_t lat_e7 = 0;  // degrees x 1e7
  std::int32_t lon_e7 = 0;
  std::int32_t lat2_e7 = 0;
  std::int32_t lon2_e7 = 0;
  std::uint32_t radius_m = 0;  // CIRCLE: 1..100,000 m
  bool operator==(const Geofence&) const = default;
};

struct BearerConfig {
  bool present = false;              // the device has this hardware
  std::uint8_t cost = 1;             // lower is preferred among the available bearers (0..255)
  std::uint16_t max_payload_bytes = 51;  // application payload limit (LoRa: per data rate)
  bool operator==(const BearerConfig&) const = default;
};

struct FirmwareConfig {
  std::uint32_t device_id = 0;

  // --- scheduling ---
  TimeUs sample_interval_us = 15 * 60 * US_PER_S;  // sensor sampling period, 1 s .. 1 day
  TimeUs coalesce_window_us = 2 * US_PER_S;        // tasks due within this window share a wake-up, 0 .. 60 s

  // --- reporting policy ---
  ReportPolicy policy = ReportPolicy::FIXED_INTERVAL;
  TimeUs report_interval_us = 60 * 60 * US_PER_S;  // FIXED_INTERVAL period, 1 s .. 30 days
  TimeUs report_jitter_us = 30 * US_PER_S;         // uniform extra delay per report, 0 .. report interval
  // PLACE_AWARE periods by Place (UNKNOWN, PORT, SEA, ROAD), each 1 s .. 30 days. Defaults: hourly in
  // port (HL LIVE reefers, docs/sources.md section 1), 6 h at sea (docs/sources.md section 9).
  std::array<TimeUs, PLACE_COUNT> place_report_interval_us = {60 * 60 * US_PER_S, 60 * 60 * US_PER_S,
                                                              6 * 60 * 60 * US_PER_S, 2 * 60 * 60 * US_PER_S};
  // Position fixes: 0 = off, else 60 s .. 30 days (docs/sources.md section 9 suggests 8 h). Each fix may
  // take gnss_timeout_us, 1 s .. 600 s (docs/sources.md: 60 s [A]; M8 cold TTFF 26 s [S]).
  TimeUs gnss_interval_us = 0;
  TimeUs gnss_timeout_us = 60 * US_PER_S;
  // Heartbeat: 0 = off, else 60 s .. 30 days. When nothing was acknowledged and no bearer was heard
  // for this long, a confirmed heartbeat record checks the link and shows the device is alive.
  TimeUs heartbeat_interval_us = 0;

  // --- battery-aware degradation (charge from read_battery()) ---
  // Below battery_low_percent every report and GNSS period is multiplied by low_battery_factor; below
  // battery_critical_percent by critical_battery_factor, and GNSS and heartbeats stop. Alerts go on.
  // 0..100 percent each, critical <= low; 0 disables the level. Factors 1..64, critical >= low.
  std::uint8_t battery_low_percent = 0;
  std::uint8_t battery_critical_percent = 0;
  std::uint8_t low_battery_factor = 2;
  std::uint8_t critical_battery_factor = 4;

  // --- event alerts (confirmed uplinks, sent at once) ---
  std::uint8_t alert_mask = ALL_ALERTS_MASK;  // bit (1 << AlertCause); bit 0 must be clear
  std::uint16_t shock_alert_mg = 4000;        // 100 .. 16,000 mg
  std::int16_t temperature_min_cdeg = -3000;  // -4000 .. 8500 cdeg, min < max
  std::int16_t temperature_max_cdeg = 6000;
  std::uint16_t humidity_min_permille = 0;    // 0 .. 1000, min < max
  std::uint16_t humidity_max_permille = 950;
  std::uint16_t light_alert_lux = 20;         // 1 .. 65,535 lux
  TimeUs alert_holdoff_us = 10 * 60 * US_PER_S;  // one alert per cause per holdoff, 0 .. 1 day
  // Confirmed uplinks: retransmissions after the first attempt, 0..8 (LoRaWAN NbTrans allows up to
  // 15 transmissions; 8 keeps a burst within the 1 % duty cycle). Backoff before retry n (1-based) is
  // retry_backoff_us * 2^(n-1) plus a uniform draw in [0, retry_backoff_us), retry_backoff_us 1 s .. 1 h.
  std::uint8_t max_retries = 3;
  TimeUs retry_backoff_us = 10 * US_PER_S;
  // After a confirmed frame is given up the link counts as down: routine frames are held, and one
  // confirmed probe frame goes out per link_probe_interval_us (60 s .. 1 day) until one is acked.
  TimeUs link_probe_interval_us = 60 * 60 * US_PER_S;
  // Every n-th routine frame goes confirmed to notice a lost link; 0 = never, 1..255.
  std::uint8_t confirm_every_n_frames = 0;

  // --- place awareness (hw/place.hpp) ---
  std::uint8_t geofence_count = 0;  // 0..MAX_GEOFENCES, the first ones of `geofences` are used
  std::array<Geofence, MAX_GEOFENCES> geofences = {};
  std::uint16_t motion_threshold_mg = 30;  // accel_rms_mg at or above it means moving, 1 .. 2000
  // How long a fix, a bearer heard or a motion sample counts as current evidence, 60 s .. 7 days.
  TimeUs place_memory_us = 30 * 60 * US_PER_S;

  // --- store and forward ---
  std::uint16_t queue_capacity = 32;  // records kept, 1 .. RecordQueue::MAX (64)
  OverflowPolicy overflow_policy = OverflowPolicy::DROP_NEWEST;

  // --- bearers, indexed by Bearer. max_payload_bytes 25 .. 280 (one record .. a full frame). ---
  std::array<BearerConfig, BEARER_COUNT> bearers = {BearerConfig{true, 1, 51}, BearerConfig{false, 2, 242},
                                                    BearerConfig{false, 10, 242}};

  // --- LoRa PHY and EU868 regulation ---
  std::uint8_t spreading_factor = 9;  // 7..12
  std::int8_t tx_power_dbm = 14;      // -4..27 (EU868 g3 allows 27 dBm ERP)
  std::uint8_t channel_count = 3;     // 1..MAX_CHANNELS; one channel with an open sub-band is drawn per frame
  std::array<std::uint8_t, MAX_CHANNELS> channel_sub_band = {};  // sub-band of each channel, 0..2
  // Duty cycle of each sub-band, permille, 1..1000: EU868 g1 1 %, g2 0.1 %, g3 10 % (docs/sources.md section 4).
  std::array<std::uint16_t, SUB_BAND_COUNT> sub_band_duty_permille = {10, 1, 100};
  std::uint16_t bandwidth_khz = 125;     // 125, 250 or 500
  std::uint8_t coding_rate = 1;          // 1..4 for 4/5..4/8
  std::uint8_t preamble_symbols = 8;     // 6..255
  std::uint8_t mac_overhead_bytes = 13;  // LoRaWAN MHDR+FHDR+FPort+MIC, 0..64

  bool operator==(const FirmwareConfig&) const = default;
};

// The first field found out of range (in declaration order), NONE when the whole config is valid.
enum class ConfigField : std::uint8_t {
  NONE,
  SAMPLE_INTERVAL,
  COALESCE_WINDOW,
  POLICY,
  REPORT_INTERVAL,
  REPORT_JITTER,
  PLACE_REPORT_INTERVAL,
  GNSS_INTERVAL,
  GNSS_TIMEOUT,
  HEARTBEAT_INTERVAL,
  BATTERY_THRESHOLDS,
  BATTERY_FACTORS,
  ALERT_MASK,
  SHOCK_ALERT,
  TEMPERATURE_RANGE,
  HUMIDITY_RANGE,
  LIGHT_ALERT,
  ALERT_HOLDOFF,
  MAX_RETRIES,
  RETRY_BACKOFF,
  LINK_PROBE_INTERVAL,
  GEOFENCES,
  MOTION_THRESHOLD,
  PLACE_MEMORY,
  QUEUE_CAPACITY,
  OVERFLOW_POLICY,
  BEARERS,
  SPREADING_FACTOR,
  TX_POWER,
  CHANNELS,
  DUTY_CYCLE,
  BANDWIDTH,
  CODING_RATE,
  PREAMBLE,
  MAC_OVERHEAD,
};

// The bounds of a field, inclusive, in the unit of its FirmwareConfig member (TimeUs fields in us).
// THE definition of every range: validate_config() checks against it and the scenario loader quotes it.
// Rules between fields come on top: report_jitter <= report_interval; critical <= low percent and
// critical >= low factor; temperature and humidity min < max; GNSS and heartbeat intervals may also be
// 0 (off); a box geofence needs south-west < north-east corners; at least one bearer present; bandwidth
// 125, 250 or 500 kHz. For GEOFENCES the range is a circle's radius_m (at most MAX_GEOFENCES fences),
// for BEARERS max_payload_bytes, for CHANNELS channel_count (each channel in a sub-band 0..2).
struct ConfigRange {
  std::int64_t min;
  std::int64_t max;
};

constexpr ConfigRange config_field_range(ConfigField field) {
  constexpr std::int64_t S = static_cast<std::int64_t>(US_PER_S);
  constexpr std::int64_t MIN = 60 * S;
  constexpr std::int64_t HOUR = 60 * MIN;
  constexpr std::int64_t DAY = 24 * HOUR;
  switch (field) {
    case ConfigField::NONE: return {0, 0};
    case ConfigField::SAMPLE_INTERVAL: return {S, DAY};
    case ConfigField::COALESCE_WINDOW: return {0, MIN};
    case ConfigField::POLICY: return {0, static_cast<std::int64_t>(REPORT_POLICY_COUNT) - 1};
    case ConfigField::REPORT_INTERVAL: return {S, 30 * DAY};
    case ConfigField::REPORT_JITTER: return {0, 30 * DAY};
    case ConfigField::PLACE_REPORT_INTERVAL: return {S, 30 * DAY};
    case ConfigField::GNSS_INTERVAL: return {MIN, 30 * DAY};
    case ConfigField::GNSS_TIMEOUT: return {S, 10 * MIN};
    case ConfigField::HEARTBEAT_INTERVAL: return {MIN, 30 * DAY};
    case ConfigField::BATTERY_THRESHOLDS: return {0, 100};
    case ConfigField::BATTERY_FACTORS: return {1, 64};
    case ConfigField::ALERT_MASK: return {0, ALL_ALERTS_MASK};
    case ConfigField::SHOCK_ALERT: return {100, 16'000};
    case ConfigField::TEMPERATURE_RANGE: return {-4000, 8500};
    case ConfigField::HUMIDITY_RANGE: return {0, 1000};
    case ConfigField::LIGHT_ALERT: return {1, 65'535};
    case ConfigField::ALERT_HOLDOFF: return {0, DAY};
    case ConfigField::MAX_RETRIES: return {0, 8};
    case ConfigField::RETRY_BACKOFF: return {S, HOUR};
    case ConfigField::LINK_PROBE_INTERVAL: return {MIN, DAY};
    case ConfigField::GEOFENCES: return {1, 100'000};
    case ConfigField::MOTION_THRESHOLD: return {1, 2000};
    case ConfigField::PLACE_MEMORY: return {MIN, 7 * DAY};
    case ConfigField::QUEUE_CAPACITY: return {1, 64};  // RecordQueue::MAX (static_assert in firmware_config.cpp)
    case ConfigField::OVERFLOW_POLICY: return {0, static_cast<std::int64_t>(OVERFLOW_POLICY_COUNT) - 1};
    case ConfigField::BEARERS: return {25, 280};  // one record .. a full frame (static_assert in firmware_config.cpp)
    case ConfigField::SPREADING_FACTOR: return {7, 12};
    case ConfigField::TX_POWER: return {-4, 27};
    case ConfigField::CHANNELS: return {1, static_cast<std::int64_t>(MAX_CHANNELS)};
    case ConfigField::DUTY_CYCLE: return {1, 1000};
    case ConfigField::BANDWIDTH: return {125, 500};
    case ConfigField::CODING_RATE: return {1, 4};
    case ConfigField::PREAMBLE: return {6, 255};
    case ConfigField::MAC_OVERHEAD: return {0, 64};
  }
  return {0, 0};
}

ConfigField validate_config(const FirmwareConfig& config);
// The field's name as the scenario schema would spell it (e.g. "report_interval"), for error messages.
const char* config_field_name(ConfigField field);

}  // namespace fleet::hw
