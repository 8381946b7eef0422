// The floor fleetsim's scheduler is measured against (issue #12): the bare SimGrid loop of one actor
// popping a binary heap of N device wake-ups and sleeping in SimGrid's clock until each, then
// re-arming the device one period later. No firmware, no radio, no network: what one device event
// costs when all it does is go through SimGrid's clock. tests/bench/fleet_size.py runs it beside the
// simulator and prints fleetsim's device events per CPU second over this loop's.
//
// One iteration simulates WAKEUPS_PER_DEVICE wake-ups of every device (N × that many events, see
// items_per_second). SimGrid allows one engine per process, so it is made once and run once per
// iteration, each run starting from the clock where the last one stopped.
#include <benchmark/benchmark.h>

#include <simgrid/s4u.hpp>

#include <cstdint>
#include <functional>
#include <queue>
#include <utility>
#include <vector>

namespace {

namespace sg4 = simgrid::s4u;

constexpr std::uint64_t PERIOD_US = 3'600'000'000;  // hourly, as the quickstart fleet's reports
constexpr std::uint32_t WAKEUPS_PER_DEVICE = 10;

sg4::Engine& engine() {
  static int argc = 2;
  static char name[] = "bench_sim";
  static char quiet[] = "--log=root.thresh:critical";
  static char* argv[] = {name, quiet, nullptr};
  static sg4::Engine instance(&argc, argv);
  static bool platform_made = false;
  if (!platform_made) {
    sg4::create_full_zone("bench")->create_host("fleet", 1e9)->seal();
    platform_made = true;
  }
  return instance;
}

// Device i first wakes at i × PERIOD / N plus a per-device offset below a millisecond (so times rarely
// coincide, as with the fleet's jittered reports), then every PERIOD.
void run_fleet(std::uint32_t devices, std::uint64_t* events) {
  using Wakeup = std::pair<std::uint64_t, std::uint32_t>;  // (time µs, device)
  std::priority_queue<Wakeup, std::vector<Wakeup>, std::greater<>> heap;
  const auto start_us = static_cast<std::uint64_t>(sg4::Engine::get_clock() * 1e6) + 1;
  for (std::uint32_t i = 0; i < devices; ++i)
    heap.emplace(start_us + PERIOD_US * i / devices + (i * 7919ULL) % 1000, i);
  const std::uint64_t end_us = start_us + PERIOD_US * WAKEUPS_PER_DEVICE;
  while (!heap.empty() && heap.top().first < end_us) {
    const auto [at_us, device] = heap.top();
    heap.pop();
    sg4::this_actor::sleep_until(static_cast<double>(at_us) * 1e-6);
    ++*events;
    heap.emplace(at_us + PERIOD_US, device);
  }
}

void BM_BareSimGridLoop(benchmark::State& state) {
  sg4::Engine& e = engine();
  const auto devices = static_cast<std::uint32_t>(state.range(0));
  std::uint64_t events = 0;
  for (auto _ : state) {
    sg4::Actor::create("fleet", e.host_by_name("fleet"), [devices, &events] { run_fleet(devices, &events); });
    e.run();
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(events));
  state.counters["events_per_iteration"] = static_cast<double>(devices) * WAKEUPS_PER_DEVICE;
}
BENCHMARK(BM_BareSimGridLoop)->Arg(1000)->Arg(10000)->Arg(100000)->Unit(benchmark::kMillisecond);

}  // namespace
