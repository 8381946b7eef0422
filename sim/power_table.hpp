#pragma once
// Current drawn by each component in each power state, from the device profile (PowerSpec).
#include <stdexcept>
#include <string>

#include "hw/types.hpp"
#include "sim/scenario.hpp"

namespace fleet::sim {

inline double component_current_a(const PowerSpec& power, hw::Component component, hw::PowerState state) {
  using hw::Component;
  using hw::PowerState;
  if (state == PowerState::OFF) return 0.0;
  switch (component) {
    case Component::MCU:
      if (state == PowerState::SLEEP) return power.mcu_sleep_a;
      if (state == PowerState::ACTIVE) return power.mcu_active_a;
      break;
    case Component::LORA_RADIO:
      if (state == PowerState::SLEEP) return power.radio_sleep_a;
      if (state == PowerState::TX) return power.radio_tx_a;
      if (state == PowerState::RX) return power.radio_rx_a;
      break;
    case Component::SENSORS:
      // ACTIVE spans no simulated time: the measurement is booked as a lump by SimBoard::read_sensors().
      if (state == PowerState::SLEEP || state == PowerState::STANDBY || state == PowerState::ACTIVE)
        return power.sensor_quiescent_a;
      break;
    case Component::GNSS:
    case Component::MODEM:
      break;  // the device profile has no GNSS or modem figures yet (issues #5 and #6)
  }
  // A state the profile has no figure for would silently cost nothing: refuse instead.
  throw std::logic_error("no current configured for component " + std::to_string(static_cast<int>(component)) +
                         " in power state " + std::to_string(static_cast<int>(state)));
}

}  // namespace fleet::sim
