#include "sim/app/simulation.hpp"

#include <unistd.h>

#include <chrono>
#include <csignal>
#include <cmath>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>

#include <simgrid/s4u.hpp>

#include "models/lora_link.hpp"
#include "sim/report/console_summary.hpp"
#include "sim/app/engine_options.hpp"
#include "sim/base/interrupt.hpp"
#include "sim/base/output_file.hpp"
#include "sim/app/run_folder.hpp"
#include "sim/scenario/firmware_setup.hpp"
#include "sim/fleet/fleet_scheduler.hpp"
#include "sim/network/gateway_downlinks.hpp"
#include "sim/report/network_outputs.hpp"
#include "sim/network/network_server.hpp"
#include "sim/report/run_outputs.hpp"
#include "sim/report/run_totals.hpp"
#include "sim/scenario/scenario_writer.hpp"
#include "sim/report/voyage_outputs.hpp"
#include "sim/voyage/voyage_world.hpp"
#include "sim/world/world.hpp"

namespace fleet::sim {

namespace fs = std::filesystem;
namespace sg4 = simgrid::s4u;

namespace {

std::string utc_now() {
  const std::time_t now = std::time(nullptr);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", std::gmtime(&now));
  return text;
}

// "auto": the lowest SF its best gateway hears with the margin. A device that travels (voyage world)
// keeps one SF for its whole journey (ADR aside): the one its worst site within reach needs.
int spreading_factor_for(const Scenario& scenario, const RadioMedium& medium, const VoyageWorld* voyage,
                         std::uint32_t device_id) {
  if (scenario.radio.spreading_factor != 0) return scenario.radio.spreading_factor;
  const auto reference = scenario.radio.sf_reference == "device" ? models::SensitivityReference::DEVICE
                                                                 : models::SensitivityReference::GATEWAY;
  float rssi_dbm = medium.best_rssi_dbm(device_id);
  if (voyage) {  // over the sites some gateway hears: a hopeless one would only force SF12 everywhere
    const std::size_t sites = voyage->journey(device_id).sites.size();
    for (std::size_t site = 0; site < sites; ++site) {
      const float site_dbm = medium.best_rssi_dbm(device_id, static_cast<std::uint16_t>(site));
      if (std::isfinite(site_dbm) && (!std::isfinite(rssi_dbm) || site_dbm < rssi_dbm)) rssi_dbm = site_dbm;
    }
  }
  const int sf = models::lowest_spreading_factor(rssi_dbm, scenario.radio.bandwidth_hz,
                                                 scenario.radio.sf_margin_db, reference);
  return sf == 0 ? 12 : sf;  // out of reach at every SF: try the most robust one anyway
}

// The world numbers gateways (names, nodes) and the voyage world numbers hubs and cellular networks
// (the medium's areas, the LTE-M copies' inboxes) in the same order: checked once, so a change to one
// cannot send copies to another gateway's inbox unnoticed.
void check_gateway_numbering(const World& world, const VoyageWorld& voyage, const Scenario& scenario) {
  const auto expect = [&](std::size_t gateway, const std::string& name) {
    if (gateway >= world.gateway_names.size() || world.gateway_names[gateway] != name)
      throw std::logic_error("gateway " + std::to_string(gateway) + " should be " + name);
  };
  const std::vector<VoyageShip> ships = voyage_ships(scenario.voyage);
  for (std::size_t s = 0; s < ships.size(); ++s) expect(voyage.hub_gateway(s), hub_name(ships[s].name));
  for (std::size_t p = 0; p < scenario.ports.size(); ++p)
    expect(voyage.cellular_gateway(static_cast<std::uint16_t>(p)), cellular_node_name(scenario.ports[p].name));
}

// An interrupted run writes no results (they would be a run that did not happen): only the manifest,
// which says so, beside the resolved scenario. Exit status as a shell reports a signal: 128 + it.
int end_interrupted(const fs::path& dir, Manifest& manifest, double simulated_s) {
  const int signal_number = interrupt_signal();
  manifest.completed = false;
  manifest.interrupted = true;
  manifest.interrupted_by = signal_number == SIGTERM ? "SIGTERM" : "SIGINT";
  manifest.simulated_s = simulated_s;
  manifest.outputs = {"scenario.resolved.yaml"};
  write_manifest(dir, manifest);
  std::cerr << "fleetsim: interrupted by " << manifest.interrupted_by << " at " << simulated_s
            << " s simulated; " << (dir / "manifest.json").string() << " says so (no results written)\n";
  return 128 + signal_number;
}

bool energy_balances(const EnergyTotals& energy) {
  const double scale = std::max(1e-30, std::abs(energy.battery_drawn_c));
  return std::abs(energy.ledger_total_c - energy.battery_drawn_c) / scale <= 1e-9;
}

}  // namespace

int run_simulation(const Scenario& scenario, const CliOptions& options, const std::vector<std::string>& command_line) {
  const auto wall_start = std::chrono::steady_clock::now();
  install_interrupt_handlers();
  const RunFolder folder(options.output_dir.empty()
                             ? fs::path("results/runs") / (scenario.name + "-seed" + std::to_string(scenario.seed))
                             : fs::path(options.output_dir),
                         options.overwrite);
  const fs::path& dir = folder.path();

  Manifest manifest;
  manifest.command = command_line;
  manifest.scenario_file = scenario.source_path;
  manifest.seed = scenario.seed;
  manifest.started_utc = utc_now();
  write_manifest(dir, manifest);  // completed: false until the very end
  {
    std::ofstream resolved = open_output(dir / "scenario.resolved.yaml");
    resolved << to_resolved_yaml(scenario);
    close_output(resolved, dir / "scenario.resolved.yaml");
  }

  std::vector<std::string> engine_args = engine_arguments(options.simgrid_args);
  std::vector<char*> engine_argv;
  for (std::string& arg : engine_args) engine_argv.push_back(arg.data());
  int engine_argc = static_cast<int>(engine_argv.size());
  sg4::Engine engine(&engine_argc, engine_argv.data());
  install_interrupt_handlers();  // SimGrid's engine has put its own on SIGINT

  const World world = build_world(scenario);
  std::optional<VoyageWorld> voyage;
  std::vector<models::LocalPoint> positions;
  if (scenario.voyage.enabled) {
    voyage.emplace(scenario);
    check_gateway_numbering(world, *voyage, scenario);
    positions.assign(scenario.fleet.containers, models::LocalPoint{0, 0});  // they move: see voyage_world
  } else {
    positions = place_containers(scenario);
  }
  RadioMedium medium = voyage ? RadioMedium(scenario.radio, voyage->radio_areas(scenario.radio), scenario.seed)
                              : RadioMedium(scenario.radio, world.gateway_positions, scenario.seed);
  for (std::uint32_t id = 0; id < positions.size(); ++id) {
    if (voyage) {
      medium.add_device(voyage->journey(id).sites);
    } else {
      medium.add_device(positions[id]);
    }
  }

  FleetRuntime fleet(scenario, world.frame, std::move(medium), positions.size());
  fleet.gateway_names = world.gateway_names;
  if (voyage) {
    fleet.voyage = &*voyage;
    fleet.phases.emplace(*voyage, scenario.duration_s);
  }
  for (std::uint32_t id = 0; id < positions.size(); ++id) {
    const int sf = spreading_factor_for(scenario, fleet.medium, fleet.voyage, id);
    fleet.devices.emplace_back(fleet, id, positions[id], firmware_config_for(scenario, id, sf));
    if (scenario.radio.traffic.model == "exponential") fleet.devices.back().validation_traffic.emplace(scenario, id, sf);
  }
  BackhaulBook backhaul_book(world.network.links.size(), scenario.duration_s, scenario.network.load_interval_s);
  std::vector<GatewayDownlinks> gateway_downlinks;
  for (std::size_t g = 0; g < world.gateway_nodes.size(); ++g)
    gateway_downlinks.emplace_back(&fleet, static_cast<std::uint16_t>(g));
  NetworkServer server(&fleet, &backhaul_book,
                       DownlinkRoute{&world.platform, world.data_centre_node, world.gateway_nodes, &gateway_downlinks});
  const Backhaul backhaul{&world.platform, &world.network, world.data_centre_node, world.link_up_times_s,
                          &server, &fleet.backhaul, &fleet.deliveries, &backhaul_book, &fleet.answers_pending};
  for (const GatewayPlacement& gateway : world.gateways) {
    fleet.gateway_inboxes.push_back(std::make_shared<GatewayInbox>(backhaul_book.bin_s, backhaul_book.bin_count));
    start_gateway(backhaul, gateway, fleet.gateway_inboxes.back());
  }
  const std::vector<std::string> radio_gateways(world.gateway_names.begin(),
                                                world.gateway_names.begin() + static_cast<std::ptrdiff_t>(world.radio_gateway_count));
  schedule_gateway_outages(scenario.network.gateway_outages, radio_gateways, fleet.medium);

  const auto end_us = static_cast<hw::TimeUs>(std::llround(scenario.duration_s * 1e6));
  Progress progress(!options.quiet && isatty(STDERR_FILENO), scenario.duration_s);
  TimeSeries series;
  sg4::Actor::create("fleet-scheduler", world.air,
                     FleetScheduler(&fleet, end_us, std::max<hw::TimeUs>(1, std::llround(scenario.output.timeseries_interval_s * 1e6)),
                                    &progress, &series));
  engine.run();
  if (run_interrupted()) {
    manifest.wall_time_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - wall_start).count();
    manifest.device_events = fleet.device_events;
    return end_interrupted(dir, manifest, seconds_of(fleet.now_us));
  }
  if (fleet.phases) {
    std::vector<const models::AgeOfInformation*> ages;
    for (const DeviceDeliveries& delivered : fleet.deliveries.devices) ages.push_back(&delivered.age);
    fleet.phases->close(ages, scenario.duration_s);
  }

  RunTotals totals = compute_totals(fleet, scenario.duration_s);
  write_summary_json(dir, fleet, world, totals, backhaul_book);
  write_devices_csv(dir, fleet, totals);
  write_gateways_csv(dir, fleet, world);
  write_timeseries_csv(dir, series);
  write_latency_csv(dir, fleet);
  write_paths_csv(dir, world, backhaul_book);
  write_path_percentiles_csv(dir, world, backhaul_book);
  write_links_csv(dir, world, backhaul_book);
  write_latency_timeseries_csv(dir, backhaul_book);
  if (fleet.phases) {
    write_phases_csv(dir, *fleet.phases);
    write_link_load_csv(dir, world, backhaul_book);
  }

  const bool records_balance = totals.records.accounted() == totals.records.generated;
  const bool energy_balance = energy_balances(totals.energy);
  if (!records_balance || !energy_balance) {
    std::cerr << "fleetsim: internal error: the books do not close ("
              << (records_balance ? "" : "records generated != delivered + lost + queued + in flight; ")
              << (energy_balance ? "" : "component charge != battery charge drawn; ") << "see " << (dir / "summary.json").string()
              << "). The run folder is marked incomplete.\n";
    return 1;
  }

  manifest.simulated_s = scenario.duration_s;
  manifest.wall_time_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - wall_start).count();
  manifest.device_events = fleet.device_events;
  if (run_interrupted()) return end_interrupted(dir, manifest, scenario.duration_s);
  manifest.completed = true;
  manifest.outputs = {"scenario.resolved.yaml", "summary.json", "devices.csv", "gateways.csv", "timeseries.csv",
                      "latency_percentiles.csv", "paths.csv", "path_percentiles.csv", "links.csv",
                      "latency_timeseries.csv"};
  if (fleet.phases) manifest.outputs.insert(manifest.outputs.end(), {"phases.csv", "link_load.csv"});
  write_manifest(dir, manifest);
  if (!options.quiet) print_console_summary(std::cout, fleet, world, backhaul_book, totals, manifest, dir.string());
  return 0;
}

}  // namespace fleet::sim
