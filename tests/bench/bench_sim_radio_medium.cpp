// Cost per transmission of the radio medium alone (issue #4): 1,000, 10,000 and 100,000 devices with
// the same density per gateway — 1,000 devices per gateway on a square grid of cells — and synthetic
// traffic: each device one 32-byte frame per 600 s at a random time, on one of the 3 EU868 channels,
// at the lowest SF its best gateway hears with 5 dB to spare (the ns-3 complete-network set-up's
// load, spread over many cells). One benchmark iteration replays the same 600 s window of traffic
// (begin and end of every frame, in time order), shifted past the previous one.
//
// Counters: links_per_device (gateways within the medium's link range, what a frame is filed under)
// and overlap_checks_per_tx (entries of the (gateway, channel) lists walked when resolving). With the
// same density, both stay bounded once the grid is wider than the link range, so the time per
// transmission stops growing with the fleet. `cell_m` is the gateway spacing: 40 km keeps the cells
// apart (ports along a coast: the link range, 16.7 km at SF12 sensitivity − 10 dB with log-distance
// 3.76, stays inside a cell); 10 km is rural LoRaWAN, where the range spans a few cells; 2 km is a
// dense city, where every device is within range of ~90 gateways once the grid is 20 km wide.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <vector>

#include "hw/lora_airtime.hpp"
#include "models/lora_link.hpp"
#include "models/random_stream.hpp"
#include "sim/radio/radio_medium.hpp"

namespace {

using fleet::models::LocalPoint;
using fleet::sim::RadioMedium;
using fleet::sim::RadioSpec;
using fleet::sim::Transmission;

constexpr std::uint32_t DEVICES_PER_GATEWAY = 1000;
constexpr std::uint64_t WINDOW_US = 600'000'000;  // each device sends once per window
constexpr std::size_t PHY_PAYLOAD_BYTES = 32;

// The frame travels in the step, as the scheduler holds it in the device's board: a sequential read.
struct Step {
  Transmission tx;
  bool is_end;
};

struct Workload {
  RadioMedium medium;
  std::vector<Transmission> transmissions;
  std::vector<Step> steps;  // begins and ends in time order
  std::uint64_t span_us = 0;
};

Workload make_workload(std::uint32_t devices, double cell_m) {
  const auto gateways = devices / DEVICES_PER_GATEWAY;
  // As square a grid as the count allows: 1x1, 2x5, 10x10.
  std::uint32_t rows = static_cast<std::uint32_t>(std::sqrt(static_cast<double>(gateways)));
  while (gateways % rows != 0) --rows;
  const std::uint32_t columns = gateways / rows;
  std::vector<LocalPoint> gateway_positions;
  for (std::uint32_t r = 0; r < rows; ++r)
    for (std::uint32_t c = 0; c < columns; ++c)
      gateway_positions.push_back(LocalPoint{(c + 0.5) * cell_m, (r + 0.5) * cell_m});

  RadioSpec radio;  // EU868 default channels, 125 kHz, 14 dBm, ns-3 log-distance, 8 demodulators
  Workload work{RadioMedium(radio, gateway_positions, 1), {}, {}, 0};
  fleet::models::RandomStream random(fleet::models::derive_stream_seed(1, devices, 99));
  for (std::uint32_t id = 0; id < devices; ++id) {
    work.medium.add_device(LocalPoint{random.uniform(0, columns * cell_m), random.uniform(0, rows * cell_m)});
    int sf = fleet::models::lowest_spreading_factor(work.medium.best_rssi_dbm(id), radio.bandwidth_hz, 5.0);
    if (sf == 0) sf = 12;
    fleet::hw::LoraPhyParams phy;
    phy.spreading_factor = static_cast<std::uint8_t>(sf);
    phy.low_data_rate_optimize = fleet::hw::ldro_required(phy.spreading_factor, phy.bandwidth_hz);
    const std::uint64_t start_us = random.next_u64() % WINDOW_US;
    const std::uint64_t airtime_us = fleet::hw::lora_time_on_air_us(phy, PHY_PAYLOAD_BYTES);
    work.transmissions.push_back(Transmission{id, start_us, start_us + airtime_us, phy.spreading_factor,
                                              static_cast<std::uint8_t>(random.next_u32() % 3)});
    work.span_us = std::max(work.span_us, start_us + airtime_us);
  }
  for (const Transmission& tx : work.transmissions) {
    work.steps.push_back(Step{tx, false});
    work.steps.push_back(Step{tx, true});
  }
  // Ends before begins at the same instant: a frame that ends as another starts does not overlap it.
  const auto at_us = [](const Step& step) { return step.is_end ? step.tx.end_us : step.tx.start_us; };
  std::sort(work.steps.begin(), work.steps.end(), [&at_us](const Step& a, const Step& b) {
    return at_us(a) != at_us(b) ? at_us(a) < at_us(b) : a.is_end > b.is_end;
  });
  return work;
}

void BM_RadioMediumPerTransmission(benchmark::State& state) {
  const auto devices = static_cast<std::uint32_t>(state.range(0));
  const double cell_m = static_cast<double>(state.range(1));
  Workload work = make_workload(devices, cell_m);
  std::uint64_t offset_us = 0;
  std::uint64_t received = 0;
  const std::uint64_t checks_before = work.medium.overlap_checks();
  for (auto _ : state) {
    for (const Step& step : work.steps) {
      Transmission tx = step.tx;
      tx.start_us += offset_us;
      tx.end_us += offset_us;
      if (step.is_end) {
        received += work.medium.end(tx).received.size();
      } else {
        work.medium.begin(tx);
      }
    }
    offset_us += work.span_us + 1;
  }
  benchmark::DoNotOptimize(received);
  const auto transmissions = static_cast<double>(state.iterations()) * devices;
  state.SetItemsProcessed(static_cast<std::int64_t>(transmissions));
  state.counters["time_per_tx"] = benchmark::Counter(transmissions, benchmark::Counter::kIsRate | benchmark::Counter::kInvert);
  state.counters["overlap_checks_per_tx"] = static_cast<double>(work.medium.overlap_checks() - checks_before) / transmissions;
  std::uint64_t links = 0;
  for (std::uint32_t id = 0; id < devices; ++id) links += work.medium.links_of(id);
  state.counters["links_per_device"] = static_cast<double>(links) / devices;
}
BENCHMARK(BM_RadioMediumPerTransmission)
    ->ArgNames({"devices", "cell_m"})
    ->Args({1'000, 40'000})
    ->Args({10'000, 40'000})
    ->Args({100'000, 40'000})
    ->Args({1'000, 10'000})
    ->Args({10'000, 10'000})
    ->Args({100'000, 10'000})
    ->Args({1'000, 2'000})
    ->Args({10'000, 2'000})
    ->Args({100'000, 2'000})
    ->Unit(benchmark::kMillisecond);

}  // namespace
