#include "sim/report/run_outputs.hpp"

#include <algorithm>
#include <fstream>
#include <simgrid/version.h>
#include <stdexcept>

#include "fleetsim_version.hpp"
#include "sim/scenario/battery_setup.hpp"
#include "sim/report/delivery_tail.hpp"
#include "sim/base/output_file.hpp"
#include "sim/base/json_writer.hpp"
#include "sim/report/network_outputs.hpp"
#include "sim/report/voyage_outputs.hpp"

namespace fleet::sim {

namespace fs = std::filesystem;

namespace {
using models::COULOMBS_PER_MAH;

std::vector<double> as_doubles(const std::vector<std::uint32_t>& counts) { return {counts.begin(), counts.end()}; }
std::uint32_t frames_peak(const std::vector<std::uint32_t>& counts) {
  return counts.empty() ? 0 : *std::max_element(counts.begin(), counts.end());
}
}  // namespace

double fleet_percentile(std::vector<double> values, double p) {
  if (values.empty()) return 0.0;
  std::sort(values.begin(), values.end());
  const double rank = p / 100.0 * static_cast<double>(values.size() - 1);
  const auto lower = static_cast<std::size_t>(rank);
  const std::size_t upper = std::min(lower + 1, values.size() - 1);
  return values[lower] + (rank - static_cast<double>(lower)) * (values[upper] - values[lower]);
}

void write_manifest(const fs::path& dir, const Manifest& manifest) {
  const fs::path path = dir / "manifest.json";
  std::ofstream out = open_output(path);
  JsonWriter json(out);
  json.begin_object();
  json.value("fleetsim_version", FLEETSIM_VERSION);
  json.value("git_revision", FLEETSIM_GIT_REVISION);
  json.value("simgrid_version", std::to_string(SIMGRID_VERSION_MAJOR) + "." + std::to_string(SIMGRID_VERSION_MINOR) +
                                    "." + std::to_string(SIMGRID_VERSION_PATCH));
  json.begin_array("command");
  for (const std::string& word : manifest.command) json.value("", word);
  json.end_array();
  json.value("scenario_file", manifest.scenario_file);
  json.value("seed", manifest.seed);
  json.value("started_utc", manifest.started_utc);
  json.value("wall_time_s", manifest.wall_time_s);
  json.value("simulated_s", manifest.simulated_s);
  json.value("device_events", manifest.device_events);
  json.value("completed", manifest.completed);
  json.value("interrupted", manifest.interrupted);
  if (manifest.interrupted) json.value("interrupted_by", manifest.interrupted_by);
  json.begin_array("outputs");
  for (const std::string& name : manifest.outputs) json.value("", name);
  json.end_array();
  json.end_object();
  close_output(out, path);
}

void write_summary_json(const fs::path& dir, const FleetRuntime& fleet, const World& world, const RunTotals& totals,
                        const BackhaulBook& backhaul) {
  const Scenario& scenario = fleet.scenario;
  const fs::path path = dir / "summary.json";
  std::ofstream out = open_output(path);
  JsonWriter json(out);
  const RecordTotals& records = totals.records;
  const double days = scenario.duration_s / 86400.0;

  json.begin_object();
  json.value("scenario", scenario.name);
  json.value("seed", scenario.seed);
  json.value("duration_s", scenario.duration_s);
  json.value("containers", scenario.fleet.containers);
  json.value("gateways", static_cast<std::uint32_t>(fleet.medium.gateway_count()));

  json.begin_object("records");
  json.value("generated", records.generated);
  json.value("delivered", records.delivered);
  json.begin_object("lost");
  for (std::size_t r = 0; r < RADIO_LOSS_COUNT; ++r)
    json.value(radio_loss_name(static_cast<RadioLoss>(r)), records.lost_radio[r]);
  json.value("queue_full", records.dropped_queue_full);
  json.value("gateway_buffer_full", records.dropped_gateway_buffer);
  json.end_object();
  json.value("lost_total", records.lost_total());
  json.value("duplicates_at_server", totals.duplicate_records);
  json.value("queued_on_device", records.queued_on_device);
  json.value("on_air", records.on_air);
  json.value("in_flight", records.in_flight);
  json.value("balanced", records.accounted() == records.generated);
  json.value("delivery_ratio",
             records.generated ? static_cast<double>(records.delivered) / static_cast<double>(records.generated) : 0.0);
  json.end_object();

  const DeliveryTail tail = delivery_tail(fleet);
  json.begin_object("device_delivery_ratio");
  json.value("devices", tail.devices);
  json.value("p1", tail.p1);
  json.value("p5", tail.p5);
  json.value("min", tail.min);
  json.value("worst_device", tail.worst_device);
  json.end_object();

  json.begin_object("frames");
  json.value("sent", totals.frames_sent);
  json.value("lost", totals.frames_lost);
  json.value("duplicate_copies", totals.duplicate_copies);
  json.value("duty_cycle_deferrals", totals.duty_cycle_deferrals);
  json.value("confirmed_sent", totals.confirmed_frames_sent);
  json.value("acked", totals.frames_acked);
  json.end_object();

  json.begin_object("downlinks");
  json.value("sent", totals.downlinks_sent);
  json.value("received", totals.downlinks_received);
  json.value("adr_commands_sent", totals.adr_commands_sent);
  json.value("adr_commands_applied", totals.adr_commands_applied);
  json.begin_object("lost");
  for (std::size_t r = 0; r < DOWNLINK_LOSS_COUNT; ++r)
    json.value(downlink_loss_name(static_cast<DownlinkLoss>(r)), totals.downlinks_lost[r]);
  json.end_object();
  json.end_object();

  const models::LogHistogram& latency = fleet.deliveries.latency_s;
  json.begin_object("latency_s");
  write_histogram_fields(json, latency);
  json.value("idle_backhaul", world.gateway_to_server_latency_s);
  json.end_object();

  std::vector<double> age_s;
  for (const DeviceDeliveries& device : fleet.deliveries.devices) {
    if (device.records_delivered > 0) age_s.push_back(device.age.time_average_s(scenario.duration_s));
  }
  json.begin_object("age_of_information_s");
  json.value("devices_with_deliveries", static_cast<std::uint64_t>(age_s.size()));
  json.value("p50", fleet_percentile(age_s, 50));
  json.value("p95", fleet_percentile(age_s, 95));
  json.end_object();

  const EnergyTotals& energy = totals.energy;
  const double device_days = days * scenario.fleet.containers;
  json.begin_object("energy");
  json.value("charge_per_device_day_mah", device_days > 0 ? energy.ledger_total_c / COULOMBS_PER_MAH / device_days : 0.0);
  json.begin_object("by_component_mah");
  for (std::size_t c = 0; c < hw::COMPONENT_COUNT; ++c) json.value(COMPONENT_NAMES[c], energy.component_charge_c[c] / COULOMBS_PER_MAH);
  json.end_object();
  json.value("components_total_mah", energy.ledger_total_c / COULOMBS_PER_MAH);
  json.value("battery_drawn_mah", energy.battery_drawn_c / COULOMBS_PER_MAH);
  json.end_object();

  std::vector<double> life_years;
  for (const DeviceSummary& device : totals.devices) life_years.push_back(device.battery_life_years);
  json.begin_object("battery_life_years");
  json.value("model", std::string(battery_model_name(scenario.fleet.device.battery)));
  json.value("p5", fleet_percentile(life_years, 5));
  json.value("p50", fleet_percentile(life_years, 50));
  json.value("p95", fleet_percentile(life_years, 95));
  json.value("browned_out_devices", totals.browned_out);
  json.end_object();

  json.begin_array("gateway_load");
  const auto& radio_stats = fleet.medium.gateway_stats();
  for (std::size_t g = 0; g < radio_stats.size(); ++g) {
    json.begin_object();
    json.value("name", fleet.gateway_names[g]);
    json.value("frames_received", radio_stats[g].frames_received);
    json.value("frames_per_hour", days > 0 ? static_cast<double>(radio_stats[g].frames_received) / (days * 24) : 0.0);
    json.value("airtime_fraction", radio_stats[g].airtime_received_s / scenario.duration_s);
    json.value("downlinks_sent", radio_stats[g].downlinks_sent);
    json.value("transmit_fraction", radio_stats[g].airtime_transmitted_s / scenario.duration_s);
    json.end_object();
  }
  json.end_array();
  std::vector<std::uint64_t> buffered_at_end;
  for (const auto& inbox : fleet.gateway_inboxes) buffered_at_end.push_back(inbox->buffered_now);
  write_backhaul_summary(json, world, backhaul, buffered_at_end);
  if (fleet.phases) write_voyage_summary(json, scenario, world, backhaul, *fleet.phases);
  json.end_object();
  close_output(out, path);
}

void write_devices_csv(const fs::path& dir, const FleetRuntime& fleet, const RunTotals& totals) {
  const fs::path path = dir / "devices.csv";
  std::ofstream out = open_output(path);
  // The loss columns follow RadioLoss, so a new reason gets its column without a hand-kept index.
  out << "device_id,east_m,north_m,spreading_factor,tx_power_dbm,best_gateway,best_rssi_dbm,records_generated,records_delivered,";
  for (std::size_t r = 0; r < RADIO_LOSS_COUNT; ++r) out << "records_lost_" << radio_loss_name(static_cast<RadioLoss>(r)) << ',';
  out << "records_lost_gateway_buffer_full,records_dropped_queue_full,"
         "records_queued,frames_sent,airtime_s,duty_cycle_deferrals,confirmed_frames_sent,frames_acked,downlinks_sent,"
         "downlinks_received,adr_commands_sent,adr_commands_applied,";
  for (std::size_t r = 0; r < DOWNLINK_LOSS_COUNT; ++r) out << "downlinks_lost_" << downlink_loss_name(static_cast<DownlinkLoss>(r)) << ',';
  out << "latency_mean_s,age_of_information_mean_s,"
         "charge_mcu_mah,charge_lora_radio_mah,charge_gnss_mah,charge_sensors_mah,charge_modem_mah,"
         "charge_total_mah,mean_current_ua,state_of_charge,battery_life_years,gnss_fixes,gnss_failures,browned_out,"
         "browned_out_at_s\n";
  for (const Device& device : fleet.devices) {
    const std::uint32_t id = device.board.device_id();
    const hw::FirmwareStats& stats = device.firmware.stats();
    const DeviceDeliveries& delivered = fleet.deliveries.devices[id];
    const models::EnergyLedger& ledger = device.board.ledger();
    std::string line;
    for (const std::string& field :
         {format_number(id), format_number(device.board.position().east_m), format_number(device.board.position().north_m),
          format_number(int{device.firmware.config().spreading_factor}),
          format_number(int{device.firmware.config().tx_power_dbm}), csv_field(fleet.gateway_names[fleet.medium.best_gateway(id)]),
          format_number(double{fleet.medium.best_rssi_dbm(id)}), format_number(device.records_generated()),
          format_number(delivered.records_delivered)}) {
      line += field + ',';
    }
    for (std::uint32_t lost : device.records_lost) line += format_number(lost) + ',';
    line += format_number(delivered.records_lost_gateway_buffer) + ',';
    for (const std::string& field :
         {format_number(device.records_dropped()), format_number(device.records_queued()), format_number(device.frames_sent()),
          format_number(device.board.airtime_s()), format_number(stats.tx_deferred_duty_cycle),
          format_number(device.board.confirmed_frames_sent()), format_number(device.frames_acked),
          format_number(device.downlinks_sent), format_number(device.downlinks_received),
          format_number(device.adr_commands_sent), format_number(stats.downlinks_applied)}) {
      line += field + ',';
    }
    for (std::uint32_t lost : device.downlinks_lost) line += format_number(lost) + ',';
    for (const std::string& field :
         {
          format_number(delivered.records_delivered ? delivered.latency_sum_s / delivered.records_delivered : 0.0),
          format_number(delivered.records_delivered ? delivered.age.time_average_s(fleet.scenario.duration_s) : 0.0)}) {
      line += field + ',';
    }
    for (std::size_t c = 0; c < hw::COMPONENT_COUNT; ++c) line += format_number(ledger.component_charge_c(c) / COULOMBS_PER_MAH) + ',';
    line += format_number(ledger.total_charge_c() / COULOMBS_PER_MAH) + ',';
    line += format_number(totals.devices[id].mean_current_a * 1e6) + ',';
    line += format_number(device.board.battery().state_of_charge()) + ',';
    line += format_number(totals.devices[id].battery_life_years) + ',';
    line += format_number(device.board.gnss_fixes()) + ',' + format_number(device.board.gnss_failures()) + ',';
    line += device.browned_out ? "1," + format_number(static_cast<double>(device.browned_out_at_us) * 1e-6) + "\n" : "0,\n";
    out << line;
  }
  close_output(out, path);
}

void write_gateways_csv(const fs::path& dir, const FleetRuntime& fleet, const World& world) {
  const fs::path path = dir / "gateways.csv";
  std::ofstream out = open_output(path);
  // The loss columns follow RadioLoss, like devices.csv (out_of_coverage and brown_out stay 0 here:
  // they belong to devices, not to a gateway).
  out << "gateway,lat_deg,lon_deg,east_m,north_m,frames_received,";
  for (std::size_t r = 0; r < RADIO_LOSS_COUNT; ++r) out << "frames_lost_" << radio_loss_name(static_cast<RadioLoss>(r)) << ',';
  out << "airtime_received_s,forwarded_frames,forwarded_bytes,copies_buffered,buffer_peak,copies_dropped_buffer_full,"
         "buffered_at_end,frames_per_interval_peak,frames_per_interval_p95\n";
  // Every gateway, radio ones first; a hub moves and a cellular network has no radio of ours: their
  // position columns stay empty, and a cellular network's radio columns are 0.
  const auto& stats = fleet.medium.gateway_stats();
  for (std::size_t g = 0; g < fleet.gateway_inboxes.size(); ++g) {
    const World::Site& site = world.gateway_sites[g];
    const GatewayRadioStats radio = g < stats.size() ? stats[g] : GatewayRadioStats{};
    std::string line = csv_line({csv_field(fleet.gateway_names[g]), site.fixed ? format_number(site.position.lat_deg) : "",
                                 site.fixed ? format_number(site.position.lon_deg) : "",
                                 site.fixed ? format_number(site.local.east_m) : "", site.fixed ? format_number(site.local.north_m) : "",
                                 format_number(radio.frames_received)});
    line.pop_back();  // csv_line ends the line; the loss columns follow
    for (std::uint64_t lost : radio.frames_lost) line += ',' + format_number(lost);
    const GatewayInbox& inbox = *fleet.gateway_inboxes[g];
    out << line << ','
        << csv_line({format_number(radio.airtime_received_s), format_number(inbox.forwarded_frames),
                     format_number(inbox.forwarded_bytes), format_number(inbox.copies_buffered),
                     format_number(inbox.buffer_peak), format_number(inbox.copies_dropped_buffer_full),
                     format_number(inbox.buffered_now), format_number(frames_peak(inbox.frames_per_bin)),
                     format_number(fleet_percentile(as_doubles(inbox.frames_per_bin), 95))});
  }
  close_output(out, path);
}

void write_timeseries_csv(const fs::path& dir, const TimeSeries& series) {
  const fs::path path = dir / "timeseries.csv";
  std::ofstream out = open_output(path);
  out << "time_s,records_generated,records_delivered,records_lost,records_queued,mean_state_of_charge,"
         "charge_drawn_mah\n";
  for (const TimeSeriesRow& row : series) {
    out << csv_line({format_number(row.time_s), format_number(row.records_generated), format_number(row.records_delivered),
                     format_number(row.records_lost), format_number(row.records_queued),
                     format_number(row.mean_state_of_charge), format_number(row.charge_drawn_mah)});
  }
  close_output(out, path);
}

void write_latency_csv(const fs::path& dir, const FleetRuntime& fleet) {
  const fs::path path = dir / "latency_percentiles.csv";
  std::ofstream out = open_output(path);
  out << "percentile,latency_s\n";
  const models::LogHistogram& latency = fleet.deliveries.latency_s;
  if (latency.count() > 0) {
    for (double p = 0; p <= 100.0; p += 0.5) out << csv_line({format_number(p), format_number(latency.percentile(p))});
  }
  close_output(out, path);
}

}  // namespace fleet::sim
