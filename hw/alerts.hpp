#pragma once
// Event-alert conditions. Level conditions (temperature, humidity, light in a closed box) alert on
// the edge into the alarm state, not on every sample that stays there; discrete events (door, shock)
// alert each time. The Firmware adds the enable mask and the per-cause hold-off.
#include <cstdint>

#include "hw/firmware_config.hpp"
#include "hw/types.hpp"

namespace fleet::hw {

constexpr std::uint8_t alert_bit(AlertCause cause) { return static_cast<std::uint8_t>(1U << static_cast<unsigned>(cause)); }

// The level conditions that hold for this sample, as a mask of alert_bit()s.
constexpr std::uint8_t alarm_levels(const SensorSample& sample, const FirmwareConfig& config) {
  std::uint8_t levels = 0;
  if (sample.temperature_cdeg < config.temperature_min_cdeg || sample.temperature_cdeg > config.temperature_max_cdeg)
    levels |= alert_bit(AlertCause::TEMPERATURE);
  if (sample.humidity_permille < config.humidity_min_permille || sample.humidity_permille > config.humidity_max_permille)
    levels |= alert_bit(AlertCause::HUMIDITY);
  if (!sample.door_open && sample.light_lux >= config.light_alert_lux) levels |= alert_bit(AlertCause::LIGHT_IN_CLOSED_BOX);
  if (sample.shock_mg >= config.shock_alert_mg) levels |= alert_bit(AlertCause::SHOCK);
  return levels;
}

// Causes to raise for a sample, given the level mask of the previous one. Shock is a peak since the
// previous sample, i.e. an event, so it alerts whenever it is present.
constexpr std::uint8_t sample_alerts(std::uint8_t levels, std::uint8_t previous_levels) {
  return static_cast<std::uint8_t>((levels & ~previous_levels) | (levels & alert_bit(AlertCause::SHOCK)));
}

// The cause an interrupt-driven sensor event raises (NONE if it raises nothing).
constexpr AlertCause event_alert(const SensorEvent& event, bool door_open, const FirmwareConfig& config) {
  switch (event.kind) {
    case SensorEventKind::DOOR_OPEN: return AlertCause::DOOR_OPEN;
    case SensorEventKind::DOOR_CLOSE: return AlertCause::DOOR_CLOSE;
    case SensorEventKind::SHOCK: return event.value >= config.shock_alert_mg ? AlertCause::SHOCK : AlertCause::NONE;
    case SensorEventKind::LIGHT:
      return !door_open && event.value >= config.light_alert_lux ? AlertCause::LIGHT_IN_CLOSED_BOX : AlertCause::NONE;
  }
  return AlertCause::NONE;
}

}  // namespace fleet::hw
