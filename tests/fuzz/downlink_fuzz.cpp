// libFuzzer target for the downlink decoder (issue #3). Invariant: a command is either rejected with
// the configuration left exactly as it was, or accepted with a configuration that passes
// validate_config() — never half applied, never out of range. Any violation traps.
#include <cstddef>
#include <cstdint>

#include "hw/downlink_codec.hpp"
#include "hw/firmware_config.hpp"

namespace {

using namespace fleet::hw;

void check(const std::uint8_t* data, std::size_t size, FirmwareConfig config) {
  const FirmwareConfig before = config;
  const DownlinkResult result = apply_downlink(data, size, config);
  if (result.accepted()) {
    if (result.field != ConfigField::NONE || validate_config(config) != ConfigField::NONE) __builtin_trap();
  } else {
    if (!(config == before)) __builtin_trap();
    if ((result.error == DownlinkError::OUT_OF_RANGE) != (result.field != ConfigField::NONE)) __builtin_trap();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  check(data, size, FirmwareConfig{});
  // A second starting point with the other enum values and tight thresholds, so cross-field checks
  // (critical <= low, min < max) meet different neighbours.
  FirmwareConfig tight;
  tight.policy = ReportPolicy::PLACE_AWARE;
  tight.overflow_policy = OverflowPolicy::THIN;
  tight.battery_low_percent = 20;
  tight.battery_critical_percent = 20;
  tight.temperature_min_cdeg = 0;
  tight.temperature_max_cdeg = 1;
  tight.report_interval_us = 60 * US_PER_S;
  tight.report_jitter_us = 60 * US_PER_S;
  check(data, size, tight);
  return 0;
}
