#pragma once
// The fleet's time-ordered event queue. Devices are plain state driven by one actor (see
// ARCHITECTURE.md section 4): this queue is what replaces one SimGrid actor per device.
// Ties are broken by insertion order, which is itself deterministic, so a run is reproducible.
#include <cstdint>
#include <queue>
#include <vector>

#include "hw/types.hpp"

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
  JOURNEY_STEP,    // voyage world: the device enters its next journey step (sim/voyage_world.hpp)
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

class EventQueue {
 public:
  void push(hw::TimeUs at_us, EventKind kind, std::uint32_t device_id, std::uint32_t generation = 0) {
    heap_.push(Event{at_us, next_order_++, device_id, generation, kind});
  }
  bool empty() const { return heap_.empty(); }
  const Event& top() const { return heap_.top(); }
  Event pop() {
    Event event = heap_.top();
    heap_.pop();
    return event;
  }
  std::size_t size() const { return heap_.size(); }

 private:
  struct Later {
    bool operator()(const Event& a, const Event& b) const {
      return a.at_us != b.at_us ? a.at_us > b.at_us : a.order > b.order;
    }
  };
  std::priority_queue<Event, std::vector<Event>, Later> heap_;
  std::uint64_t next_order_ = 0;
};

}  // namespace fleet::sim
