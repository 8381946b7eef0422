#pragma once
// A LoRa gateway in the port: forwards every frame its radio decoded to the network server in the data
// centre over the run's network (sim/network_platform), and keeps copies in a bounded buffer while no
// route to the data centre exists.
//
// Forwarders: each copy crosses the network in a blocking transfer(), so a gateway runs as many
// forwarder actors as it has copies in transit (a router forwards packets concurrently), up to an
// in-flight window (gateway.cpp). The pool grows when the last idle forwarder takes a copy and is
// reused afterwards: actors are created only up to the peak concurrency, not per frame.
//
// Buffer [A]: the gateway keeps each copy until the data centre has it (the acknowledged transport of
// LoRa Basics Station or an MQTT bridge). A copy that finds no route, or is stopped on the way because
// the network behind it was cut, waits in the gateway's buffer and is sent again from the gateway when a
// link comes back up (the only moments a route can return). A full buffer drops the copy; when a frame
// loses its last copy that way, its records are lost with the reason gateway_buffer_full.
#include <algorithm>
#include <array>
#include <cstdint>
#include <deque>
#include <memory>
#include <string>
#include <vector>

#include <simgrid/s4u.hpp>

#include "sim/accounting.hpp"
#include "sim/backhaul_book.hpp"
#include "sim/delivery_book.hpp"
#include "sim/network_platform.hpp"
#include "sim/pending_answers.hpp"
#include "sim/radio_medium.hpp"
#include "sim/uplink_message.hpp"

namespace fleet::sim {

class NetworkServer;

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
    queue_.push_back(std::move(copy));
    ready_->release();
  }
  BackhaulCopy pop() {
    ready_->acquire();
    BackhaulCopy copy = std::move(queue_.front());
    queue_.pop_front();
    return copy;
  }
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
};

// The way to the data centre, shared by every gateway.
struct Backhaul {
  const NetworkPlatform* platform = nullptr;
  const NetworkDescription* network = nullptr;
  std::size_t data_centre_node = 0;
  std::vector<double> link_up_times_s;  // sorted
  NetworkServer* server = nullptr;
  BackhaulTracker* tracker = nullptr;
  DeliveryBook* deliveries = nullptr;
  BackhaulBook* book = nullptr;
  PendingAnswers* answers = nullptr;  // a confirmed transmission whose every copy is dropped is owed nothing
};

// What a gateway is to the backhaul: where it sits, how many copies its buffer keeps, whether it is a
// ship's hub.
struct GatewayPlacement {
  std::uint16_t gateway = 0;
  std::size_t node = 0;
  std::uint32_t buffer_capacity = 0;
  bool hub = false;
};

// Starts the gateway's forwarders and its buffer's flusher on the gateway's host.
void start_gateway(const Backhaul& backhaul, const GatewayPlacement& placement, std::shared_ptr<GatewayInbox> inbox);

// Gateway outages: the radio medium treats the gateway as absent while it is down. `radio_gateways`
// names the medium's gateways in index order.
void schedule_gateway_outages(const std::vector<GatewayOutage>& outages, const std::vector<std::string>& radio_gateways,
                              RadioMedium& medium);

}  // namespace fleet::sim
