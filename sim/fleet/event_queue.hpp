#pragma once
// The fleet's time-ordered event queue. Devices are plain state driven by one actor (see
// docs/architecture.md §4): this queue is what replaces one SimGrid actor per device.
// Ties are broken by insertion order, which is itself deterministic, so a run is reproducible.
#include <algorithm>
#include <cstdint>
#include <vector>

#include "hw/types.hpp"
#include "sim/base/huge_page_memory.hpp"

namespace fleet::sim {

enum class EventKind : std::uint8_t {
  WAKEUP,          // the device's armed alarm fires
  TX_END,          // a frame leaves the air: receptions are resolved, the firmware is told
  GNSS_DONE,       // the GNSS receiver fixed or gave up: the firmware is told
  MODEM_TAU,       // the cellular modem's periodic tracking-area update
  BROWN_OUT,       // the battery's predicted depletion under the present load (generation-checked)
  FLEET_SAMPLE,    // fleet-wide time-series sample (not a device event)
  TRAFFIC_FRAME,   // the exponential validation source sends its next frame (validation_traffic.hpp)
  RX1_OPEN,        // class A: the first receive window after a confirmed uplink opens
  RX2_OPEN,        // class A: the second one, when nothing came in RX1
  CLASS_A_DONE,    // the windows have closed (or the downlink has been received): the firmware is told
  SENSOR_EVENT,    // a door, shock or light event (environment_events.hpp): the firmware is told
  JOURNEY_STEP,    // voyage world: the device enters its next journey step (sim/voyage/voyage_world.hpp)
  CELLULAR_DONE,   // an LTE-M uplink's connection is released: the firmware is told
  HUB_BEACON,      // voyage world: a tracker on board listens for its ship hub's beacon
};

struct Event {
  hw::TimeUs at_us = 0;
  std::uint64_t order = 0;       // insertion counter: FIFO among equal times
  std::uint32_t device_id = 0;
  std::uint32_t generation = 0;  // WAKEUP and BROWN_OUT: stale ones (re-armed since) are skipped
  EventKind kind = EventKind::WAKEUP;
};

// A 4-ary min-heap of 24-byte slots: half the depth of a binary heap and a node's four children in
// one or two cache lines, which matters once the queue (several entries per device) no longer fits in
// cache. The kind rides in the low byte of the insertion counter, so (time, counter) is one compare
// and the pop order is exactly the binary heap's: time, then insertion order.
class EventQueue {
 public:
  void push(hw::TimeUs at_us, EventKind kind, std::uint32_t device_id, std::uint32_t generation = 0) {
    const Slot slot{at_us, (next_order_++ << KIND_BITS) | static_cast<std::uint64_t>(kind), device_id, generation};
    std::size_t hole = heap_.size();
    heap_.push_back(slot);
    while (hole > 0) {
      const std::size_t parent = (hole - 1) / ARITY;
      if (!earlier(slot, heap_[parent])) break;
      heap_[hole] = heap_[parent];
      hole = parent;
    }
    heap_[hole] = slot;
  }
  bool empty() const { return heap_.empty(); }
  hw::TimeUs top_at_us() const { return heap_.front().at_us; }
  std::uint32_t top_device_id() const { return heap_.front().device_id; }
  Event top() const { return event_of(heap_.front()); }
  Event pop() {
    const Event event = event_of(heap_.front());
    const Slot last = heap_.back();
    heap_.pop_back();
    const std::size_t size = heap_.size();
    if (size == 0) return event;
    std::size_t hole = 0;
    for (;;) {
      const std::size_t first = hole * ARITY + 1;
      if (first >= size) break;
      std::size_t best = first;
      const std::size_t end = std::min(first + ARITY, size);
      for (std::size_t child = first + 1; child < end; ++child)
        if (earlier(heap_[child], heap_[best])) best = child;
      if (!earlier(heap_[best], last)) break;
      heap_[hole] = heap_[best];
      hole = best;
    }
    heap_[hole] = last;
    return event;
  }
  std::size_t size() const { return heap_.size(); }

 private:
  static constexpr std::size_t ARITY = 4;
  static constexpr unsigned KIND_BITS = 8;
  struct Slot {
    hw::TimeUs at_us;
    std::uint64_t order_kind;  // insertion counter << KIND_BITS | kind
    std::uint32_t device_id;
    std::uint32_t generation;
  };
  static_assert(sizeof(Slot) == 24);
  static bool earlier(const Slot& a, const Slot& b) {
    return a.at_us != b.at_us ? a.at_us < b.at_us : a.order_kind < b.order_kind;
  }
  static Event event_of(const Slot& slot) {
    return Event{slot.at_us, slot.order_kind >> KIND_BITS, slot.device_id, slot.generation,
                 static_cast<EventKind>(slot.order_kind & ((1U << KIND_BITS) - 1))};
  }
  std::vector<Slot, HugePageAllocator<Slot>> heap_;
  std::uint64_t next_order_ = 0;
};

}  // namespace fleet::sim
