#pragma once
// Confirmed transmissions the network server still owes an answer (an ACK booked or dropped at a
// gateway). While any is owed, a gateway may book a downlink into any coming instant, so the fleet
// scheduler keeps SimGrid's clock in step at every event (fleet_scheduler.cpp).
//
// A transmission is owed from the end of its uplink, when gateways decoded it, until the server has
// sent its answer; or until its last copy is dropped on the way (a full gateway buffer) with none
// having arrived, when no answer will ever come.
#include <cstdint>
#include <map>
#include <utility>

#include "hw/types.hpp"

namespace fleet::sim {

class PendingAnswers {
 public:
  bool any() const { return owed_ > 0; }

  // A confirmed transmission decoded by `copies` gateways.
  void on_heard(std::uint32_t device_id, hw::TimeUs uplink_end_us, std::uint32_t copies) {
    ++owed_;
    copies_.emplace(key(device_id, uplink_end_us), Copies{copies, false});
  }
  void on_copy_arrived(std::uint32_t device_id, hw::TimeUs uplink_end_us) {
    const auto it = copies_.find(key(device_id, uplink_end_us));
    if (it == copies_.end()) return;
    it->second.arrived = true;
    if (--it->second.outstanding == 0) copies_.erase(it);
  }
  void on_copy_lost(std::uint32_t device_id, hw::TimeUs uplink_end_us) {
    const auto it = copies_.find(key(device_id, uplink_end_us));
    if (it == copies_.end()) return;
    if (--it->second.outstanding > 0) return;
    if (!it->second.arrived) --owed_;  // nothing reached the server: no answer will come
    copies_.erase(it);
  }
  // The server has sent (or failed to send) the answer of a transmission.
  void on_answered() { --owed_; }

 private:
  struct Copies {
    std::uint32_t outstanding;
    bool arrived;
  };
  // A device's transmissions end at distinct instants.
  static std::pair<std::uint32_t, hw::TimeUs> key(std::uint32_t device_id, hw::TimeUs uplink_end_us) {
    return {device_id, uplink_end_us};
  }
  std::uint64_t owed_ = 0;
  std::map<std::pair<std::uint32_t, hw::TimeUs>, Copies> copies_;
};

}  // namespace fleet::sim
