#include "sim/report/voyage_outputs.hpp"

#include <algorithm>
#include <fstream>
#include <map>

#include "models/battery_params.hpp"
#include "models/satellite_link.hpp"
#include "sim/base/output_file.hpp"
#include "sim/base/text_format.hpp"

namespace fleet::sim {

namespace fs = std::filesystem;

namespace {
using models::COULOMBS_PER_MAH;
constexpr double S_PER_DAY = 86400.0;

const char* phase_name(std::size_t phase) { return models::to_string(static_cast<models::JourneyPhase>(phase)); }

double mah_per_device_day(const PhaseTotals& phase) {
  return phase.device_s > 0 ? phase.charge_c / COULOMBS_PER_MAH / (phase.device_s / S_PER_DAY) : 0.0;
}
}  // namespace

void write_phases_csv(const fs::path& dir, const PhaseBook& phases) {
  const fs::path path = dir / "phases.csv";
  std::ofstream out = open_output(path);
  out << "phase,device_days,charge_mah,mah_per_device_day,age_observed_device_days,age_of_information_mean_s\n";
  const auto row = [&](const std::string& name, const PhaseTotals& phase) {
    out << csv_line({name, format_number(phase.device_s / S_PER_DAY), format_number(phase.charge_c / COULOMBS_PER_MAH),
                     format_number(mah_per_device_day(phase)), format_number(phase.age_observed_s / S_PER_DAY),
                     phase.age_observed_s > 0 ? format_number(phase.age_mean_s()) : ""});  // no age: empty
  };
  for (std::size_t p = 0; p < JOURNEY_PHASE_COUNT; ++p) row(phase_name(p), phases.totals()[p]);
  // Several vessel legs: the same per stage ("leg2/yard" is the transshipment yard before leg 2,
  // "inland/road" the truck after the last discharge), the phases a stage spent time in.
  const auto& stages = phases.stage_totals();
  if (stages.size() > 2) {
    for (std::size_t stage = 0; stage < stages.size(); ++stage) {
      const std::string prefix = stage + 1 == stages.size() ? "inland/" : "leg" + std::to_string(stage + 1) + "/";
      for (std::size_t p = 0; p < JOURNEY_PHASE_COUNT; ++p)
        if (stages[stage][p].device_s > 0) row(prefix + phase_name(p), stages[stage][p]);
    }
  }
  close_output(out, path);
}

void write_link_load_csv(const fs::path& dir, const World& world, const BackhaulBook& book) {
  const fs::path path = dir / "link_load.csv";
  std::ofstream out = open_output(path);
  out << "time_s,link,kind,bytes,mean_bps\n";
  for (std::size_t l = 0; l < book.links.size(); ++l) {
    const NetworkLink& link = world.network.links[l];
    if (link.kind != LinkKind::SATELLITE && link.kind != LinkKind::CELLULAR) continue;
    const std::vector<std::uint64_t>& bins = book.links[l].bytes_per_bin;
    for (std::size_t b = 0; b < bins.size(); ++b) {
      out << csv_line({format_number(static_cast<double>(b) * book.bin_s), csv_field(link.name),
                       std::string(link_kind_name(link.kind)), format_number(bins[b]),
                       format_number(static_cast<double>(bins[b]) * 8 / book.bin_s)});
    }
  }
  close_output(out, path);
}

SatelliteBill satellite_bill(const Scenario& scenario, const World& world, const BackhaulBook& book) {
  std::map<std::string, double> price_of_link;
  for (const VoyageShip& ship : voyage_ships(scenario.voyage))
    price_of_link[satellite_link_name(ship.name)] = scenario.voyage.services[ship.service].ships.hub.price_usd_per_mb;
  const double first_price = scenario.voyage.services.front().ships.hub.price_usd_per_mb;
  const bool one_price = std::all_of(scenario.voyage.services.begin(), scenario.voyage.services.end(),
                                     [&](const ServiceSpec& service) { return service.ships.hub.price_usd_per_mb == first_price; });
  SatelliteBill bill;
  for (std::size_t l = 0; l < book.links.size(); ++l) {
    const NetworkLink& link = world.network.links[l];
    if (link.kind != LinkKind::SATELLITE) continue;
    const double cost_usd = models::transfer_cost_usd(book.links[l].bytes, price_of_link.at(link.name));
    bill.links.push_back({link.name, book.links[l].bytes, cost_usd});
    bill.bytes += book.links[l].bytes;
    bill.cost_usd += cost_usd;
  }
  if (one_price) {
    bill.price_usd_per_mb = first_price;
    bill.cost_usd = models::transfer_cost_usd(bill.bytes, first_price);
  }
  return bill;
}

void write_voyage_summary(JsonWriter& json, const Scenario& scenario, const World& world, const BackhaulBook& book,
                          const PhaseBook& phases) {
  const SatelliteBill bill = satellite_bill(scenario, world, book);
  json.begin_object("voyage");
  json.value("ships", static_cast<int>(voyage_ship_count(scenario.voyage)));
  json.begin_object("satellite");
  json.begin_array("links");
  for (const SatelliteBill::Link& link : bill.links) {
    json.begin_object();
    json.value("name", link.name);
    json.value("bytes", link.bytes);
    json.value("cost_usd", link.cost_usd);
    json.end_object();
  }
  json.end_array();
  json.value("bytes", bill.bytes);
  if (bill.price_usd_per_mb) json.value("price_usd_per_mb", *bill.price_usd_per_mb);
  json.value("cost_usd", bill.cost_usd);
  json.end_object();
  json.begin_object("phases");
  for (std::size_t p = 0; p < JOURNEY_PHASE_COUNT; ++p) {
    const PhaseTotals& phase = phases.totals()[p];
    json.begin_object(phase_name(p));
    json.value("device_days", phase.device_s / S_PER_DAY);
    json.value("charge_mah", phase.charge_c / COULOMBS_PER_MAH);
    json.value("mah_per_device_day", mah_per_device_day(phase));
    json.value("age_of_information_mean_s", phase.age_mean_s());
    json.end_object();
  }
  json.end_object();
  json.end_object();
}

}  // namespace fleet::sim
