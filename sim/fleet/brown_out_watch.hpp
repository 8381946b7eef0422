#pragma once
// One device's BROWN_OUT entries in the event queue. After every event the board predicts when its
// cell would empty under the present load, and arms that instant if it falls within the run
// (SimBoard::arm_brown_out); the next event nearly always changes the load and makes the prediction
// stale. A queue entry per prediction filled the far heap with stale entries for as long as the
// predictions reached ahead: a transmission's or a fix's current empties a cell in days, so at
// asia-med 100,000 x 35 d the run's memory rose from 536 MB at day 1 to 1,303 MB by day 18.
//
// Here a prediction that falls at or after an entry this device already has in the queue is only
// remembered. When that entry comes out, stale, it hands over: the remembered prediction enters the
// queue with the insertion counter reserved for it when it was made, so it pops exactly where it
// would have had it been pushed then (the queue orders by time, then counter), and a run is the same
// to the byte. The queue holds a few entries per device, not one per prediction.
#include <cstdint>

#include "hw/types.hpp"
#include "sim/fleet/event_queue.hpp"

namespace fleet::sim {

class BrownOutWatch {
 public:
  // The load changed: the prediction made under the old one no longer holds (its entry, if queued,
  // stays in the queue, stale), and the next one gets a generation of its own.
  void forget() {
    predicted_us_ = NEVER;
    ++predicted_generation_;
  }
  // The cell empties at `at_us` under the present load (since the last forget()).
  void predict(EventQueue& events, std::uint32_t device_id, hw::TimeUs at_us) {
    predicted_us_ = at_us;
    predicted_order_ = events.reserve_order();
    predicted_queued_ = queued_by_us_ == NEVER || at_us < queued_by_us_;
    if (predicted_queued_) {
      events.push_reserved(at_us, EventKind::BROWN_OUT, device_id, predicted_generation_, predicted_order_);
      queued_by_us_ = at_us;
    }
  }
  // A BROWN_OUT entry of this device came out of the queue. True if it is the current prediction's:
  // the cell is empty now. A stale one hands over to the prediction that waited for it.
  bool take_entry(EventQueue& events, std::uint32_t device_id, std::uint32_t generation) {
    if (predicted_us_ != NEVER && generation == predicted_generation_) {
      predicted_us_ = queued_by_us_ = NEVER;
      return true;
    }
    if (predicted_us_ == NEVER) {
      queued_by_us_ = NEVER;  // other stale entries may remain: nothing is promised of them
    } else {
      if (!predicted_queued_) {
        events.push_reserved(predicted_us_, EventKind::BROWN_OUT, device_id, predicted_generation_, predicted_order_);
        predicted_queued_ = true;
      }
      queued_by_us_ = predicted_us_;
    }
    return false;
  }

 private:
  static constexpr hw::TimeUs NEVER = ~hw::TimeUs{0};
  hw::TimeUs predicted_us_ = NEVER;   // the current prediction; NEVER: none
  std::uint64_t predicted_order_ = 0;
  std::uint32_t predicted_generation_ = 0;  // the current load's; a stale entry carries an older one
  bool predicted_queued_ = false;     // its own entry is in the queue
  // An entry of this device is in the queue at or before this instant (NEVER: nothing is promised).
  // A prediction at or after it waits for that entry instead of entering the queue itself.
  hw::TimeUs queued_by_us_ = NEVER;
};

}  // namespace fleet::sim
