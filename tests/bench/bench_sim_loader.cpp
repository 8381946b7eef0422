// Loading a scenario with many gateways (issue 13): 1,000, 10,000 and 100,000 gateways written one a
// line, from text already in memory (what `fleetsim check` does after reading the file). Loading was
// quadratic in gateways (every name compared with every earlier one: 10,000 took 1.2 s); it is now
// n log n (a map of names). 100,000 gateways are more than 16-bit gateway ids number, so that load
// ends in the limit check (sim/scenario/scenario_limits.hpp), after every gateway has been read: the time is
// still that of reading them all, and the error is the expected outcome (counted in `refused`).
#include <benchmark/benchmark.h>

#include <string>

#include "sim/scenario/scenario_error.hpp"
#include "sim/scenario/scenario_loader.hpp"

namespace {

std::string scenario_with_gateways(int count) {
  std::string text = "name: many\nport:\n  gateways:\n";
  for (int i = 0; i < count; ++i) {
    // Spread over the yard's neighbourhood, so no two gateways stand at one point.
    text += "    - {name: gw-" + std::to_string(i) + ", lat: " + std::to_string(43.40 + (i % 1000) * 1e-5) +
            ", lon: " + std::to_string(4.85 + (i / 1000) * 1e-5) + "}\n";
  }
  return text;
}

void BM_load_gateways(benchmark::State& state) {
  const std::string text = scenario_with_gateways(static_cast<int>(state.range(0)));
  double refused = 0;
  for (auto _ : state) {
    try {
      benchmark::DoNotOptimize(fleet::sim::load_scenario_text(text, "many.yaml"));
    } catch (const fleet::sim::ScenarioError&) {
      ++refused;
    }
  }
  state.SetComplexityN(state.range(0));
  state.counters["refused"] = benchmark::Counter(refused, benchmark::Counter::kAvgIterations);
  state.counters["bytes"] = static_cast<double>(text.size());
}
BENCHMARK(BM_load_gateways)->Arg(1000)->Arg(10000)->Arg(100000)->Unit(benchmark::kMillisecond)->Complexity();

}  // namespace
