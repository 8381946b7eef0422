#pragma once
// Writes a Scenario back out as YAML (scenario.resolved.yaml in every run folder): every field, in
// SI units, in a fixed order. Loading the text again gives an identical Scenario, so a run can be
// repeated from its own output. Hand-written text: only the loader uses yaml-cpp.
#include <string>

#include "sim/scenario/scenario.hpp"

namespace fleet::sim {

std::string to_resolved_yaml(const Scenario& scenario);

}  // namespace fleet::sim
