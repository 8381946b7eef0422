// libFuzzer target for the scenario loader, through the entry point `fleetsim check` uses: the text of
// a scenario file into load_scenario_text, then the resolved YAML that check prints. Invariants: the
// loader either returns a scenario or throws ScenarioError (no other exception, no crash, no hang,
// no sanitizer report); a scenario it returns prints as resolved YAML that loads back to the same
// scenario (what `check` promises). Any violation traps.
#include <cstddef>
#include <cstdint>
#include <exception>
#include <string>

#include "sim/scenario/scenario_error.hpp"
#include "sim/scenario/scenario_loader.hpp"
#include "sim/scenario/scenario_writer.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace fleet::sim;
  const std::string text(reinterpret_cast<const char*>(data), size);
  Scenario scenario;
  try {
    scenario = load_scenario_text(text, "fuzz.yaml");
  } catch (const ScenarioError&) {
    return 0;  // bad input, reported as such
  } catch (...) {
    __builtin_trap();  // anything else escaping the loader is a bug
  }
  try {
    const std::string resolved = to_resolved_yaml(scenario);
    Scenario back = load_scenario_text(resolved, "fuzz.yaml");
    back.source_path = scenario.source_path;
    if (!(back == scenario)) __builtin_trap();
  } catch (...) {
    __builtin_trap();  // the resolved scenario of a valid one must load
  }
  return 0;
}
