#include "sim/fleet_scheduler.hpp"

#include <simgrid/s4u.hpp>

namespace fleet::sim {

namespace {
double to_seconds(hw::TimeUs t_us) { return static_cast<double>(t_us) / 1e6; }
constexpr std::uint32_t FLEET_ENTITY = ~std::uint32_t{0};
}  // namespace

void FleetScheduler::operator()() const {
  FleetRuntime& fleet = *fleet_;
  for (Device& device : fleet.devices) {
    if (device.validation_traffic) {
      fleet.events.push(device.validation_traffic->next_frame_at(0), EventKind::TRAFFIC_FRAME, device.board.device_id());
      continue;
    }
    device.board.charge_firmware_run();
    device.firmware.on_boot();
    check_battery(device);
    schedule_sensor_event(device);
  }
  fleet.events.push(0, EventKind::FLEET_SAMPLE, FLEET_ENTITY);

  while (!fleet.events.empty() && fleet.events.top().at_us <= end_us_) {
    const Event event = fleet.events.pop();
    if (event.at_us > fleet.now_us) {
      simgrid::s4u::this_actor::sleep_until(to_seconds(event.at_us));
      fleet.now_us = event.at_us;
    }
    dispatch(event);
    progress_->update(to_seconds(fleet.now_us), fleet.device_events);
  }
  if (end_us_ > fleet.now_us) simgrid::s4u::this_actor::sleep_until(to_seconds(end_us_));
  fleet.now_us = end_us_;
  for (Device& device : fleet.devices) device.board.settle(end_us_);
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
      break;
    case EventKind::BROWN_OUT:
      if (!device.board.brown_out_is_current(event.generation)) return;  // the load changed since
      device.board.settle(fleet.now_us);
      break;
    case EventKind::TRAFFIC_FRAME:
      ++fleet.device_events;
      device.validation_traffic->send(device.board);
      break;
    case EventKind::SENSOR_EVENT: {
      ++fleet.device_events;
      const hw::SensorEvent sensed = device.board.environment().take();
      device.board.charge_firmware_run();
      device.firmware.on_sensor_event(sensed);
      schedule_sensor_event(device);
      break;
    }
    case EventKind::FLEET_SAMPLE:
      break;
  }
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
  if (device.board.tx_active()) fleet.medium.abort(device.board.transmission());
  const std::uint32_t records_on_air = device.board.power_off();
  if (records_on_air > 0) {
    device.records_lost[static_cast<std::size_t>(RadioLoss::BROWN_OUT)] += records_on_air;
    ++device.frames_lost;
  }
}

void FleetScheduler::end_transmission(Device& device) const {
  FleetRuntime& fleet = *fleet_;
  SimBoard& board = device.board;
  const RadioOutcome& outcome = fleet.medium.end(board.transmission());
  if (outcome.received.empty()) {
    device.records_lost[static_cast<std::size_t>(outcome.loss)] += board.tx_records();
    ++device.frames_lost;
  } else {
    fleet.backhaul.on_received(board.device_id(), board.tx_frame_counter(), board.tx_records(),
                               static_cast<std::uint32_t>(outcome.received.size()));
    for (const Reception& reception : outcome.received) {
      fleet.gateway_inboxes[reception.gateway]->push(
          UplinkMessage{board.device_id(), reception.gateway, fleet.now_us, reception.rssi_dbm, board.tx_frame()});
    }
  }
  board.end_tx();
  if (device.validation_traffic) {
    fleet.events.push(device.validation_traffic->next_frame_at(fleet.now_us), EventKind::TRAFFIC_FRAME,
                      board.device_id());
    return;
  }
  board.charge_firmware_run();
  device.firmware.on_tx_done(hw::TxResult{});
}

void FleetScheduler::sample() const {
  FleetRuntime& fleet = *fleet_;
  for (Device& device : fleet.devices) device.board.settle(fleet.now_us);
  TimeSeriesRow row;
  row.time_s = to_seconds(fleet.now_us);
  double state_of_charge_sum = 0;
  double charge_c = 0;
  for (const Device& device : fleet.devices) {
    const hw::FirmwareStats& stats = device.firmware.stats();
    row.records_generated += device.records_generated();
    row.records_lost += stats.records_dropped_queue_full;
    for (std::uint32_t lost : device.records_lost) row.records_lost += lost;
    row.records_queued += device.firmware.queued_records();
    state_of_charge_sum += device.board.battery().state_of_charge();
    charge_c += device.board.ledger().total_charge_c();
  }
  row.records_delivered = fleet.deliveries.records_delivered;
  row.mean_state_of_charge = fleet.devices.empty() ? 0.0 : state_of_charge_sum / static_cast<double>(fleet.devices.size());
  row.charge_drawn_mah = charge_c / 3.6;
  series_->push_back(row);
}

}  // namespace fleet::sim
