// Hot-path costs of the models: one call each, as the FleetScheduler and RadioMedium make them.
#include <benchmark/benchmark.h>

#include <array>
#include <cstdint>

#include "models/age_of_information.hpp"
#include "models/battery.hpp"
#include "models/energy_ledger.hpp"
#include "models/geo.hpp"
#include "models/log_histogram.hpp"
#include "models/lora_interference.hpp"
#include "models/lora_link.hpp"
#include "models/path_loss.hpp"
#include "models/random_stream.hpp"

namespace {

using namespace fleet::models;

// One battery update per model: a sleep interval then a TX pulse, as the ledger feeds them (two draws per
// iteration, so halve the time for one update). O(1) per interval whatever its length.
BatteryParams params_for(int model_index) {
  BatteryParams params;
  const BatteryModel models[] = {IdealModel{}, PeukertModel{1.2, 5e-3}, KibamModel{}, RvModel{}};
  params.model = models[model_index];
  return params;
}

void BM_BatteryDraw(benchmark::State& state) {
  Battery battery(params_for(static_cast<int>(state.range(0))));
  for (auto _ : state) {
    battery.draw(2e-6, 3600.0);
    battery.draw(45e-3, 0.205824);
  }
  benchmark::DoNotOptimize(battery.spent_c());
  state.SetItemsProcessed(2 * state.iterations());
  state.SetLabel(std::array{"ideal", "peukert", "kibam", "rakhmatov_vrudhula"}[state.range(0)]);
}
BENCHMARK(BM_BatteryDraw)->DenseRange(0, 3);

// The projection query (closed form for ideal/Peukert, root finding for KiBaM/RV), once per device per run.
void BM_BatteryTimeToDepletion(benchmark::State& state) {
  Battery battery(params_for(static_cast<int>(state.range(0))));
  battery.draw(45e-3, 100.0);
  for (auto _ : state) benchmark::DoNotOptimize(battery.time_to_depletion_s(50e-6));
  state.SetLabel(std::array{"ideal", "peukert", "kibam", "rakhmatov_vrudhula"}[state.range(0)]);
}
BENCHMARK(BM_BatteryTimeToDepletion)->DenseRange(0, 3);

void BM_LedgerStateChange(benchmark::State& state) {
  EnergyLedger ledger(0, 5);
  std::uint64_t now_us = 0;
  std::size_t component = 0;
  for (auto _ : state) {
    now_us += 1000;
    component = (component + 1) % 5;
    benchmark::DoNotOptimize(ledger.set_current(component, (now_us & 1) ? 2e-6 : 45e-3, now_us));
  }
}
BENCHMARK(BM_LedgerStateChange);

void BM_PathLoss(benchmark::State& state) {
  const LogDistancePathLoss model;
  double distance_m = 1.0;
  for (auto _ : state) {
    distance_m = distance_m > 10'000.0 ? 1.0 : distance_m * 1.001;
    benchmark::DoNotOptimize(model.path_loss_db(distance_m));
  }
}
BENCHMARK(BM_PathLoss);

void BM_RandomStream(benchmark::State& state) {
  RandomStream stream(derive_stream_seed(1, 2, 3));
  for (auto _ : state) benchmark::DoNotOptimize(stream.next_u64());
}
BENCHMARK(BM_RandomStream);

void BM_RandomStreamNormal(benchmark::State& state) {
  RandomStream stream(derive_stream_seed(1, 2, 3));
  for (auto _ : state) benchmark::DoNotOptimize(stream.normal(0.0, 1.0));
}
BENCHMARK(BM_RandomStreamNormal);

void BM_DeriveStreamSeed(benchmark::State& state) {
  std::uint64_t entity = 0;
  for (auto _ : state) benchmark::DoNotOptimize(derive_stream_seed(42, ++entity, 3));
}
BENCHMARK(BM_DeriveStreamSeed);

void BM_GreatCircle(benchmark::State& state) {
  LatLon a{43.2965, 5.3698};
  const LatLon b{1.2903, 103.8519};
  for (auto _ : state) {
    a.lon_deg += 1e-9;
    benchmark::DoNotOptimize(great_circle_distance_m(a, b));
  }
}
BENCHMARK(BM_GreatCircle);

void BM_HistogramAdd(benchmark::State& state) {
  LogHistogram histogram;
  RandomStream stream(7);
  for (auto _ : state) histogram.add(stream.exponential(2.0));
  benchmark::DoNotOptimize(histogram.percentile(99));
}
BENCHMARK(BM_HistogramAdd);

void BM_AoiDelivery(benchmark::State& state) {
  AgeOfInformation aoi;
  double t_s = 0.0;
  for (auto _ : state) {
    t_s += 3600.0;
    aoi.on_delivery(t_s, t_s + 2.5);
  }
  benchmark::DoNotOptimize(aoi.time_average_s(t_s + 3.0));
}
BENCHMARK(BM_AoiDelivery);

// One reception's interference verdict with two same-SF and one cross-SF interferer.
void BM_InterferenceVerdict(benchmark::State& state) {
  double wanted_dbm = -120.0;
  const InterferenceRule rule;
  for (auto _ : state) {
    wanted_dbm = wanted_dbm > -100.0 ? -120.0 : wanted_dbm + 0.01;
    InterferenceEnergy energy;
    energy.add(9, -126.0, 0.1);
    energy.add(9, -130.0, 0.2);
    energy.add(7, -110.0, 0.05);
    benchmark::DoNotOptimize(energy.verdict(9, wanted_dbm, 0.2, rule));
  }
}
BENCHMARK(BM_InterferenceVerdict);

}  // namespace
