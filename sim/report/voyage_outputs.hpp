#pragma once
// What the voyage world adds to a run's outputs: battery drain and age of information per phase of
// the journey (phases.csv), the load over time of the satellite and cellular links (link_load.csv),
// and the satellite bill (summary.json "voyage").
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "sim/books/backhaul_book.hpp"
#include "sim/base/json_writer.hpp"
#include "sim/voyage/phase_book.hpp"
#include "sim/scenario/scenario.hpp"
#include "sim/world/world.hpp"

namespace fleet::sim {

void write_phases_csv(const std::filesystem::path& dir, const PhaseBook& phases);
// Every bin of the run for each satellite and cellular link: bytes and mean throughput in the bin.
void write_link_load_csv(const std::filesystem::path& dir, const World& world, const BackhaulBook& book);
// The satellite links' bytes and their cost: each link at its ship's service's price. When every
// service pays the same, that price is kept and the total is billed at it (one rounding, not one per ship).
struct SatelliteBill {
  struct Link {
    std::string name;
    std::uint64_t bytes = 0;
    double cost_usd = 0;
  };
  std::vector<Link> links;
  std::uint64_t bytes = 0;
  double cost_usd = 0;
  std::optional<double> price_usd_per_mb;  // empty: the services' prices differ
};
SatelliteBill satellite_bill(const Scenario& scenario, const World& world, const BackhaulBook& book);

// summary.json "voyage": ships, satellite bytes and cost (per ship and in all), phases.
void write_voyage_summary(JsonWriter& json, const Scenario& scenario, const World& world, const BackhaulBook& book,
                          const PhaseBook& phases);

}  // namespace fleet::sim
