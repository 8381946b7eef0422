#include "hw/downlink_codec.hpp"

#include "hw/byte_order.hpp"
#include "hw/eu868_data_rates.hpp"

namespace fleet::hw {
namespace {

using Setter = void (*)(FirmwareConfig&, std::uint32_t raw);

struct ParamSpec {
  std::uint8_t width;
  Setter set;
};

constexpr TimeUs seconds(std::uint32_t raw) { return static_cast<TimeUs>(raw) * US_PER_S; }
constexpr std::int8_t signed8(std::uint32_t raw) {
  return static_cast<std::int8_t>(static_cast<std::int32_t>(raw & 0xFF) - ((raw & 0x80) ? 0x100 : 0));
}
constexpr std::int16_t signed16(std::uint32_t raw) {
  return static_cast<std::int16_t>(static_cast<std::int32_t>(raw & 0xFFFF) - ((raw & 0x8000) ? 0x10000 : 0));
}

// Indexed by id (0 is not a parameter). Setters only convert units: ranges are validate_config()'s.
// Narrowing casts keep the wire width's full range, which validate_config() then judges.
constexpr ParamSpec PARAMS[MAX_DOWNLINK_PARAM_ID + 1] = {
    {0, nullptr},
    {4, [](FirmwareConfig& c, std::uint32_t v) { c.report_interval_us = seconds(v); }},
    {4, [](FirmwareConfig& c, std::uint32_t v) { c.sample_interval_us = seconds(v); }},
    {1, [](FirmwareConfig& c, std::uint32_t v) { c.policy = static_cast<ReportPolicy>(v); }},
    {4, [](FirmwareConfig& c, std::uint32_t v) { c.place_report_interval_us[0] = seconds(v); }},
    {4, [](FirmwareConfig& c, std::uint32_t v) { c.place_report_interval_us[1] = seconds(v); }},
    {4, [](FirmwareConfig& c, std::uint32_t v) { c.place_report_interval_us[2] = seconds(v); }},
    {4, [](FirmwareConfig& c, std::uint32_t v) { c.place_report_interval_us[3] = seconds(v); }},
    {4, [](FirmwareConfig& c, std::uint32_t v) { c.gnss_interval_us = seconds(v); }},
    {2, [](FirmwareConfig& c, std::uint32_t v) { c.gnss_timeout_us = seconds(v); }},
    {4, [](FirmwareConfig& c, std::uint32_t v) { c.heartbeat_interval_us = seconds(v); }},
    {1, [](FirmwareConfig& c, std::uint32_t v) { c.battery_low_percent = static_cast<std::uint8_t>(v); }},
    {1, [](FirmwareConfig& c, std::uint32_t v) { c.battery_critical_percent = static_cast<std::uint8_t>(v); }},
    {1, [](FirmwareConfig& c, std::uint32_t v) { c.alert_mask = static_cast<std::uint8_t>(v); }},
    {2, [](FirmwareConfig& c, std::uint32_t v) { c.shock_alert_mg = static_cast<std::uint16_t>(v); }},
    {2, [](FirmwareConfig& c, std::uint32_t v) { c.temperature_min_cdeg = signed16(v); }},
    {2, [](FirmwareConfig& c, std::uint32_t v) { c.temperature_max_cdeg = signed16(v); }},
    {2, [](FirmwareConfig& c, std::uint32_t v) { c.humidity_min_permille = static_cast<std::uint16_t>(v); }},
    {2, [](FirmwareConfig& c, std::uint32_t v) { c.humidity_max_permille = static_cast<std::uint16_t>(v); }},
    {2, [](FirmwareConfig& c, std::uint32_t v) { c.light_alert_lux = static_cast<std::uint16_t>(v); }},
    {1, [](FirmwareConfig& c, std::uint32_t v) { c.max_retries = static_cast<std::uint8_t>(v); }},
    {2, [](FirmwareConfig& c, std::uint32_t v) { c.retry_backoff_us = seconds(v); }},
    {1, [](FirmwareConfig& c, std::uint32_t v) { c.confirm_every_n_frames = static_cast<std::uint8_t>(v); }},
    {1, [](FirmwareConfig& c, std::uint32_t v) { c.overflow_policy = static_cast<OverflowPolicy>(v); }},
    {4, [](FirmwareConfig& c, std::uint32_t v) { c.report_jitter_us = seconds(v); }},
    {4, [](FirmwareConfig& c, std::uint32_t v) { c.alert_holdoff_us = seconds(v); }},
    // A new data rate brings its payload limit. Out of 7..12 the limit is left and validate_config()
    // refuses the SF, so the command fails whole.
    {1, [](FirmwareConfig& c, std::uint32_t v) {
       c.spreading_factor = static_cast<std::uint8_t>(v);
       const std::uint16_t limit = eu868_max_payload_bytes(c.spreading_factor);
       if (limit != 0) c.bearers[static_cast<std::size_t>(Bearer::LORA)].max_payload_bytes = limit;
     }},
    {1, [](FirmwareConfig& c, std::uint32_t v) { c.tx_power_dbm = signed8(v); }},
};

}  // namespace

std::size_t downlink_param_width(std::uint8_t id) {
  return id == 0 || id > MAX_DOWNLINK_PARAM_ID ? 0 : PARAMS[id].width;
}

DownlinkResult apply_downlink(const std::uint8_t* frame, std::size_t len, FirmwareConfig& config) {
  if (frame == nullptr || len < DOWNLINK_HEADER_BYTES) return {DownlinkError::TOO_SHORT};
  if (frame[0] != DOWNLINK_FORMAT_VERSION) return {DownlinkError::BAD_VERSION};
  if (frame[1] != DOWNLINK_SET_CONFIG) return {DownlinkError::BAD_COMMAND};
  const std::size_t count = frame[2];
  if (count == 0 || count > MAX_DOWNLINK_PARAMS) return {DownlinkError::BAD_COUNT};

  FirmwareConfig candidate = config;  // the live configuration is touched only after every check
  std::uint32_t seen_mask = 0;
  std::size_t at = DOWNLINK_HEADER_BYTES;
  for (std::size_t i = 0; i < count; ++i) {
    if (at >= len) return {DownlinkError::BAD_LENGTH};
    const std::uint8_t id = frame[at++];
    const std::size_t width = downlink_param_width(id);
    if (width == 0) return {DownlinkError::UNKNOWN_PARAM};
    if (seen_mask & (1U << id)) return {DownlinkError::DUPLICATE_PARAM};
    seen_mask |= 1U << id;
    if (len - at < width) return {DownlinkError::BAD_LENGTH};
    PARAMS[id].set(candidate, static_cast<std::uint32_t>(get_le(frame + at, width)));
    at += width;
  }
  if (at != len) return {DownlinkError::BAD_LENGTH};
  const ConfigField invalid = validate_config(candidate);
  if (invalid != ConfigField::NONE) return {DownlinkError::OUT_OF_RANGE, invalid};
  config = candidate;
  return {};
}

std::size_t encode_downlink(const DownlinkParam* params, std::size_t count, std::uint8_t* out, std::size_t capacity) {
  if (params == nullptr || out == nullptr || count == 0 || count > MAX_DOWNLINK_PARAMS) return 0;
  std::size_t len = DOWNLINK_HEADER_BYTES;
  for (std::size_t i = 0; i < count; ++i) {
    const std::size_t width = downlink_param_width(params[i].id);
    if (width == 0) return 0;
    len += 1 + width;
  }
  if (len > capacity) return 0;
  out[0] = DOWNLINK_FORMAT_VERSION;
  out[1] = DOWNLINK_SET_CONFIG;
  out[2] = static_cast<std::uint8_t>(count);
  std::size_t at = DOWNLINK_HEADER_BYTES;
  for (std::size_t i = 0; i < count; ++i) {
    const std::size_t width = downlink_param_width(params[i].id);
    out[at++] = params[i].id;
    put_le(out + at, params[i].value, width);
    at += width;
  }
  return len;
}

}  // namespace fleet::hw
