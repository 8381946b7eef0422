// The fleet's event queue alone (issue #12): the classic hold model, one event pending per device,
// each step popping the earliest and pushing that device's next one, at the delays of the voyage
// world's events: most a sensor period ahead (15 min, jittered), some within seconds (a frame's end,
// its receive windows), a few hours ahead (GNSS fixes, modem TAUs). BM_EventQueueHold is the
// calendar queue fleetsim runs (sim/fleet/event_queue.hpp); BM_QuaternaryHeapHold is the single 4-ary
// heap of the same 24-byte events it replaced, for the ratio. Both pop the same events in the same
// order. items_per_second counts steps (one pop and one push).
#include <benchmark/benchmark.h>

#include <cstdint>
#include <vector>

#include "models/random_stream.hpp"
#include "sim/fleet/event_queue.hpp"
#include "sim/fleet/quaternary_heap.hpp"

namespace {

using fleet::hw::TimeUs;
using fleet::sim::EventKind;

constexpr TimeUs SECOND_US = 1'000'000;

// The delay to a device's next event, drawn from `random`.
TimeUs next_delay_us(fleet::models::RandomStream& random) {
  const double u = random.uniform01();
  if (u < 0.10) return static_cast<TimeUs>(random.uniform01() * 2.0 * SECOND_US);         // within a class A cycle
  if (u < 0.95) return static_cast<TimeUs>((900.0 + random.uniform01() * 60.0) * SECOND_US);  // the sensor period
  return static_cast<TimeUs>((8.0 + random.uniform01()) * 3600.0 * SECOND_US);             // GNSS, TAU
}

// The former queue: one 4-ary heap of every event, by (time, insertion counter).
struct HeapSlot {
  TimeUs at_us;
  std::uint64_t order;
  std::uint32_t device_id;
  std::uint32_t generation;
};
struct HeapEarlier {
  bool operator()(const HeapSlot& a, const HeapSlot& b) const {
    return a.at_us != b.at_us ? a.at_us < b.at_us : a.order < b.order;
  }
};

void BM_EventQueueHold(benchmark::State& state) {
  const auto devices = static_cast<std::uint32_t>(state.range(0));
  fleet::models::RandomStream random(1);
  fleet::sim::EventQueue queue;
  for (std::uint32_t device = 0; device < devices; ++device)
    queue.push(static_cast<TimeUs>(random.uniform01() * 900.0 * SECOND_US), EventKind::WAKEUP, device);
  for (auto _ : state) {
    const fleet::sim::Event event = queue.pop();
    queue.push(event.at_us + next_delay_us(random), EventKind::WAKEUP, event.device_id);
    benchmark::DoNotOptimize(event.device_id);
  }
  state.SetItemsProcessed(state.iterations());
}

void BM_QuaternaryHeapHold(benchmark::State& state) {
  const auto devices = static_cast<std::uint32_t>(state.range(0));
  fleet::models::RandomStream random(1);
  fleet::sim::QuaternaryHeap<HeapSlot, HeapEarlier> heap;
  std::uint64_t order = 0;
  for (std::uint32_t device = 0; device < devices; ++device)
    heap.push(HeapSlot{static_cast<TimeUs>(random.uniform01() * 900.0 * SECOND_US), order++, device, 0});
  for (auto _ : state) {
    const HeapSlot event = heap.pop();
    heap.push(HeapSlot{event.at_us + next_delay_us(random), order++, event.device_id, 0});
    benchmark::DoNotOptimize(event.device_id);
  }
  state.SetItemsProcessed(state.iterations());
}

}  // namespace

BENCHMARK(BM_EventQueueHold)->Arg(10'000)->Arg(100'000)->Arg(1'000'000);
BENCHMARK(BM_QuaternaryHeapHold)->Arg(10'000)->Arg(100'000)->Arg(1'000'000);
