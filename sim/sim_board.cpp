#include "sim/sim_board.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

#include "hw/lora_airtime.hpp"
#include "hw/uplink_codec.hpp"
#include "sim/battery_setup.hpp"
#include "sim/fleet_runtime.hpp"
#include "sim/power_table.hpp"
#include "sim/random_purpose.hpp"

namespace fleet::sim {

namespace {
constexpr std::size_t index(hw::Component component) { return static_cast<std::size_t>(component); }
}  // namespace

SimBoard::SimBoard(FleetRuntime& fleet, std::uint32_t device_id, models::LocalPoint position)
    : fleet_(fleet),
      device_id_(device_id),
      position_(position),
      ledger_(fleet.now_us),
      battery_(battery_params(fleet.scenario.fleet.battery)),
      firmware_random_(make_stream(fleet.scenario.seed, device_id, RandomPurpose::FIRMWARE)),
      sensor_random_(make_stream(fleet.scenario.seed, device_id, RandomPurpose::SENSORS)) {
  // The board powers up with everything asleep; the MCU sleep floor and the accelerometer's
  // wake-on-motion current run all the time.
  set_power_state(hw::Component::MCU, hw::PowerState::SLEEP);
  set_power_state(hw::Component::LORA_RADIO, hw::PowerState::SLEEP);
  set_power_state(hw::Component::SENSORS, hw::PowerState::SLEEP);
}

hw::TimeUs SimBoard::now_us() const { return fleet_.now_us; }

void SimBoard::arm_wakeup(hw::TimeUs at_us) {
  at_us = std::max(at_us, fleet_.now_us);
  if (at_us == armed_at_us_) return;  // already pending at that time: no stale duplicate in the queue
  armed_at_us_ = at_us;
  fleet_.events.push(at_us, EventKind::WAKEUP, device_id_, ++wakeup_generation_);
}

hw::TxStatus SimBoard::start_tx(hw::Bearer bearer, const std::uint8_t* frame, std::size_t len,
                                hw::TxParams params) {
  if (bearer != hw::Bearer::LORA) return hw::TxStatus::NO_BEARER;
  if (tx_active_) return hw::TxStatus::RADIO_BUSY;
  const RadioSpec& radio = fleet_.scenario.radio;
  const std::size_t phy_payload_bytes = len + static_cast<std::size_t>(radio.mac_overhead_bytes);
  if (phy_payload_bytes > 255) return hw::TxStatus::TOO_LONG;

  hw::LoraPhyParams phy;
  phy.spreading_factor = params.spreading_factor;
  phy.bandwidth_hz = static_cast<std::uint32_t>(radio.bandwidth_hz);
  phy.coding_rate = static_cast<std::uint8_t>(radio.coding_rate);
  phy.preamble_symbols = static_cast<std::uint16_t>(radio.preamble_symbols);
  phy.low_data_rate_optimize = hw::ldro_required(phy.spreading_factor, phy.bandwidth_hz);
  const hw::TimeUs airtime_us = hw::lora_time_on_air_us(phy, phy_payload_bytes);

  hw::UplinkFrame decoded{};
  tx_records_ = hw::decode_uplink(frame, len, decoded) ? decoded.record_count : 0;
  tx_frame_counter_ = decoded.frame_counter;
  tx_frame_.assign(frame, frame + len);
  tx_ = Transmission{device_id_, fleet_.now_us, fleet_.now_us + airtime_us, params.spreading_factor,
                     params.channel_index};
  tx_active_ = true;
  set_power_state(hw::Component::LORA_RADIO, hw::PowerState::TX);
  fleet_.medium.begin(tx_);
  fleet_.events.push(tx_.end_us, EventKind::TX_END, device_id_);
  return hw::TxStatus::STARTED;
}

std::uint32_t SimBoard::power_off() {
  const std::uint32_t records_on_air = tx_active_ ? tx_records_ : 0;
  if (tx_active_) {
    tx_active_ = false;
    tx_.end_us = fleet_.now_us;  // no longer on air at the end of the run
  }
  for (hw::Component component : {hw::Component::MCU, hw::Component::LORA_RADIO, hw::Component::GNSS,
                                   hw::Component::SENSORS, hw::Component::MODEM})
    set_power_state(component, hw::PowerState::OFF);
  return records_on_air;
}

void SimBoard::end_tx() {
  tx_active_ = false;
  set_power_state(hw::Component::LORA_RADIO, hw::PowerState::SLEEP);
}

void SimBoard::start_gnss_fix(hw::TimeUs timeout_us) {
  // The yard world of the spine has no GNSS model yet (issue #6): the receiver never gets a fix and
  // reports "no fix" at the timeout (GNSS power is not booked until the profile has GNSS figures).
  fleet_.events.push(fleet_.now_us + timeout_us, EventKind::GNSS_DONE, device_id_);
}

hw::SensorSample SimBoard::read_sensors() {
  const PowerSpec& power = fleet_.scenario.fleet.power;
  ledger_.add_charge(index(hw::Component::SENSORS), power.sensor_sample_charge_c);
  battery_.draw_charge(power.sensor_sample_charge_c);
  // [A] A dry box in a yard: 20 C mean, 8 C diurnal swing peaking mid-afternoon, 0.5 C sensor noise.
  const double day_fraction = static_cast<double>(fleet_.now_us % (86400 * hw::US_PER_S)) / (86400.0 * 1e6);
  const double temperature_c =
      20.0 + 8.0 * std::sin(2 * std::numbers::pi * (day_fraction - 0.375)) + sensor_random_.normal(0.0, 0.5);
  hw::SensorSample sample;
  sample.temperature_cdeg = static_cast<std::int16_t>(std::lround(temperature_c * 100));
  sample.humidity_permille = 600;
  return sample;
}

hw::BatteryReading SimBoard::read_battery() {
  // A fuel gauge's view: voltage in 10 mV steps, charge in whole percent (never the model's exact state).
  hw::BatteryReading reading;
  reading.voltage_mv =
      static_cast<std::uint16_t>(10 * std::lround(fleet_.scenario.fleet.battery.nominal_voltage_v * 100));
  reading.charge_percent = static_cast<std::uint8_t>(std::floor(battery_.state_of_charge() * 100));
  return reading;
}

std::uint32_t SimBoard::random_u32() { return firmware_random_.next_u32(); }

void SimBoard::set_power_state(hw::Component component, hw::PowerState state) {
  const double current_a = component_current_a(fleet_.scenario.fleet.power, component, state);
  feed_battery(ledger_.set_current(index(component), current_a, fleet_.now_us));
}

void SimBoard::charge_firmware_run() {
  const PowerSpec& power = fleet_.scenario.fleet.power;
  // [A] The MCU's run time is charged as a lump per entry-point call: the wake-up itself (0.5 uC,
  // domain.md section 2) plus the active current over the configured run time.
  const double charge_c = power.mcu_wake_charge_c + power.mcu_active_a * power.mcu_active_s_per_wakeup;
  ledger_.add_charge(index(hw::Component::MCU), charge_c);
  battery_.draw_charge(charge_c);
}

void SimBoard::settle(hw::TimeUs now_us) { feed_battery(ledger_.settle(now_us)); }

void SimBoard::feed_battery(models::EnergyLedger::Interval interval) {
  if (interval.duration_s > 0) battery_.draw(interval.current_a, interval.duration_s);
  // Self-discharge is the cell's own loss, kept apart from the charge the components drew, and aged
  // as time passes so that the state of charge and a brown-out include it.
  const hw::TimeUs settled_us = ledger_.settled_until_us();
  if (settled_us > aged_until_us_) {
    battery_.age(static_cast<double>(settled_us - aged_until_us_) * 1e-6);
    aged_until_us_ = settled_us;
  }
}

}  // namespace fleet::sim
