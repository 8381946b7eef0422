#pragma once
// The reporting policy as pure functions of the configuration, the place and the battery: which
// period each periodic task runs at. Kept apart from the Firmware so a firmware team can read (and
// replace) the policy in one place, and so it is testable without a board.
#include <cstdint>

#include "hw/firmware_config.hpp"
#include "hw/types.hpp"

namespace fleet::hw {

enum class BatteryLevel : std::uint8_t { NORMAL, LOW, CRITICAL };

// From the fuel gauge's quantised charge; a threshold of 0 disables that level.
constexpr BatteryLevel battery_level(std::uint8_t charge_percent, const FirmwareConfig& config) {
  if (config.battery_critical_percent > 0 && charge_percent < config.battery_critical_percent)
    return BatteryLevel::CRITICAL;
  if (config.battery_low_percent > 0 && charge_percent < config.battery_low_percent) return BatteryLevel::LOW;
  return BatteryLevel::NORMAL;
}

constexpr TimeUs battery_stretch(TimeUs interval_us, BatteryLevel level, const FirmwareConfig& config) {
  switch (level) {
    case BatteryLevel::NORMAL: return interval_us;
    case BatteryLevel::LOW: return interval_us * config.low_battery_factor;
    case BatteryLevel::CRITICAL: return interval_us * config.critical_battery_factor;
  }
  return interval_us;
}

constexpr TimeUs report_period_us(const FirmwareConfig& config, Place place, BatteryLevel level) {
  const TimeUs base_us = config.policy == ReportPolicy::PLACE_AWARE
                             ? config.place_report_interval_us[static_cast<std::size_t>(place)]
                             : config.report_interval_us;
  return battery_stretch(base_us, level, config);
}

// 0 = no fixes (configured off, or the battery is critical).
constexpr TimeUs gnss_period_us(const FirmwareConfig& config, BatteryLevel level) {
  if (config.gnss_interval_us == 0 || level == BatteryLevel::CRITICAL) return 0;
  return battery_stretch(config.gnss_interval_us, level, config);
}

// 0 = no heartbeats (configured off, or the battery is critical).
constexpr TimeUs heartbeat_period_us(const FirmwareConfig& config, BatteryLevel level) {
  return level == BatteryLevel::CRITICAL ? 0 : config.heartbeat_interval_us;
}

}  // namespace fleet::hw
