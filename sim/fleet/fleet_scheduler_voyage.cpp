// The fleet scheduler's events of the voyage world (sim/voyage/voyage_world.hpp): journey steps, the LTE-M
// bearer's uplinks and registrations, the ship hub's beacon. The rest of the scheduler is in
// fleet_scheduler.cpp.
#include <cmath>

#include <simgrid/s4u.hpp>

#include "hw/lora_airtime.hpp"
#include "models/lora_link.hpp"
#include "sim/fleet/fleet_scheduler.hpp"

namespace fleet::sim {

namespace {
// [A] The LTE-M signal the books give a cell the modem hears and its uplinks: mid-range RSRP. Nothing
// depends on it (no ADR, no reception model on the cellular side).
constexpr std::int16_t CELLULAR_RSSI_DBM = -100;

// The hub's beacon, as LoRaWAN class B's in EU868 [S] (Regional Parameters: 869.525 MHz, DR3 = SF9 at
// 125 kHz, a 17-byte payload; the class B spec: 10-symbol preamble, implicit header, no PHY CRC, CR 4/5).
constexpr std::uint8_t BEACON_SPREADING_FACTOR = 9;
constexpr std::size_t BEACON_PAYLOAD_BYTES = 17;
hw::TimeUs beacon_airtime_us() {
  hw::LoraPhyParams phy;
  phy.spreading_factor = BEACON_SPREADING_FACTOR;
  phy.bandwidth_hz = 125'000;
  phy.coding_rate = 1;
  phy.preamble_symbols = 10;
  phy.explicit_header = false;
  phy.crc_on = false;
  phy.low_data_rate_optimize = false;
  return hw::lora_time_on_air_us(phy, BEACON_PAYLOAD_BYTES);
}
}  // namespace

// The books see the charge drawn up to the step, the medium files the device's frames under the step's
// site, and a network coming into reach is heard by the firmware (a modem registration).
void FleetScheduler::enter_journey_step(Device& device, std::size_t step) const {
  FleetRuntime& fleet = *fleet_;
  SimBoard& board = device.board;
  const std::uint32_t id = board.device_id();
  const std::vector<JourneyStep>& steps = fleet.voyage->journey(id).steps;
  board.settle(fleet.now_us);
  fleet.phases->on_step(id, step, board.ledger().total_charge_c());
  device.journey_step = step;
  const JourneyStep& now = steps[step];
  using models::JourneyPhase;
  const bool on_board = now.phase == JourneyPhase::AT_SEA || now.phase == JourneyPhase::PORT_CALL;
  fleet.medium.set_site(id, now.site);
  // A box on a truck or a sailing ship feels motion; one moored alongside does not.
  const bool moving = now.phase == JourneyPhase::ROAD || now.phase == JourneyPhase::AT_SEA;
  const bool newly_covered = board.enter_journey_step(now.cell, moving, on_board, step == 0);
  if (step + 1 < steps.size()) fleet.events.push(steps[step + 1].start_us, EventKind::JOURNEY_STEP, id);
  if (newly_covered) hear_cellular(device);  // at boot, on_boot's caller tells the firmware
  if (on_board && !device.listening_for_beacons) schedule_beacon(device);
}

// The hub beacons at every multiple of the interval (one time base for the ship, as class B's GPS
// time); a tracker on board listens for the next one.
void FleetScheduler::schedule_beacon(Device& device) const {
  FleetRuntime& fleet = *fleet_;
  const ContainerJourney& journey = fleet.voyage->journey(device.board.device_id());
  const std::size_t ship = journey.legs[journey.steps[device.journey_step].site].ship;
  const double interval_s = fleet.scenario.voyage.services[fleet.voyage->service_of_ship(ship)].ships.hub.beacon_interval_s;
  if (interval_s <= 0) return;
  const hw::TimeUs interval_us = microseconds_of(interval_s);
  const hw::TimeUs next_us = (fleet.now_us / interval_us + 1) * interval_us;
  if (next_us > end_us_) return;
  device.listening_for_beacons = true;
  fleet.events.push(next_us, EventKind::HUB_BEACON, device.board.device_id());
}

// A beacon while on board: the receiver is on for its time on air; if it is above the tracker's
// sensitivity, the firmware hears the ship hub (hw/place.hpp: at sea). Off the ship, the listening stops.
void FleetScheduler::listen_for_beacon(Device& device) const {
  FleetRuntime& fleet = *fleet_;
  SimBoard& board = device.board;
  const std::uint32_t id = board.device_id();
  const ContainerJourney& journey = fleet.voyage->journey(id);
  const models::JourneyPhase phase = journey.steps[device.journey_step].phase;
  device.listening_for_beacons = false;
  if (phase != models::JourneyPhase::AT_SEA && phase != models::JourneyPhase::PORT_CALL) return;
  schedule_beacon(device);
  if (board.radio_busy()) return;  // this one is missed: the radio belongs to an uplink
  const hw::TimeUs airtime_us = beacon_airtime_us();
  board.book_receive(airtime_us);
  const std::uint16_t hub = fleet.voyage->hub_gateway(journey.legs[journey.steps[device.journey_step].site].ship);
  if (fleet.medium.gateway_down_during(hub, fleet.now_us, fleet.now_us + airtime_us)) return;  // a failed hub is silent
  const float rssi_dbm = fleet.medium.downlink_rssi_dbm(id, hub, fleet.scenario.radio.class_a.rx2_gateway_tx_power_dbm);
  if (rssi_dbm >= models::device_sensitivity_dbm(BEACON_SPREADING_FACTOR, fleet.scenario.radio.bandwidth_hz)) {
    board.charge_firmware_run();
    device.firmware.on_bearer_heard(hw::Bearer::SHIP_HUB, static_cast<std::int16_t>(std::lround(rssi_dbm)));
  }
}

// The modem heard an LTE-M cell (registration, TAU): the firmware takes it as the bearer's evidence.
void FleetScheduler::hear_cellular(Device& device) const {
  device.board.charge_firmware_run();
  device.firmware.on_bearer_heard(hw::Bearer::CELLULAR, CELLULAR_RSSI_DBM);
}

// An LTE-M frame has left the modem: the network has it (the copy enters at the covering port's
// cellular node); the modem stays connected until the release, then the firmware is told.
void FleetScheduler::end_cellular_transmission(Device& device) const {
  FleetRuntime& fleet = *fleet_;
  SimBoard& board = device.board;
  const Transmission& tx = board.transmission();
  const std::uint16_t gateway = fleet.voyage->cellular_gateway(board.tx_cell());
  fleet.backhaul.on_received(board.device_id(), board.tx_frame_counter(), board.tx_records_leaving(), 1);
  fleet.gateway_inboxes[gateway]->count_reception(static_cast<double>(fleet.now_us) * 1e-6);
  fleet.gateway_inboxes[gateway]->push(BackhaulCopy(UplinkMessage{
      board.device_id(), gateway, fleet.now_us, tx.start_us, CELLULAR_RSSI_DBM, 0, 0, false,
      hw::Bearer::CELLULAR, board.tx_fresh_mask(), board.tx_frame()}));
  board.hold_modem_connected();
  const hw::TimeUs connected_us = microseconds_of(fleet.scenario.fleet.device.modem.uplink_connected_s);
  fleet.events.push(fleet.now_us + connected_us, EventKind::CELLULAR_DONE, board.device_id());
}

void FleetScheduler::finish_cellular(Device& device) const {
  device.records_in_cellular_frame = 0;  // the firmware lets them go now
  device.board.release_modem();
  device.board.charge_firmware_run();
  device.firmware.on_tx_done(hw::TxResult{device.board.cellular_ack_requested()});
}

}  // namespace fleet::sim
