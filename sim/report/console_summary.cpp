#include "sim/report/console_summary.hpp"

#include <cstdio>
#include <string>

#include "sim/scenario/battery_setup.hpp"
#include "sim/report/delivery_tail.hpp"
#include "sim/report/voyage_outputs.hpp"

namespace fleet::sim {

namespace {
std::string printf_string(const char* format, auto... args) {
  char text[1024];  // the records line lists every loss reason that occurred
  std::snprintf(text, sizeof text, format, args...);
  return text;
}
double percent(std::uint64_t part, std::uint64_t whole) {
  return whole ? 100.0 * static_cast<double>(part) / static_cast<double>(whole) : 0.0;
}

// Voyage world: what the satellite cost, and per phase of the journey the charge and the age.
void print_voyage_lines(std::ostream& out, const Scenario& scenario, const World& world, const BackhaulBook& backhaul,
                        const PhaseBook& phases) {
  const SatelliteBill bill = satellite_bill(scenario, world, backhaul);
  const std::string price =
      bill.price_usd_per_mb ? printf_string(" at $%.2f/MB", *bill.price_usd_per_mb) : std::string(" at each service's price");
  out << printf_string("  satellite  %.1f MB, $%.0f%s\n", static_cast<double>(bill.bytes) / 1e6, bill.cost_usd, price.c_str());
  std::string parts;
  for (std::size_t p = 0; p < JOURNEY_PHASE_COUNT; ++p) {
    const PhaseTotals& phase = phases.totals()[p];
    if (phase.device_s <= 0) continue;
    const double mah_per_day = phase.charge_c / models::COULOMBS_PER_MAH / (phase.device_s / 86400.0);
    parts += printf_string("%s%s %.2f mAh/d", parts.empty() ? "" : "; ",
                           models::to_string(static_cast<models::JourneyPhase>(p)), mah_per_day);
    if (phase.age_observed_s > 0) parts += printf_string(" age %.1f h", phase.age_mean_s() / 3600);
  }
  out << "  phases     " << parts << '\n';
}
}  // namespace

void print_console_summary(std::ostream& out, const FleetRuntime& fleet, const World& world, const BackhaulBook& backhaul,
                           const RunTotals& totals, const Manifest& manifest, const std::string& run_dir) {
  const Scenario& scenario = fleet.scenario;
  const RecordTotals& records = totals.records;
  const models::LogHistogram& latency = fleet.deliveries.latency_s;
  const double days = scenario.duration_s / 86400.0;

  out << printf_string("fleetsim: %s — %u containers, %zu gateways, %.1f days simulated in %.1f s (%.0f device events/s)\n",
                       scenario.name.c_str(), scenario.fleet.containers, fleet.medium.gateway_count(), days,
                       manifest.wall_time_s,
                       manifest.wall_time_s > 0 ? static_cast<double>(manifest.device_events) / manifest.wall_time_s : 0.0);
  // Loss reasons follow the RadioLoss enum; only those that occurred are listed.
  std::string reasons;
  for (std::size_t r = 0; r < RADIO_LOSS_COUNT; ++r) {
    if (records.lost_radio[r] == 0) continue;
    reasons += printf_string("%s %llu, ", std::string(radio_loss_name(static_cast<RadioLoss>(r))).c_str(),
                             static_cast<unsigned long long>(records.lost_radio[r]));
  }
  out << printf_string("  records    %llu generated, %llu delivered (%.2f %%), %llu lost (%squeue full %llu), %llu still queued or in flight\n",
                       static_cast<unsigned long long>(records.generated), static_cast<unsigned long long>(records.delivered),
                       percent(records.delivered, records.generated), static_cast<unsigned long long>(records.lost_total()),
                       reasons.c_str(), static_cast<unsigned long long>(records.dropped_queue_full),
                       static_cast<unsigned long long>(records.queued_on_device + records.on_air + records.in_flight));
  const DeliveryTail tail = delivery_tail(fleet);
  if (tail.devices > 0) {
    out << printf_string("  tail       per-device delivery p1 %.2f %%, p5 %.2f %%, worst device %u at %.2f %%\n",
                         100 * tail.p1, 100 * tail.p5, tail.worst_device, 100 * tail.min);
  }
  if (totals.confirmed_frames_sent > 0 || totals.downlinks_sent > 0) {
    std::string missed;
    for (std::size_t r = 0; r < DOWNLINK_LOSS_COUNT; ++r) {
      if (totals.downlinks_lost[r] == 0) continue;
      missed += printf_string("%s%s %llu", missed.empty() ? "" : ", ", std::string(downlink_loss_name(static_cast<DownlinkLoss>(r))).c_str(),
                              static_cast<unsigned long long>(totals.downlinks_lost[r]));
    }
    out << printf_string("  class A    %llu confirmed frames sent, %llu acked (%.1f %%); downlinks %llu sent, %llu received, lost: %s\n",
                         static_cast<unsigned long long>(totals.confirmed_frames_sent),
                         static_cast<unsigned long long>(totals.frames_acked), percent(totals.frames_acked, totals.confirmed_frames_sent),
                         static_cast<unsigned long long>(totals.downlinks_sent),
                         static_cast<unsigned long long>(totals.downlinks_received), missed.empty() ? "none" : missed.c_str());
  }
  if (latency.count() > 0) {
    out << printf_string("  latency    p50 %.2f s, p95 %.2f s, p99 %.2f s (generation to network server)\n",
                         latency.percentile(50), latency.percentile(95), latency.percentile(99));
  }
  const double device_days = days * scenario.fleet.containers;
  const EnergyTotals& energy = totals.energy;
  // Every component that drew anything, in the HAL's order.
  std::string shares;
  for (std::size_t c = 0; c < hw::COMPONENT_COUNT; ++c) {
    if (energy.component_charge_c[c] <= 0) continue;
    shares += printf_string("%s%s %.0f %%", shares.empty() ? "" : ", ", COMPONENT_NAMES[c],
                            100 * energy.component_charge_c[c] / energy.ledger_total_c);
  }
  out << printf_string("  energy     %.3f mAh per device per day (%s)\n",
                       device_days > 0 ? energy.ledger_total_c / models::COULOMBS_PER_MAH / device_days : 0.0, shares.c_str());
  std::vector<double> life_years;
  for (const DeviceSummary& device : totals.devices) life_years.push_back(device.battery_life_years);
  out << printf_string("  battery    projected life p5 %.1f y, p50 %.1f y, p95 %.1f y (%s model, %.1f Ah, %.0f %% usable)\n",
                       fleet_percentile(life_years, 5), fleet_percentile(life_years, 50), fleet_percentile(life_years, 95),
                       std::string(battery_model_name(scenario.fleet.device.battery)).c_str(), scenario.fleet.device.battery.capacity_c / 3600,
                       100 * scenario.fleet.device.battery.usable_fraction);
  const auto& gateways = fleet.medium.gateway_stats();
  std::size_t busiest = 0;
  for (std::size_t g = 1; g < gateways.size(); ++g)
    if (gateways[g].frames_received > gateways[busiest].frames_received) busiest = g;
  if (!gateways.empty()) {
    out << printf_string("  gateways   busiest %s: %.0f frames/h, %.2f %% of its time receiving\n",
                         fleet.gateway_names[busiest].c_str(),
                         static_cast<double>(gateways[busiest].frames_received) / (days * 24),
                         100 * gateways[busiest].airtime_received_s / scenario.duration_s);
  }
  if (fleet.phases) print_voyage_lines(out, scenario, world, backhaul, *fleet.phases);
  out << "  results    " << run_dir << "/\n";
}

}  // namespace fleet::sim
