#pragma once
// Current drawn by each component in each power state, from the device profile (DeviceSpec).
// How the HAL's power states read per component:
//   MCU         SLEEP = stop/standby with RTC, ACTIVE = running
//   LORA_RADIO  SLEEP, STANDBY, RX, TX (TX current follows the output power)
//   GNSS        SLEEP = backup domain (ephemeris and RTC kept), ACTIVE = acquisition, STANDBY = tracking
//   SENSORS     SLEEP, STANDBY or ACTIVE = accelerometer wake-on-motion (samples are charged per event)
//   MODEM       SLEEP = PSM floor, STANDBY = eDRX idle, ACTIVE = RRC connected, TX = transmitting
// A pair with no figure is refused rather than costing nothing.
#include "hw/types.hpp"
#include "sim/scenario/scenario.hpp"

namespace fleet::sim {

// The transmitter's supply current at `power_dbm`: linear between the profile's points; below the
// first point, the first point's current; above the last point, refused (std::logic_error), since
// the loader checks that the table covers the configured power.
double lora_tx_current_a(const LoraRadioSpec& radio, double power_dbm);

double component_current_a(const DeviceSpec& device, hw::Component component, hw::PowerState state,
                           double tx_power_dbm);

}  // namespace fleet::sim
