#pragma once
// Where the radio side hands a gateway what its radio decoded: the gateway's inbox of backhaul copies,
// filled by the fleet scheduler (a reception in the radio medium, or the cellular network's) and
// emptied by the gateway's forwarder actors (sim/network/gateway). It sits below the fleet and the
// network so that both can reach it without including each other.
#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <vector>

#include <simgrid/s4u.hpp>

#include "sim/books/accounting.hpp"
#include "sim/scenario/network_spec.hpp"
#include "sim/radio/uplink_message.hpp"

namespace fleet::sim {

// One gateway's copy of a frame on its way to the data centre, with the time it spent on each part.
struct BackhaulCopy {
  explicit BackhaulCopy(UplinkMessage received) : message(std::move(received)) {}
  UplinkMessage message;
  std::array<double, LINK_KIND_COUNT> hop_kind_s{};  // over every attempt
  double buffered_s = 0;
  double buffered_since_s = 0;
  bool at_hub = false;  // buffered at a ship's hub (latency part hub_queue) rather than a port gateway
};

// Where the fleet scheduler drops what the gateway's radio decoded. Handing over costs no simulated
// time: the radio and the gateway's forwarder are the same box.
class GatewayInbox {
 public:
  // `bin_s`, `bin_count`: the bins of network.load_interval over the run, for the frames received in each.
  GatewayInbox(double bin_s, std::size_t bin_count)
      : frames_per_bin(bin_count, 0), bin_s_(bin_s), ready_(simgrid::s4u::Semaphore::create(0)) {}
  // A frame the gateway's radio (or the cellular network) just received, before it is pushed.
  void count_reception(double at_s) {
    ++frames_per_bin[std::min(frames_per_bin.size() - 1, static_cast<std::size_t>(at_s / bin_s_))];
  }
  void push(BackhaulCopy copy) {
    if (collecting_ != nullptr) {  // a forwarder is gathering a bundle: the copy joins it
      copy.buffered_since_s = simgrid::s4u::Engine::get_clock();
      collecting_->push_back(std::move(copy));
      return;
    }
    queue_.push_back(std::move(copy));
    ready_->release();
  }
  BackhaulCopy pop() {
    do ready_->acquire();
    while (queue_.empty());  // its copy went into a bundle (collect_into): wait for the next
    BackhaulCopy copy = std::move(queue_.front());
    queue_.pop_front();
    return copy;
  }
  // Bundling (network.forward_window): the copies waiting for a forwarder, and those pushed until
  // stop_collecting(), go into `bundle` instead of the queue.
  void collect_into(std::vector<BackhaulCopy>& bundle) {
    const double now_s = simgrid::s4u::Engine::get_clock();
    for (BackhaulCopy& copy : queue_) {
      copy.buffered_since_s = now_s;
      bundle.push_back(std::move(copy));
    }
    queue_.clear();
    collecting_ = &bundle;
  }
  void stop_collecting() { collecting_ = nullptr; }
  std::uint64_t forwarded_bytes = 0;   // copies delivered to the data centre, with backhaul overhead
  std::uint64_t forwarded_frames = 0;
  std::uint64_t copies_buffered = 0;   // copies that had to wait for a route (each time they waited)
  std::uint64_t buffer_peak = 0;
  std::uint64_t copies_dropped_buffer_full = 0;
  std::uint64_t buffered_now = 0;
  std::vector<std::uint32_t> frames_per_bin;  // frames received, by bin of network.load_interval

 private:
  double bin_s_;
  std::deque<BackhaulCopy> queue_;
  simgrid::s4u::SemaphorePtr ready_;
  std::vector<BackhaulCopy>* collecting_ = nullptr;
};

}  // namespace fleet::sim
