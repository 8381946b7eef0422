#pragma once
// The rendered error a scenario text raises (file:line:col, message, excerpt), or "no error": what the
// loader tests compare with the exact message a user would see.
#include <string>
#include <vector>

#include "sim/scenario/scenario_error.hpp"
#include "sim/scenario/scenario_loader.hpp"

namespace fleet::sim::test {

inline std::string error_of(const std::string& text, const std::vector<std::string>& overrides = {}) {
  try {
    load_scenario_text(text, "s.yaml", overrides);
  } catch (const ScenarioError& error) {
    return error.render();
  }
  return "no error";
}

}  // namespace fleet::sim::test
