#include "sim/fleet/sim_board.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

#include "hw/lora_airtime.hpp"
#include "models/gnss_receiver.hpp"
#include "hw/uplink_codec.hpp"
#include "sim/scenario/battery_setup.hpp"
#include "sim/fleet/fleet_runtime.hpp"
#include "sim/fleet/power_table.hpp"
#include "sim/base/random_purpose.hpp"
#include "sim/fleet/record_fates.hpp"
#include "sim/fleet/simgrid_sync.hpp"
#include "sim/fleet/validation_traffic.hpp"

namespace fleet::sim {

namespace {
constexpr std::size_t index(hw::Component component) { return static_cast<std::size_t>(component); }
}  // namespace

SimBoard::SimBoard(FleetRuntime& fleet, std::uint32_t device_id, models::LocalPoint position)
    : fleet_(fleet),
      device_id_(device_id),
      position_(position),
      ledger_(fleet.now_us),
      battery_(fleet.battery_params),
      firmware_random_(make_stream(fleet.scenario.seed, device_id, RandomPurpose::FIRMWARE)),
      sensor_random_(make_stream(fleet.scenario.seed, device_id, RandomPurpose::SENSORS)),
      environment_(fleet.scenario.fleet.environment,
                   make_stream(fleet.scenario.seed, device_id, RandomPurpose::ENVIRONMENT), fleet.now_us) {
  // The board powers up with everything asleep; the MCU sleep floor and the accelerometer's
  // wake-on-motion current run all the time, the GNSS backup domain too.
  const DeviceSpec& device = fleet.scenario.fleet.device;
  set_power_state(hw::Component::MCU, hw::PowerState::SLEEP);
  set_power_state(hw::Component::LORA_RADIO, hw::PowerState::SLEEP);
  set_power_state(hw::Component::SENSORS, hw::PowerState::SLEEP);
  if (device.gnss.present) {
    set_power_state(hw::Component::GNSS, hw::PowerState::SLEEP);
    models::RandomStream sky = make_stream(fleet.scenario.seed, device_id, RandomPurpose::GNSS);
    sees_sky_ = sky.uniform01() < device.gnss.sky_view_fraction;
  }
  if (device.modem.present) {
    // The modem attaches at boot, then rests in PSM and wakes for its periodic TAU.
    add_charge(hw::Component::MODEM, device.modem.attach_charge_c);
    set_power_state(hw::Component::MODEM, hw::PowerState::SLEEP);
    fleet.events.push(fleet.now_us + microseconds_of(device.modem.tau_period_s), EventKind::MODEM_TAU, device_id);
  }
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
  if (bearer == hw::Bearer::CELLULAR) return start_cellular_tx(frame, len, params);
  // The ship's hub is reached over LoRa (a gateway on board, sim/voyage/voyage_world.hpp), not a bearer apart.
  if (bearer != hw::Bearer::LORA) return hw::TxStatus::NO_BEARER;
  if (tx_active_ || class_a_open_) return hw::TxStatus::RADIO_BUSY;
  const RadioSpec& radio = fleet_.scenario.radio;
  const std::size_t phy_payload_bytes = uplink_phy_payload_bytes(radio, len);
  if (phy_payload_bytes > 255) return hw::TxStatus::TOO_LONG;

  hw::LoraPhyParams phy;
  phy.spreading_factor = params.spreading_factor;
  phy.bandwidth_hz = static_cast<std::uint32_t>(radio.bandwidth_hz);
  phy.coding_rate = static_cast<std::uint8_t>(radio.coding_rate);
  phy.preamble_symbols = static_cast<std::uint16_t>(radio.preamble_symbols);
  phy.low_data_rate_optimize = hw::ldro_required(phy.spreading_factor, phy.bandwidth_hz);
  const hw::TimeUs airtime_us = hw::lora_time_on_air_us(phy, phy_payload_bytes);
  airtime_us_ += airtime_us;

  file_frame(frame, len, params.confirmed);
  tx_bearer_ = hw::Bearer::LORA;
  tx_ = Transmission{device_id_,
                     fleet_.now_us,
                     fleet_.now_us + airtime_us,
                     params.spreading_factor,
                     params.channel_index,
                     static_cast<float>(params.tx_power_dbm - radio.tx_power_dbm)};
  tx_.site = fleet_.medium.site_of(device_id_);
  tx_active_ = true;
  class_a_open_ = true;
  tx_power_dbm_ = params.tx_power_dbm;
  set_power_state(hw::Component::LORA_RADIO, hw::PowerState::TX);
  // A gateway sending a downlink is deaf to the frame's start (RadioMedium::begin): the downlinks
  // SimGrid's actors may have booked by now must be booked before it is filed.
  if (booking_may_come_by(fleet_, fleet_.now_us)) catch_up_with_simgrid(fleet_, fleet_.now_us);
  fleet_.medium.begin(tx_);
  fleet_.events.push(tx_.end_us, EventKind::TX_END, device_id_);
  return hw::TxStatus::STARTED;
}

void SimBoard::file_frame(const std::uint8_t* frame, std::size_t len, bool confirmed_in_books) {
  hw::UplinkFrame decoded{};
  tx_records_ = hw::decode_uplink(frame, len, decoded) ? decoded.record_count : 0;
  tx_frame_counter_ = decoded.frame_counter;
  tx_confirmed_ = confirmed_in_books;
  if (confirmed_in_books) ++confirmed_frames_sent_;  // counted when it starts, like FirmwareStats::frames_sent
  mark_fresh_records(decoded);
  tx_frame_.assign(frame, frame + len);
}

// LTE-M [A]: in reach of a network the frame goes (the modem's TX for uplink_tx_s, then connected until
// the release); the network takes it, so the books count its records as leaving the device, like an
// unconfirmed LoRa frame's, and a copy enters the network at the covering port's cellular node. No
// radio contention is modelled on the cellular side.
hw::TxStatus SimBoard::start_cellular_tx(const std::uint8_t* frame, std::size_t len, hw::TxParams params) {
  const ModemSpec& modem = fleet_.scenario.fleet.device.modem;
  if (!modem.present || cell_ == NO_CELL) return hw::TxStatus::NO_BEARER;
  if (tx_active_ || class_a_open_) return hw::TxStatus::RADIO_BUSY;
  file_frame(frame, len, false);
  if (params.confirmed) fleet_.devices[device_id_].records_in_cellular_frame = tx_records_;
  tx_bearer_ = hw::Bearer::CELLULAR;
  cellular_ack_requested_ = params.confirmed;
  tx_cell_ = cell_;
  tx_ = Transmission{device_id_, fleet_.now_us, fleet_.now_us + microseconds_of(modem.uplink_tx_s), 0, 0, 0};
  tx_.site = NO_SITE;
  tx_active_ = true;
  class_a_open_ = true;
  set_power_state(hw::Component::MODEM, hw::PowerState::TX);
  fleet_.events.push(tx_.end_us, EventKind::TX_END, device_id_);
  return hw::TxStatus::STARTED;
}

void SimBoard::hold_modem_connected() {
  tx_active_ = false;
  set_power_state(hw::Component::MODEM, hw::PowerState::ACTIVE);
}

void SimBoard::release_modem() {
  class_a_open_ = false;
  set_power_state(hw::Component::MODEM, hw::PowerState::SLEEP);
}

bool SimBoard::enter_journey_step(std::uint16_t cell, bool moving, bool on_board, bool at_boot) {
  moving_ = moving;
  on_board_ = on_board;
  const bool newly_covered = cell != NO_CELL && cell_ == NO_CELL;
  cell_ = cell;
  const ModemSpec& modem = fleet_.scenario.fleet.device.modem;
  if (!modem.present || !newly_covered || at_boot) return false;
  // [A] Back in coverage after a stretch without, the modem registers again: one TAU's worth.
  add_charge(hw::Component::MODEM, modem.tau_charge_c);
  return true;
}

bool SimBoard::cellular_reachable() const { return fleet_.scenario.fleet.device.modem.present && cell_ != NO_CELL; }

models::LatLon SimBoard::position_now() const {
  if (fleet_.voyage) return fleet_.voyage->position_at(device_id_, static_cast<double>(fleet_.now_us) * 1e-6);
  return fleet_.frame.to_geo(position_);
}

std::uint32_t SimBoard::power_off() {
  const std::uint32_t records_on_air = tx_active_ ? tx_records_leaving() : 0;
  if (tx_active_) {
    tx_active_ = false;
    tx_.end_us = fleet_.now_us;  // no longer on air at the end of the run
  }
  for (hw::Component component : {hw::Component::MCU, hw::Component::LORA_RADIO, hw::Component::GNSS,
                                   hw::Component::SENSORS, hw::Component::MODEM})
    set_power_state(component, hw::PowerState::OFF);
  return records_on_air;
}

// Which of the frame's records the server does not have yet. An unconfirmed frame takes its records
// off the device (the firmware pops them once start_tx returns): those the server already has leave
// the books' "held" list here, so they are not counted again anywhere.
void SimBoard::mark_fresh_records(const hw::UplinkFrame& frame) {
  Device& device = fleet_.devices[device_id_];
  tx_fresh_mask_ = 0;
  tx_fresh_records_ = 0;
  for (std::size_t i = 0; i < tx_records_; ++i) {
    const std::uint16_t seq = frame.records[i].seq;
    if (is_held_delivered(device, seq)) {
      if (!tx_confirmed_) forget_held(device, seq);
      continue;
    }
    tx_fresh_mask_ = static_cast<std::uint16_t>(tx_fresh_mask_ | (1U << i));
    ++tx_fresh_records_;
  }
}

void SimBoard::book_receive(hw::TimeUs duration_us) {
  // A cell that empties during the windows powers the receiver only until then (the device then
  // browns out at its next battery check): a lump must not draw more than the cell holds.
  feed_battery(ledger_.settle(fleet_.now_us));
  const double charge_c = fleet_.scenario.fleet.device.lora_radio.rx_a * static_cast<double>(duration_us) * 1e-6;
  add_charge(hw::Component::LORA_RADIO, std::min(charge_c, std::max(0.0, battery_.remaining_c())));
}

void SimBoard::end_tx() {
  tx_active_ = false;
  set_power_state(hw::Component::LORA_RADIO, hw::PowerState::SLEEP);
}

// The receiver acquires (acquisition current) until it fixes or the firmware's timeout runs out.
// Time to fix follows the start kind (hot, warm, cold) given by the age of the last fix. A device
// that does not see the sky (deep in a stack) searches until the timeout.
void SimBoard::start_gnss_fix(hw::TimeUs timeout_us) {
  const GnssSpec& gnss = fleet_.scenario.fleet.device.gnss;
  if (gnss_acquiring_) return;  // one acquisition at a time: the running one answers
  gnss_acquiring_ = true;
  if (!gnss.present) {
    gnss_will_fix_ = false;
    fleet_.events.push(fleet_.now_us, EventKind::GNSS_DONE, device_id_);
    return;
  }
  const models::GnssTiming timing{gnss.ttff_hot_s, gnss.ttff_warm_s, gnss.ttff_cold_s, gnss.ephemeris_valid_s,
                                  gnss.almanac_valid_s};
  const double since_fix_s = has_fixed_ ? static_cast<double>(fleet_.now_us - last_fix_us_) * 1e-6 : -1.0;
  const hw::TimeUs ttff_us =
      microseconds_of(models::gnss_time_to_fix_s(timing, models::gnss_start_kind(timing, since_fix_s)));
  // On board, the device's site is its leg's ship (sim/voyage/voyage_world.hpp).
  const bool sees_sky =
      on_board_ ? fleet_.voyage->journey(device_id_).legs[fleet_.medium.site_of(device_id_)].sees_sky_on_board : sees_sky_;
  gnss_will_fix_ = sees_sky && ttff_us <= timeout_us;
  set_power_state(hw::Component::GNSS, hw::PowerState::ACTIVE);
  fleet_.events.push(fleet_.now_us + (gnss_will_fix_ ? ttff_us : timeout_us), EventKind::GNSS_DONE, device_id_);
}

hw::GnssResult SimBoard::finish_gnss_fix() {
  const GnssSpec& gnss = fleet_.scenario.fleet.device.gnss;
  gnss_acquiring_ = false;
  hw::GnssResult result;
  if (!gnss.present) return result;
  if (gnss_will_fix_) {
    // [A] The receiver keeps tracking a little after the fix to refine it; charged here as a lump.
    add_charge(hw::Component::GNSS, gnss.tracking_a * gnss.tracking_after_fix_s);
    has_fixed_ = true;
    last_fix_us_ = fleet_.now_us;
    ++gnss_fixes_;
    const models::LatLon at = position_now();
    result.fixed = true;
    result.lat_e7 = static_cast<std::int32_t>(std::lround(at.lat_deg * 1e7));
    result.lon_e7 = static_cast<std::int32_t>(std::lround(at.lon_deg * 1e7));
  } else {
    ++gnss_failures_;
  }
  set_power_state(hw::Component::GNSS, hw::PowerState::SLEEP);
  return result;
}

void SimBoard::arm_brown_out(hw::TimeUs end_of_run_us) {
  brown_out_watch_.forget();  // whatever was armed before assumed another load
  feed_battery(ledger_.settle(fleet_.now_us));  // predict from the state at this instant
  if (battery_.depleted()) return;
  const double horizon_s = static_cast<double>(end_of_run_us - std::min(end_of_run_us, fleet_.now_us)) * 1e-6;
  const double current_a = ledger_.total_current_a();
  if (battery_.depletion_lower_bound_s(current_a) > horizon_s) return;  // cannot empty within the run
  const double seconds = battery_.time_to_depletion_s(current_a);
  const double at_us = static_cast<double>(fleet_.now_us) + std::ceil(seconds * 1e6);
  if (at_us <= static_cast<double>(end_of_run_us))
    brown_out_watch_.predict(fleet_.events, device_id_, static_cast<hw::TimeUs>(at_us));
}

bool SimBoard::take_brown_out_event(std::uint32_t generation) {
  return brown_out_watch_.take_entry(fleet_.events, device_id_, generation);
}

void SimBoard::modem_tracking_area_update() {
  const ModemSpec& modem = fleet_.scenario.fleet.device.modem;
  add_charge(hw::Component::MODEM, modem.tau_charge_c);
  fleet_.events.push(fleet_.now_us + microseconds_of(modem.tau_period_s), EventKind::MODEM_TAU, device_id_);
}

hw::SensorSample SimBoard::read_sensors() {
  add_charge(hw::Component::SENSORS, fleet_.scenario.fleet.device.sensors.sample_charge_c);
  // [A] A dry box in a yard: 20 C mean, 8 C diurnal swing peaking mid-afternoon, 0.5 C sensor noise.
  const double day_fraction = static_cast<double>(fleet_.now_us % (86400 * hw::US_PER_S)) / (86400.0 * 1e6);
  const double air_c = 20.0 + 8.0 * std::sin(2 * std::numbers::pi * (day_fraction - 0.375));
  const double temperature_c = air_c + sensor_random_.normal(0.0, 0.5);
  // The cell sits in the same box: its temperature (derating, operating range) follows the air's,
  // updated when the device samples.
  feed_battery(ledger_.settle(fleet_.now_us));
  battery_.set_temperature_c(air_c);
  hw::SensorSample sample;
  sample.temperature_cdeg = static_cast<std::int16_t>(std::lround(temperature_c * 100));
  sample.humidity_permille = 600;
  // [A] A box standing in a yard is still: no motion, so the firmware's place tracker does not take it
  // for a box on the road. On a truck or a ship (voyage world) it sways: 100 mg RMS, above the
  // firmware's default 30 mg threshold. Shocks arrive as interrupts (on_sensor_event), not in samples.
  sample.accel_rms_mg = moving_ ? 100 : 0;
  sample.door_open = environment_.door_open();
  sample.light_lux = environment_.light_lux();
  return sample;
}

hw::BatteryReading SimBoard::read_battery() {
  // A fuel gauge's view, never the model's exact state: the loaded voltage in 10 mV steps, and the charge
  // estimate of a coulomb counter, in whole percent. The counter sees what the components drew,
  // not the cell's self-discharge, so like a real gauge it over-reports as the years pass.
  const BatterySpec& spec = fleet_.scenario.fleet.device.battery;
  feed_battery(ledger_.settle(fleet_.now_us));
  hw::BatteryReading reading;
  const double volts = battery_.voltage_under_load_v(ledger_.total_current_a());
  reading.voltage_mv = static_cast<std::uint16_t>(10 * std::lround(std::max(volts, 0.0) * 100));
  const double usable_c = spec.capacity_c * spec.usable_fraction;
  const double estimate = std::clamp(1.0 - ledger_.total_charge_c() / usable_c, 0.0, 1.0);
  reading.charge_percent = static_cast<std::uint8_t>(std::floor(estimate * 100));
  return reading;
}

std::uint32_t SimBoard::random_u32() { return firmware_random_.next_u32(); }

void SimBoard::set_power_state(hw::Component component, hw::PowerState state) {
  const double current_a = component_current_a(fleet_.scenario.fleet.device, component, state, tx_power_dbm_);
  feed_battery(ledger_.set_current(index(component), current_a, fleet_.now_us));
}

void SimBoard::charge_firmware_run() {
  const McuSpec& mcu = fleet_.scenario.fleet.device.mcu;
  // [A] The MCU's run time is charged as a lump per entry-point call: the wake-up itself (0.5 uC,
  // docs/sources.md section 2) plus the active current over the configured run time.
  add_charge(hw::Component::MCU, mcu.wake_charge_c + mcu.active_a * mcu.active_s_per_wakeup);
}

void SimBoard::add_charge(hw::Component component, double charge_c) {
  ledger_.add_charge(index(component), charge_c);
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
