#include "sim/fleet/fleet_scheduler.hpp"

#include <cmath>
#include <cstdint>

#include "models/lora_link.hpp"
#include "sim/base/interrupt.hpp"
#include "sim/fleet/record_fates.hpp"
#include "sim/fleet/simgrid_sync.hpp"

namespace fleet::sim {

namespace {

// Most device events (alarms, sensor samples, GNSS, brown-outs) touch only the device's own state
// and the radio medium, which no other actor reads. Only these hand something to, or read something
// from, the gateway and network-server actors, so only these need SimGrid's clock to have caught up:
// processing the others ahead of it changes nothing another actor can see, and saves one SimGrid
// sleep per distinct event time.
bool meets_other_actors(EventKind kind) {
  return kind == EventKind::TX_END || kind == EventKind::FLEET_SAMPLE;
}
// The exception is class A. While an answer is owed, a gateway books the ACK when it reaches it: into
// the device's window (read as RX1 and RX2 open) and its own radio (read as an uplink starts:
// SimBoard::start_tx catches up by itself), at the device's radio site (moved by a journey step). And
// the server reads the device's queue when a confirmed copy arrives, so a device whose confirmed
// copies are on the way keeps SimGrid's clock in step at each of its events (sim/books/pending_answers.hpp).
bool meets_a_booking(EventKind kind) {
  return kind == EventKind::RX1_OPEN || kind == EventKind::RX2_OPEN || kind == EventKind::JOURNEY_STEP;
}
bool waits_for_answers(const FleetRuntime& fleet, const Event& event) {
  if (!fleet.answers_pending.any()) return false;
  if (meets_a_booking(event.kind) && booking_may_come_by(fleet, event.at_us)) return true;
  return fleet.answers_pending.copies_on_the_way(event.device_id);
}
constexpr std::uint32_t FLEET_ENTITY = ~std::uint32_t{0};

// Which event's device the scheduler starts loading as it pops one: the second after the next, whose
// device then has three dispatches' time to arrive (paired runs at 100,000 devices: 2 and 3 alike,
// 0 and 1 slower).
constexpr std::size_t PREFETCH_AHEAD = 2;

// The lines an event reads, spread over the device (2.7 kB): the board, the firmware's configuration,
// statistics and scheduler, and, past the record queue's slots, the queue's counters, the place
// tracker, the last sample and the flags at the end. Prefetching the first five lines only (tried
// first) left the others to miss one after the other; prefetching all 42 stalled on the prefetches
// themselves (perf: 5 % of the run on them) for the record slots, which only a report reads.
// Against all 42, paired runs: asia-med 100,000 x 12 h 2-12 % less CPU (six pairs), quickstart
// 100,000 x 6 h 2-6 % (two), asia-med 1,000,000 x 6 h 6 % (one).
// The lines go to L2, not L1 (locality 2: prefetcht1 on x86): about 26 lines for each of the three
// devices in flight, and against prefetching into L1 (the default) paired runs gave asia-med
// 100,000 x 12 h 8-12 % less CPU (five pairs), quickstart 100,000 x 6 h 6-7 % (two), asia-med
// 1,000,000 x 3 h 5 % (one); an L2 hit costs the dispatch a dozen cycles.
void prefetch_lines(const void* from, const void* to) {
  constexpr std::uintptr_t LINE = 64;
  constexpr int FOR_READING = 0;
  constexpr int INTO_L2 = 2;
  const std::uintptr_t first = reinterpret_cast<std::uintptr_t>(from) & ~(LINE - 1);  // the line `from` is in
  for (std::uintptr_t line = first; line < reinterpret_cast<std::uintptr_t>(to); line += LINE)
    __builtin_prefetch(reinterpret_cast<const void*>(line), FOR_READING, INTO_L2);
}
// A hint only: if the layout changes (hw::RecordQueue keeps its counters after its slots), only the
// speed does.
void prefetch_device(const Device& device) {
  const char* slots = reinterpret_cast<const char*>(&device.firmware.queue());
  prefetch_lines(&device, slots);
  prefetch_lines(slots + sizeof(hw::RecordQueue) - 64, reinterpret_cast<const char*>(&device + 1));
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

  while (!fleet.events.empty() && fleet.events.top_at_us() <= end_us_ && !run_interrupted()) {
    const Event event = fleet.events.pop();
    // The devices of the events after this one are known now: start loading one of them while this
    // one is dispatched. A device is kilobytes (firmware and board) touched at random, so its first
    // cache misses are most of the cost of a small event.
    if (const std::uint32_t ahead = fleet.events.upcoming_device_id(PREFETCH_AHEAD); ahead < fleet.devices.size())
      prefetch_device(fleet.devices[ahead]);
    fleet.now_us = event.at_us;
    if (meets_other_actors(event.kind) || waits_for_answers(fleet, event)) catch_up_with_simgrid(fleet, event.at_us);
    dispatch(event);
    progress_->update(seconds_of(fleet.now_us), fleet.device_events);
  }
  if (run_interrupted()) return;  // SIGINT/SIGTERM: the run ends here, unfinished (sim/base/interrupt.hpp)
  catch_up_with_simgrid(fleet, end_us_);
  fleet.now_us = end_us_;
  for (Device& device : fleet.devices) device.board.settle(end_us_);
  if (fleet.phases) {  // the last step's charge; the age is closed once the other actors have stopped
    for (Device& device : fleet.devices)
      fleet.phases->on_step(device.board.device_id(), device.journey_step + 1, device.board.ledger().total_charge_c());
  }
  sample();
  progress_->finish(seconds_of(fleet.now_us), fleet.device_events);
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
      if (!device.board.take_brown_out_event(event.generation)) return;  // the load changed since
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
      fleet.gateway_inboxes[reception.gateway]->count_reception(seconds_of(fleet.now_us));
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
  row.time_s = seconds_of(fleet.now_us);
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
