#pragma once
// The short, human-readable summary printed at the end of a run.
#include <ostream>
#include <string>

#include "sim/books/backhaul_book.hpp"
#include "sim/fleet/fleet_runtime.hpp"
#include "sim/report/run_outputs.hpp"
#include "sim/report/run_totals.hpp"
#include "sim/world/world.hpp"

namespace fleet::sim {

void print_console_summary(std::ostream& out, const FleetRuntime& fleet, const World& world, const BackhaulBook& backhaul,
                           const RunTotals& totals, const Manifest& manifest, const std::string& run_dir);

}  // namespace fleet::sim
