#include "sim/report/run_totals.hpp"

#include "models/battery.hpp"

namespace fleet::sim {

std::uint64_t RecordTotals::lost_total() const {
  std::uint64_t lost = dropped_queue_full + dropped_gateway_buffer;
  for (std::uint64_t n : lost_radio) lost += n;
  return lost;
}

std::uint64_t RecordTotals::accounted() const { return delivered + lost_total() + queued_on_device + on_air + in_flight; }

// A device that browned out lived until then; the others are extrapolated with their battery model.
static double projected_life_s(const Device& device, double window_s) {
  if (device.browned_out) return static_cast<double>(device.browned_out_at_us) * 1e-6;
  return models::projected_lifetime_s(device.board.battery(), window_s);
}

RunTotals compute_totals(const FleetRuntime& fleet, double duration_s) {
  RunTotals totals;
  for (const Device& device : fleet.devices) {
    const hw::FirmwareStats& stats = device.firmware.stats();
    totals.records.generated += device.records_generated();
    totals.records.dropped_queue_full += device.records_dropped();
    totals.records.queued_on_device += device.records_queued();
    for (std::size_t r = 0; r < RADIO_LOSS_COUNT; ++r) totals.records.lost_radio[r] += device.records_lost[r];
    // A frame whose TX_END falls after the end of the run is still on air.
    if (device.board.tx_active() && device.board.transmission().end_us > fleet.now_us)
      totals.records.on_air += device.board.tx_records_leaving();
    totals.frames_sent += device.frames_sent();
    totals.frames_lost += device.frames_lost;
    totals.duty_cycle_deferrals += stats.tx_deferred_duty_cycle;
    totals.confirmed_frames_sent += device.board.confirmed_frames_sent();
    totals.frames_acked += device.frames_acked;
    totals.downlinks_sent += device.downlinks_sent;
    totals.downlinks_received += device.downlinks_received;
    totals.adr_commands_sent += device.adr_commands_sent;
    totals.adr_commands_applied += stats.downlinks_applied;
    for (std::size_t r = 0; r < DOWNLINK_LOSS_COUNT; ++r) totals.downlinks_lost[r] += device.downlinks_lost[r];
    totals.browned_out += device.browned_out ? 1 : 0;

    const models::EnergyLedger& ledger = device.board.ledger();
    for (std::size_t c = 0; c < hw::COMPONENT_COUNT; ++c) totals.energy.component_charge_c[c] += ledger.component_charge_c(c);
    totals.energy.ledger_total_c += ledger.total_charge_c();
    totals.energy.battery_drawn_c += device.board.battery().charge_drawn_c();

    DeviceSummary summary;
    summary.mean_current_a = duration_s > 0 ? ledger.total_charge_c() / duration_s : 0.0;
    summary.battery_life_years = projected_life_s(device, duration_s) / models::SECONDS_PER_YEAR;
    totals.devices.push_back(summary);
  }
  for (const DeviceDeliveries& device : fleet.deliveries.devices) {
    totals.duplicate_copies += device.duplicate_copies;
    totals.duplicate_records += device.duplicate_records;
  }
  totals.records.delivered = fleet.deliveries.records_delivered;
  totals.records.in_flight = fleet.backhaul.records_in_flight();
  totals.records.dropped_gateway_buffer = fleet.deliveries.records_lost_gateway_buffer;
  return totals;
}

}  // namespace fleet::sim
