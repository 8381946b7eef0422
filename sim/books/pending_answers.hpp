#pragma once
// Confirmed transmissions the network server still owes an answer (an ACK booked or dropped at a
// gateway), and what they allow the fleet scheduler to process ahead of SimGrid's clock while they are
// owed (fleet_scheduler.cpp):
//   - a gateway books a downlink only when an ACK reaches it, after the ACK's dedup window has closed,
//     so no booking comes before booking_horizon_s(): the earliest window open now, or one that opens
//     from SimGrid's clock on, plus the window;
//   - the server reads the sending device's firmware queue when a confirmed copy arrives, so a device
//     with copies on the way (copies_on_the_way) keeps SimGrid's clock in step at each of its events.
//
// A transmission is owed from the end of its uplink, when gateways decoded it, until the server has
// sent its answer; or until its last copy is dropped on the way (a full gateway buffer) with none
// having arrived, when no answer will ever come.
#include <cstdint>
#include <algorithm>
#include <map>
#include <set>
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
  // The server opened a transmission's dedup window at `opened_s` (its first copy arrived).
  void on_window_opened(double opened_s) { open_windows_s_.insert(opened_s); }
  // The server has sent (or failed to send) the answer of the transmission whose window opened at
  // `opened_s`: it is booked or dropped at its gateway.
  void on_answered(double opened_s) {
    --owed_;
    if (const auto it = open_windows_s_.find(opened_s); it != open_windows_s_.end()) open_windows_s_.erase(it);
  }

  // No gateway books a downlink before this, given that SimGrid has run up to `synced_s`: a window not
  // yet open opens at `synced_s` at the earliest, and an ACK leaves when its window closes.
  double booking_horizon_s(double synced_s, double dedup_window_s) const {
    const double earliest_open_s = open_windows_s_.empty() ? synced_s : std::min(synced_s, *open_windows_s_.begin());
    return earliest_open_s + dedup_window_s;
  }
  // A confirmed copy of this device is still crossing the backhaul (or waiting in a gateway's buffer).
  bool copies_on_the_way(std::uint32_t device_id) const {
    const auto it = copies_.lower_bound(key(device_id, 0));
    return it != copies_.end() && it->first.first == device_id;
  }

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
  std::multiset<double> open_windows_s_;  // opening times of the windows whose answer is not sent yet
};

}  // namespace fleet::sim
