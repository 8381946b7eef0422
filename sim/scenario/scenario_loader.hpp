#pragma once
// Reads a scenario YAML file into a fully resolved Scenario (SI units, defaults filled in).
// The loader (this entry, its section readers and scenario_fields.hpp) and the text check are the
// scenario's only readers of YAML. Every problem with the input (syntax, unknown or misspelt keys,
// wrong types, bad units, out-of-range values, bad --set overrides, unreadable file) is thrown as
// a ScenarioError that points at the offending text; no yaml-cpp exception escapes.
// The format is documented in scenarios/README.md.
#include <string>
#include <vector>

#include "sim/scenario/scenario.hpp"
#include "sim/scenario/scenario_error.hpp"

namespace fleet::sim {

// `overrides` are "key.path=value" strings from --set (e.g. "fleet.containers=10000",
// "radio.spreading_factor=auto", "port.gateways[0].lat=43.4"). Each value is parsed as YAML and
// replaces the node at that path before validation, so it is checked exactly like file content.
// Later overrides win over earlier ones.
Scenario load_scenario(const std::string& path, const std::vector<std::string>& overrides = {});

// Same, from text already in memory; `display_name` is what error messages call the file and what
// Scenario::source_path is set to.
Scenario load_scenario_text(const std::string& yaml_text, const std::string& display_name,
                            const std::vector<std::string>& overrides = {});

}  // namespace fleet::sim
