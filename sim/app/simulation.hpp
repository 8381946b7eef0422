#pragma once
// One run: build the world and the fleet, run the SimGrid engine, write the run folder.
#include <string>
#include <vector>

#include "sim/app/cli.hpp"
#include "sim/scenario/scenario.hpp"

namespace fleet::sim {

// Returns the process exit status (0, or 1 when the run's own checks fail). Throws on I/O errors.
int run_simulation(const Scenario& scenario, const CliOptions& options, const std::vector<std::string>& command_line);

}  // namespace fleet::sim
