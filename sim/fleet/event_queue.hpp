#pragma once
// The fleet's time-ordered event queue. Devices are plain state driven by one actor (see
// docs/architecture.md §4): this queue is what replaces one SimGrid actor per device.
// Ties are broken by insertion order, which is itself deterministic, so a run is reproducible.
#include <algorithm>
#include <cstdint>
#include <vector>

#include "hw/types.hpp"
#include "sim/base/huge_page_memory.hpp"
#include "sim/fleet/chunked_buckets.hpp"
#include "sim/fleet/quaternary_heap.hpp"

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

// A calendar queue (Brown, CACM 1988). The pop order is exactly a heap's by (time, insertion
// counter); what changes is where the memory traffic goes. A single heap of every pending event
// (several per device: 7 MB at 100,000 devices) misses the cache on nearly every level of each pop's
// sift, one dependent miss after another. Here the next 71 minutes are cut into buckets of about a
// second: a push appends to its bucket, and the bucket due next is sorted when the queue reaches it
// (a few hundred events at 100,000 devices, a few thousand at a million: in cache) and read in
// order, so the scheduler also knows the events after the next one and can start loading their
// devices (upcoming_device_id).
// An event pushed into the bucket being read, or an earlier one, waits in a small heap beside it
// (`late_`); events beyond the calendar's reach (GNSS fixes, modem TAUs, journey steps) wait in a heap
// of their own (`far_`) and move into their bucket as the reach comes to them. The kind rides in the
// low byte of the insertion counter, so (time, counter) is one compare.
class EventQueue {
 public:
  void push(hw::TimeUs at_us, EventKind kind, std::uint32_t device_id, std::uint32_t generation = 0) {
    push_reserved(at_us, kind, device_id, generation, reserve_order());
  }
  // An insertion counter handed out now for an event that may be pushed later (push_reserved): it
  // then pops exactly where it would have had it been pushed now (sim/fleet/brown_out_watch.hpp).
  std::uint64_t reserve_order() { return next_order_++; }
  void push_reserved(hw::TimeUs at_us, EventKind kind, std::uint32_t device_id, std::uint32_t generation,
                     std::uint64_t order) {
    place(Slot{at_us, (order << KIND_BITS) | static_cast<std::uint64_t>(kind), device_id, generation});
  }
  bool empty() const { return unread() == 0 && late_.empty() && in_calendar_ == 0 && far_.empty(); }
  std::size_t size() const { return unread() + late_.size() + in_calendar_ + far_.size(); }
  // The earliest event's time; the queue must not be empty.
  hw::TimeUs top_at_us() {
    reach_earliest();
    return (late_comes_first() ? late_.top() : reading_[read_]).at_us;
  }
  // Takes the earliest event off; the queue must not be empty.
  Event pop() {
    reach_earliest();
    return event_of(late_comes_first() ? late_.pop() : reading_[read_++]);
  }
  // The device of an event due soon after the earliest (`ahead` places after it in the bucket being
  // read: 0 is the earliest itself), or NO_DEVICE when that bucket ends first. A hint for prefetching:
  // events in `late_` are not counted, so it may name an event that comes a little later.
  static constexpr std::uint32_t NO_DEVICE = ~std::uint32_t{0};
  std::uint32_t upcoming_device_id(std::size_t ahead) const {
    return read_ + ahead < reading_.size() ? reading_[read_ + ahead].device_id : NO_DEVICE;
  }

 private:
  static constexpr unsigned KIND_BITS = 8;
  static constexpr unsigned BUCKET_SHIFT = 20;          // a bucket spans 2^20 µs, about 1.05 s
  static constexpr std::uint64_t BUCKET_COUNT = 4096;   // the calendar reaches 4096 buckets, about 71.6 min
  struct Slot {
    hw::TimeUs at_us;
    std::uint64_t order_kind;  // insertion counter << KIND_BITS | kind
    std::uint32_t device_id;
    std::uint32_t generation;
  };
  static_assert(sizeof(Slot) == 24);
  struct Earlier {
    bool operator()(const Slot& a, const Slot& b) const {
      return a.at_us != b.at_us ? a.at_us < b.at_us : a.order_kind < b.order_kind;
    }
  };
  static std::uint64_t bucket_of(const Slot& slot) { return slot.at_us >> BUCKET_SHIFT; }
  static Event event_of(const Slot& slot) {
    return Event{slot.at_us, slot.order_kind >> KIND_BITS, slot.device_id, slot.generation,
                 static_cast<EventKind>(slot.order_kind & ((1U << KIND_BITS) - 1))};
  }
  std::size_t unread() const { return reading_.size() - read_; }

  // Every event of bucket reading_bucket_ or earlier is in reading_ (from read_ on) or late_; the
  // calendar holds those of the next BUCKET_COUNT - 1 buckets, each in the slot of its number modulo
  // BUCKET_COUNT; far_ holds the rest.
  void place(const Slot& slot) {
    const std::uint64_t bucket = bucket_of(slot);
    if (bucket <= reading_bucket_) {
      late_.push(slot);
    } else if (bucket - reading_bucket_ < BUCKET_COUNT) {
      calendar_.append(bucket % BUCKET_COUNT, slot);
      ++in_calendar_;
    } else {
      far_.push(slot);
    }
  }

  // When the bucket being read is done, moves on to the next one that holds an event (straight to the
  // far heap's first one when the calendar is empty), drawing the far events the calendar now reaches
  // into it. Then the earliest event is the first unread one or late_'s top, whichever comes first.
  void reach_earliest() {
    while (unread() == 0 && late_.empty()) {
      reading_.clear();
      read_ = 0;
      if (in_calendar_ > 0) {
        ++reading_bucket_;
        in_calendar_ -= calendar_.drain(reading_bucket_ % BUCKET_COUNT, reading_);
        std::sort(reading_.begin(), reading_.end(), Earlier{});
      } else {
        reading_bucket_ = bucket_of(far_.top());
      }
      while (!far_.empty() && bucket_of(far_.top()) - reading_bucket_ < BUCKET_COUNT) place(far_.pop());
    }
  }
  bool late_comes_first() const {
    return !late_.empty() && (unread() == 0 || Earlier{}(late_.top(), reading_[read_]));
  }

  std::vector<Slot> reading_;  // the bucket being read, sorted
  std::size_t read_ = 0;
  QuaternaryHeap<Slot, Earlier> late_;
  ChunkedBuckets<Slot> calendar_{BUCKET_COUNT};
  std::size_t in_calendar_ = 0;
  std::uint64_t reading_bucket_ = 0;
  QuaternaryHeap<Slot, Earlier, HugePageAllocator<Slot>> far_;
  std::uint64_t next_order_ = 0;
};

}  // namespace fleet::sim
