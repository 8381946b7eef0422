#include "sim/fleet/power_table.hpp"

#include <stdexcept>

#include <catch2/catch.hpp>

using namespace fleet::sim;
using fleet::hw::Component;
using fleet::hw::PowerState;

TEST_CASE("TX current follows the profile's points, linear between them", "[power]") {
  LoraRadioSpec radio;  // SX1262: 45 mA at +14 dBm [U], 118 mA at +22 dBm [S]
  CHECK(lora_tx_current_a(radio, 14) == Approx(45e-3));
  CHECK(lora_tx_current_a(radio, 22) == Approx(118e-3));
  CHECK(lora_tx_current_a(radio, 18) == Approx((45e-3 + 118e-3) / 2));
  CHECK(lora_tx_current_a(radio, 2) == Approx(45e-3));  // below the first point: its current
  CHECK_THROWS_AS(lora_tx_current_a(radio, 23), std::logic_error);
}

TEST_CASE("Each component's states read the matching profile figure", "[power]") {
  DeviceSpec device;
  device.modem.present = true;
  CHECK(component_current_a(device, Component::MCU, PowerState::SLEEP, 14) == device.mcu.sleep_a);
  CHECK(component_current_a(device, Component::LORA_RADIO, PowerState::RX, 14) == device.lora_radio.rx_a);
  CHECK(component_current_a(device, Component::LORA_RADIO, PowerState::TX, 22) == device.lora_radio.tx[1].current_a);
  CHECK(component_current_a(device, Component::GNSS, PowerState::ACTIVE, 14) == device.gnss.acquisition_a);
  CHECK(component_current_a(device, Component::GNSS, PowerState::STANDBY, 14) == device.gnss.tracking_a);
  CHECK(component_current_a(device, Component::GNSS, PowerState::SLEEP, 14) == device.gnss.backup_a);
  CHECK(component_current_a(device, Component::MODEM, PowerState::SLEEP, 14) == device.modem.psm_floor_a);
  CHECK(component_current_a(device, Component::MODEM, PowerState::STANDBY, 14) == device.modem.edrx_idle_a);
  CHECK(component_current_a(device, Component::MODEM, PowerState::TX, 14) == device.modem.tx_a);
  for (Component c : {Component::MCU, Component::LORA_RADIO, Component::GNSS, Component::SENSORS, Component::MODEM})
    CHECK(component_current_a(device, c, PowerState::OFF, 14) == 0.0);
}

TEST_CASE("A state without a figure is refused, not free", "[power]") {
  DeviceSpec device;
  CHECK_THROWS_AS(component_current_a(device, Component::MCU, PowerState::TX, 14), std::logic_error);
  CHECK_THROWS_AS(component_current_a(device, Component::MODEM, PowerState::SLEEP, 14), std::logic_error);  // absent
  device.gnss.present = false;
  CHECK_THROWS_AS(component_current_a(device, Component::GNSS, PowerState::ACTIVE, 14), std::logic_error);
}
