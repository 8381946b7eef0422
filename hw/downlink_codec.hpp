#pragma once
// The downlink format for configuration and policy updates, version 1. Little-endian, no padding.
//
//   offset  size  field
//   0       1     version      u8  = DOWNLINK_FORMAT_VERSION (1)
//   1       1     command      u8  = SET_CONFIG (1)
//   2       1     param_count  u8  1..MAX_DOWNLINK_PARAMS
//   3       ...   param_count entries of [id u8][value, `width` bytes], widths per id below
// The frame must be exactly as long as its entries say. Parameters (units on the wire; ranges are
// those of validate_config(), checked on the resulting configuration as a whole):
//   id  width  field                               wire unit
//   1   4      report_interval_us                  s
//   2   4      sample_interval_us                  s
//   3   1      policy                              0 FIXED_INTERVAL, 1 PLACE_AWARE
//   4   4      place_report_interval_us[UNKNOWN]   s
//   5   4      place_report_interval_us[PORT]      s
//   6   4      place_report_interval_us[SEA]       s
//   7   4      place_report_interval_us[ROAD]      s
//   8   4      gnss_interval_us                    s (0 = off)
//   9   2      gnss_timeout_us                     s
//   10  4      heartbeat_interval_us               s (0 = off)
//   11  1      battery_low_percent                 %
//   12  1      battery_critical_percent            %
//   13  1      alert_mask                          bit (1 << AlertCause)
//   14  2      shock_alert_mg                      mg
//   15  2      temperature_min_cdeg                i16 centi-degrees Celsius
//   16  2      temperature_max_cdeg                i16 centi-degrees Celsius
//   17  2      humidity_min_permille               permille
//   18  2      humidity_max_permille               permille
//   19  2      light_alert_lux                     lux
//   20  1      max_retries                         count
//   21  2      retry_backoff_us                    s
//   22  1      confirm_every_n_frames              count (0 = never)
//   23  1      overflow_policy                     0 DROP_NEWEST, 1 THIN
//   24  4      report_jitter_us                    s
//   25  4      alert_holdoff_us                    s
//   26  1      spreading_factor                    SF (7..12); the LoRa payload limit follows it (EU868 DR table)
//   27  1      tx_power_dbm                        i8 whole dBm
// 26 and 27 are what a network server's ADR sets (LoRaWAN LinkADRReq carries a data rate and a TX power;
// here the power is in dBm rather than the regional TXPower index, and a frame may carry either alone).
// A command is applied whole or not at all: an unknown version, command or parameter id, a repeated
// id, a length that does not match, or a resulting configuration that fails validate_config() leaves
// the configuration untouched and names the reason.
#include <cstddef>
#include <cstdint>

#include "hw/firmware_config.hpp"

namespace fleet::hw {

inline constexpr std::uint8_t DOWNLINK_FORMAT_VERSION = 1;
inline constexpr std::uint8_t DOWNLINK_SET_CONFIG = 1;
inline constexpr std::size_t DOWNLINK_HEADER_BYTES = 3;
inline constexpr std::size_t MAX_DOWNLINK_PARAMS = 27;  // every parameter at most once
inline constexpr std::uint8_t MAX_DOWNLINK_PARAM_ID = 27;

enum class DownlinkError : std::uint8_t {
  NONE,
  TOO_SHORT,        // no full header
  BAD_VERSION,
  BAD_COMMAND,
  BAD_COUNT,        // 0 or more than MAX_DOWNLINK_PARAMS
  UNKNOWN_PARAM,
  DUPLICATE_PARAM,
  BAD_LENGTH,       // entries end before or after the frame
  OUT_OF_RANGE,     // the resulting configuration fails validate_config(); see DownlinkResult::field
};
inline constexpr std::size_t DOWNLINK_ERROR_COUNT = 9;

struct DownlinkResult {
  DownlinkError error = DownlinkError::NONE;
  ConfigField field = ConfigField::NONE;  // OUT_OF_RANGE: the first invalid field
  constexpr bool accepted() const { return error == DownlinkError::NONE; }
};

// Width in bytes of parameter `id` on the wire, 0 for an unknown id.
std::size_t downlink_param_width(std::uint8_t id);

// Decodes `frame` and applies it to `config` if and only if every check passes.
DownlinkResult apply_downlink(const std::uint8_t* frame, std::size_t len, FirmwareConfig& config);

// One parameter for encode_downlink(): the raw wire value (signed values in two's complement).
struct DownlinkParam {
  std::uint8_t id = 0;
  std::uint32_t value = 0;
};
// The network server's side (and the tests'): bytes written, 0 if an id is unknown, the count is out
// of range or the frame does not fit.
std::size_t encode_downlink(const DownlinkParam* params, std::size_t count, std::uint8_t* out, std::size_t capacity);

}  // namespace fleet::hw
