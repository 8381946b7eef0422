#pragma once
// The network server in the data centre: receives every gateway's copies, keeps the first copy of
// each frame (dedup on device and frame counter, across gateways and across the repeats of a
// confirmed frame), decodes it with the firmware's own codec and books each record's delivery once
// (accounting.hpp), with its latency split into the parts of its journey and its path. The gateway's
// forwarder calls it when a copy reaches the data centre's host (no extra comm: the copy has arrived).
// For each transmission of a confirmed uplink it answers with an ACK: it collects the transmission's
// copies for radio.class_a.dedup_window, then sends the downlink across the WAN to the gateway that
// heard it best (highest RSSI), which times it to the device's RX1 or RX2 (gateway_downlinks.hpp).
// With radio.adr on, the ACK carries the device's new SF and power when ADR changes them
// (sim/network/adr_controller.hpp).
#include <cstdint>
#include <deque>
#include <map>
#include <memory>
#include <utility>
#include <vector>

#include <simgrid/s4u.hpp>

#include "hw/uplink_codec.hpp"
#include "sim/network/adr_controller.hpp"
#include "sim/books/backhaul_book.hpp"
#include "sim/fleet/fleet_runtime.hpp"
#include "sim/network/gateway_downlinks.hpp"
#include "sim/radio/uplink_message.hpp"

namespace fleet::sim {

struct BackhaulCopy;
class NetworkPlatform;

// Where the server's downlinks go: the platform, its own node, and each gateway's node and downlink side.
struct DownlinkRoute {
  const NetworkPlatform* platform = nullptr;
  std::size_t data_centre_node = 0;
  std::vector<std::size_t> gateway_nodes;
  std::vector<GatewayDownlinks>* gateways = nullptr;
};

class NetworkServer {
 public:
  NetworkServer(FleetRuntime* fleet, BackhaulBook* paths, DownlinkRoute route)
      : fleet_(fleet),
        paths_(paths),
        route_(std::move(route)),
        adr_(fleet->scenario.radio),
        last_window_opened_us_(fleet->devices.size(), 0) {}
  // `links`: the path of the attempt that delivered the copy.
  void receive(const BackhaulCopy& copy, const std::vector<std::size_t>& links, double now_s);

 private:
  // One confirmed transmission being answered: the best copy so far.
  struct PendingAck {
    std::uint16_t gateway;
    float rssi_dbm;
    std::uint8_t channel;
    std::uint8_t spreading_factor;
    std::uint16_t frame_counter;
    double opened_s;  // when the first copy arrived
  };
  // By (device, end of the uplink): one entry per transmission being answered.
  using PendingAcks = std::map<std::pair<std::uint32_t, hw::TimeUs>, PendingAck>;

  // ACKs waiting for their dedup window to close, in the order their windows close (the window is
  // the same for all), served by a pool of sender actors that grows only when all are busy: one
  // actor per ACK would cost a stack mapping each.
  struct AckSenders {
    std::deque<std::pair<double, std::pair<std::uint32_t, hw::TimeUs>>> due;  // (close time, key)
    simgrid::s4u::SemaphorePtr ready = simgrid::s4u::Semaphore::create(0);
    std::uint32_t idle = 0;  // senders waiting for work and not yet promised an ACK
  };

  void deliver(const BackhaulCopy& copy, const std::vector<std::size_t>& links, const hw::UplinkFrame& frame,
               double now_s);
  void answer(const UplinkMessage& message, std::uint16_t frame_counter);
  void send_ack(const std::pair<std::uint32_t, hw::TimeUs>& key);
  void ack_sender();

  FleetRuntime* fleet_;
  BackhaulBook* paths_;
  DownlinkRoute route_;
  AdrController adr_;
  PendingAcks pending_;
  // Per device, the end of the last uplink whose dedup window opened. A device's transmissions follow
  // one another, so a copy of that uplink or an earlier one that comes after its window closed is too
  // late to change the answer, and must not open a second window (a second ACK).
  std::vector<hw::TimeUs> last_window_opened_us_;
  std::shared_ptr<AckSenders> senders_ = std::make_shared<AckSenders>();
};

}  // namespace fleet::sim
