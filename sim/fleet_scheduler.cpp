#include "sim/fleet_scheduler.hpp"

#include <simgrid/s4u.hpp>

#include <cmath>

#include "hw/lora_airtime.hpp"
#include "models/lora_link.hpp"
#include "sim/record_fates.hpp"

namespace fleet::sim {

namespace {
double to_seconds(hw::TimeUs t_us) { return static_cast<double>(t_us) / 1e6; }

// Most device events (alarms, sensor samples, GNSS, brown-outs) touch only the device's own state
// and the radio medium, which no other actor reads. Only these hand something to, or read something
// from, the gateway and network-server actors, so only these need SimGrid's clock to have caught up:
// processing the others ahead of it changes nothing another actor can see, and saves one SimGrid
// sleep per distinct event time. The exception is class A: while an ACK is on its way, a gateway may
// book a downlink into any coming instant (sim/pending_answers.hpp), so every event waits.
bool meets_other_actors(EventKind kind) {
  return kind == EventKind::TX_END || kind == EventKind::FLEET_SAMPLE;
}
constexpr std::uint32_t FLEET_ENTITY = ~std::uint32_t{0};
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

void FleetScheduler::operator()() const {
  FleetRuntime& fleet = *fleet_;
  for (Device& device : fleet.devices) {
    if (device.validation_traffic) {
      fleet.events.push(device.validation_traffic->next_frame_at(0), EventKind::TRAFFIC_FRAME, device.board.device_id());
      continue;
    }
    if (fleet.voyage) enter_journey_step(device, 0);
    device.board.charge_firmware_run();
    device.firmware.on_boot();
    if (device.board.cellular_reachable()) hear_cellular(device);  // the attach at boot found a network
    reconcile_held(device);
    check_battery(device);
    schedule_sensor_event(device);
  }
  fleet.events.push(0, EventKind::FLEET_SAMPLE, FLEET_ENTITY);

  hw::TimeUs synced_us = 0;  // SimGrid's clock, as far as this actor has slept
  while (!fleet.events.empty() && fleet.events.top().at_us <= end_us_) {
    const Event event = fleet.events.pop();
    fleet.now_us = event.at_us;
    if ((meets_other_actors(event.kind) || fleet.answers_pending.any()) && event.at_us > synced_us) {
      simgrid::s4u::this_actor::sleep_until(to_seconds(event.at_us));
      synced_us = event.at_us;
    }
    dispatch(event);
    progress_->update(to_seconds(fleet.now_us), fleet.device_events);
  }
  if (end_us_ > synced_us) simgrid::s4u::this_actor::sleep_until(to_seconds(end_us_));
  fleet.now_us = end_us_;
  for (Device& device : fleet.devices) device.board.settle(end_us_);
  if (fleet.phases) {  // the last step's charge; the age is closed once the other actors have stopped
    for (Device& device : fleet.devices)
      fleet.phases->on_step(device.board.device_id(), device.journey_step + 1, device.board.ledger().total_charge_c());
  }
  sample();
  progress_->finish(to_seconds(fleet.now_us), fleet.device_events);
}

void FleetScheduler::dispatch(const Event& event) const {
  FleetRuntime& fleet = *fleet_;
  if (event.kind == EventKind::FLEET_SAMPLE) {
    sample();
    if (fleet.now_us + sample_interval_us_ < end_us_)
      fleet.events.push(fleet.now_us + sample_interval_us_, EventKind::FLEET_SAMPLE, FLEET_ENTITY);
    return;
  }
  Device& device = fleet.devices[event.device_id];
  if (device.browned_out) return;
  switch (event.kind) {
    case EventKind::WAKEUP:
      if (!device.board.wakeup_is_current(event.generation)) return;  // re-armed since
      ++fleet.device_events;
      device.board.charge_firmware_run();
      device.firmware.on_wakeup();
      break;
    case EventKind::TX_END:
      ++fleet.device_events;
      end_transmission(device);
      break;
    case EventKind::GNSS_DONE: {
      ++fleet.device_events;
      const hw::GnssResult result = device.board.finish_gnss_fix();
      device.board.charge_firmware_run();
      device.firmware.on_gnss_done(result);
      break;
    }
    case EventKind::MODEM_TAU:
      ++fleet.device_events;
      device.board.modem_tracking_area_update();
      if (device.board.cellular_reachable()) hear_cellular(device);  // the TAU reached the network
      break;
    case EventKind::BROWN_OUT:
      if (!device.board.brown_out_is_current(event.generation)) return;  // the load changed since
      device.board.settle(fleet.now_us);
      break;
    case EventKind::TRAFFIC_FRAME:
      ++fleet.device_events;
      device.validation_traffic->send(device.board);
      break;
    case EventKind::RX1_OPEN:
      open_window(device, RxWindow::RX1);
      break;
    case EventKind::RX2_OPEN:
      open_window(device, RxWindow::RX2);
      break;
    case EventKind::CLASS_A_DONE:
      ++fleet.device_events;
      finish_class_a(device);
      break;
    case EventKind::SENSOR_EVENT: {
      ++fleet.device_events;
      const hw::SensorEvent sensed = device.board.environment().take();
      device.board.charge_firmware_run();
      device.firmware.on_sensor_event(sensed);
      schedule_sensor_event(device);
      break;
    }
    case EventKind::JOURNEY_STEP:
      enter_journey_step(device, device.journey_step + 1);
      break;
    case EventKind::CELLULAR_DONE:
      ++fleet.device_events;
      finish_cellular(device);
      break;
    case EventKind::HUB_BEACON:
      ++fleet.device_events;
      listen_for_beacon(device);
      break;
    case EventKind::FLEET_SAMPLE:
      break;
  }
  reconcile_held(device);
  check_battery(device);
}

void FleetScheduler::schedule_sensor_event(Device& device) const {
  const hw::TimeUs at_us = device.board.environment().next_us();
  if (at_us <= end_us_) fleet_->events.push(at_us, EventKind::SENSOR_EVENT, device.board.device_id());
}

// Brown-out, when the cell is empty or cannot hold its voltage above the cut-off under the present
// load (a TX pulse near the end of life, a passivated cell): the firmware stops here; what it still
// holds stays counted as queued on the device, a frame on air is cut (its demodulator paths freed)
// and lost with its own reason, and the board draws nothing more. Otherwise the depletion under the
// new load is predicted (the instant is rounded up to the next microsecond, so when that event comes
// the cell is empty).
void FleetScheduler::check_battery(Device& device) const {
  FleetRuntime& fleet = *fleet_;
  const models::Battery& battery = device.board.battery();
  if (!battery.depleted() && battery.can_deliver(device.board.ledger().total_current_a())) {
    device.board.arm_brown_out(end_us_);
    return;
  }
  device.browned_out = true;
  device.browned_out_at_us = fleet.now_us;
  const bool on_air = device.board.tx_active();
  if (on_air && device.board.tx_bearer() == hw::Bearer::LORA) fleet.medium.abort(device.board.transmission());
  const std::uint32_t records_on_air = device.board.power_off();
  if (on_air) ++device.frames_lost;
  device.records_lost[static_cast<std::size_t>(RadioLoss::BROWN_OUT)] += records_on_air;
}

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
  const double interval_s = fleet.scenario.voyage.ships.hub.beacon_interval_s;
  if (interval_s <= 0) return;
  const auto interval_us = static_cast<hw::TimeUs>(std::llround(interval_s * 1e6));
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
  board.book_receive(beacon_airtime_us());
  const float rssi_dbm = fleet.medium.downlink_rssi_dbm(id, fleet.voyage->hub_gateway(journey.ship),
                                                        fleet.scenario.radio.class_a.rx2_gateway_tx_power_dbm);
  if (rssi_dbm >= models::device_sensitivity_dbm(BEACON_SPREADING_FACTOR, fleet.scenario.radio.bandwidth_hz)) {
    board.charge_firmware_run();
    device.firmware.on_bearer_heard(hw::Bearer::SHIP_HUB, static_cast<std::int16_t>(std::lround(rssi_dbm)));
  }
  schedule_beacon(device);
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
  fleet.gateway_inboxes[gateway]->push(BackhaulCopy(UplinkMessage{
      board.device_id(), gateway, fleet.now_us, tx.start_us, CELLULAR_RSSI_DBM, 0, 0, false,
      hw::Bearer::CELLULAR, board.tx_fresh_mask(), board.tx_frame()}));
  board.hold_modem_connected();
  const auto connected_us = static_cast<hw::TimeUs>(std::llround(fleet.scenario.fleet.device.modem.uplink_connected_s * 1e6));
  fleet.events.push(fleet.now_us + connected_us, EventKind::CELLULAR_DONE, board.device_id());
}

void FleetScheduler::finish_cellular(Device& device) const {
  device.records_in_cellular_frame = 0;  // the firmware lets them go now
  device.board.release_modem();
  device.board.charge_firmware_run();
  device.firmware.on_tx_done(hw::TxResult{device.board.cellular_ack_requested()});
}

void FleetScheduler::end_transmission(Device& device) const {
  FleetRuntime& fleet = *fleet_;
  SimBoard& board = device.board;
  if (board.tx_bearer() == hw::Bearer::CELLULAR) {
    end_cellular_transmission(device);
    return;
  }
  const Transmission& tx = board.transmission();
  const RadioOutcome& outcome = fleet.medium.end(tx);
  // Records follow accounting.hpp: a confirmed frame's records stay queued whatever its fate.
  if (outcome.received.empty()) {
    device.records_lost[static_cast<std::size_t>(outcome.loss)] += board.tx_records_leaving();
    ++device.frames_lost;
  } else {
    fleet.backhaul.on_received(board.device_id(), board.tx_frame_counter(), board.tx_records_leaving(),
                               static_cast<std::uint32_t>(outcome.received.size()));
    if (board.tx_confirmed())  // the server answers every confirmed transmission that reaches it
      fleet.answers_pending.on_heard(board.device_id(), fleet.now_us, static_cast<std::uint32_t>(outcome.received.size()));
    for (const Reception& reception : outcome.received) {
      fleet.gateway_inboxes[reception.gateway]->push(BackhaulCopy(UplinkMessage{
          board.device_id(), reception.gateway, fleet.now_us, tx.start_us, reception.rssi_dbm, tx.channel,
          tx.spreading_factor, board.tx_confirmed(), hw::Bearer::LORA, board.tx_fresh_mask(), board.tx_frame()}));
    }
  }
  board.end_tx();
  if (device.validation_traffic) {  // the validation source is not a LoRaWAN device: no windows
    board.end_class_a();
    fleet.events.push(device.validation_traffic->next_frame_at(fleet.now_us), EventKind::TRAFFIC_FRAME,
                      board.device_id());
    return;
  }
  if (board.tx_confirmed()) {
    device.downlink_received = false;
    fleet.events.push(window_plan(fleet.scenario.radio, RxWindow::RX1, tx.end_us, tx.channel, tx.spreading_factor).open_us,
                      EventKind::RX1_OPEN, board.device_id());
    return;
  }
  // The server answers confirmed uplinks only, so nothing can come in these windows: both listen for a
  // preamble and close, booked now as one lump of RX charge, and the cycle ends when RX2 closes.
  const RadioSpec& radio = fleet.scenario.radio;
  board.book_receive(window_plan(radio, RxWindow::RX1, tx.end_us, tx.channel, tx.spreading_factor).listen_us +
                     window_plan(radio, RxWindow::RX2, tx.end_us, tx.channel, tx.spreading_factor).listen_us);
  device.downlink_received = false;
  fleet.events.push(class_a_quiet_end_us(radio, tx.end_us, tx.channel, tx.spreading_factor), EventKind::CLASS_A_DONE,
                    board.device_id());
}

// A window of a confirmed uplink opens. If the gateway booked the downlink for it, the device receives
// it when it is above the device's sensitivity at the window's SF (a weaker one is not even detected:
// the window times out as if empty and RX2 still opens). The receiver is on for the whole downlink, or
// for the preamble-detection time of an empty window.
void FleetScheduler::open_window(Device& device, RxWindow window) const {
  FleetRuntime& fleet = *fleet_;
  SimBoard& board = device.board;
  const Transmission& tx = board.transmission();
  const WindowPlan plan = window_plan(fleet.scenario.radio, window, tx.end_us, tx.channel, tx.spreading_factor);
  const ScheduledDownlink& downlink = device.downlink;
  if (downlink.uplink_end_us == tx.end_us && downlink.window == static_cast<std::uint8_t>(window)) {
    const double sensitivity_dbm = models::device_sensitivity_dbm(plan.spreading_factor, fleet.scenario.radio.bandwidth_hz);
    if (downlink.rssi_at_device_dbm >= sensitivity_dbm) {
      board.book_receive(downlink.airtime_us);
      device.downlink_received = true;
      ++device.downlinks_received;
      fleet.events.push(fleet.now_us + downlink.airtime_us, EventKind::CLASS_A_DONE, board.device_id());
      return;
    }
    ++device.downlinks_lost[static_cast<std::size_t>(DownlinkLoss::UNDER_SENSITIVITY)];
  }
  board.book_receive(plan.listen_us);
  if (window == RxWindow::RX1) {
    fleet.events.push(window_plan(fleet.scenario.radio, RxWindow::RX2, tx.end_us, tx.channel, tx.spreading_factor).open_us,
                      EventKind::RX2_OPEN, board.device_id());
  } else {
    fleet.events.push(fleet.now_us + plan.listen_us, EventKind::CLASS_A_DONE, board.device_id());
  }
}

// The end of the class A cycle (hal.hpp): on_rx() for a downlink with a payload, then on_tx_done().
// An ACK takes the frame's records off the device: the books forget them as held (record_fates.hpp).
void FleetScheduler::finish_class_a(Device& device) const {
  SimBoard& board = device.board;
  board.end_class_a();
  const ScheduledDownlink& downlink = device.downlink;
  const bool acked = device.downlink_received && downlink.ack && board.tx_confirmed();
  if (device.downlink_received && !downlink.payload.empty()) {
    board.charge_firmware_run();
    device.firmware.on_rx(downlink.payload.data(), downlink.payload.size(),
                          static_cast<std::int16_t>(std::lround(downlink.rssi_at_device_dbm)));
  }
  device.downlink_received = false;
  if (acked) {
    ++device.frames_acked;
    hw::UplinkFrame frame{};
    if (hw::decode_uplink(board.tx_frame().data(), board.tx_frame().size(), frame)) {
      for (std::size_t i = 0; i < frame.record_count; ++i) forget_held(device, frame.records[i].seq);
    }
  }
  board.charge_firmware_run();
  device.firmware.on_tx_done(hw::TxResult{acked});
}

void FleetScheduler::sample() const {
  FleetRuntime& fleet = *fleet_;
  for (Device& device : fleet.devices) device.board.settle(fleet.now_us);
  TimeSeriesRow row;
  row.time_s = to_seconds(fleet.now_us);
  double state_of_charge_sum = 0;
  double charge_c = 0;
  for (const Device& device : fleet.devices) {
    row.records_generated += device.records_generated();
    row.records_lost += device.records_dropped();
    for (std::uint32_t lost : device.records_lost) row.records_lost += lost;
    row.records_queued += device.records_queued();
    state_of_charge_sum += device.board.battery().state_of_charge();
    charge_c += device.board.ledger().total_charge_c();
  }
  row.records_delivered = fleet.deliveries.records_delivered;
  row.mean_state_of_charge = fleet.devices.empty() ? 0.0 : state_of_charge_sum / static_cast<double>(fleet.devices.size());
  row.charge_drawn_mah = charge_c / models::COULOMBS_PER_MAH;
  series_->push_back(row);
}

}  // namespace fleet::sim
