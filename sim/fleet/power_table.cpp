#include "sim/fleet/power_table.hpp"

#include <stdexcept>
#include <string>

namespace fleet::sim {

double lora_tx_current_a(const LoraRadioSpec& radio, double power_dbm) {
  const std::vector<TxCurrentPoint>& points = radio.tx;
  if (points.empty()) throw std::logic_error("the LoRa radio profile has no TX current points");
  if (power_dbm <= points.front().power_dbm) return points.front().current_a;
  for (std::size_t i = 1; i < points.size(); ++i) {
    const TxCurrentPoint& low = points[i - 1];
    const TxCurrentPoint& high = points[i];
    if (power_dbm <= high.power_dbm) {
      const double t = (power_dbm - low.power_dbm) / (high.power_dbm - low.power_dbm);
      return low.current_a + t * (high.current_a - low.current_a);
    }
  }
  throw std::logic_error("no TX current configured for " + std::to_string(power_dbm) +
                         " dBm: the profile's table stops at " + std::to_string(points.back().power_dbm) + " dBm");
}

double component_current_a(const DeviceSpec& device, hw::Component component, hw::PowerState state,
                           double tx_power_dbm) {
  using hw::Component;
  using hw::PowerState;
  if (state == PowerState::OFF) return 0.0;
  switch (component) {
    case Component::MCU:
      if (state == PowerState::SLEEP) return device.mcu.sleep_a;
      if (state == PowerState::ACTIVE) return device.mcu.active_a;
      break;
    case Component::LORA_RADIO:
      if (state == PowerState::SLEEP) return device.lora_radio.sleep_a;
      if (state == PowerState::STANDBY) return device.lora_radio.standby_a;
      if (state == PowerState::RX) return device.lora_radio.rx_a;
      if (state == PowerState::TX) return lora_tx_current_a(device.lora_radio, tx_power_dbm);
      break;
    case Component::GNSS:
      if (!device.gnss.present) break;
      if (state == PowerState::SLEEP) return device.gnss.backup_a;
      if (state == PowerState::ACTIVE) return device.gnss.acquisition_a;
      if (state == PowerState::STANDBY) return device.gnss.tracking_a;
      break;
    case Component::SENSORS:
      // ACTIVE spans no simulated time: the measurement is booked as a lump by SimBoard::read_sensors().
      if (state == PowerState::SLEEP || state == PowerState::STANDBY || state == PowerState::ACTIVE)
        return device.sensors.quiescent_a;
      break;
    case Component::MODEM:
      if (!device.modem.present) break;
      if (state == PowerState::SLEEP) return device.modem.psm_floor_a;
      if (state == PowerState::STANDBY) return device.modem.edrx_idle_a;
      if (state == PowerState::ACTIVE) return device.modem.connected_a;
      if (state == PowerState::TX) return device.modem.tx_a;
      break;
  }
  throw std::logic_error("no current configured for component " + std::to_string(static_cast<int>(component)) +
                         " in power state " + std::to_string(static_cast<int>(state)) +
                         (component == Component::GNSS || component == Component::MODEM ? " (is it present?)" : ""));
}

}  // namespace fleet::sim
