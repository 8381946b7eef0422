#pragma once
// The network server in the data centre: receives every gateway's copies, keeps the first copy of
// each frame (dedup on device and frame counter, across gateways and across the repeats of a
// confirmed frame), decodes it with the firmware's own codec and books each record's delivery once
// (accounting.hpp). For each transmission of a confirmed uplink it answers with an ACK: it collects
// the transmission's copies for radio.class_a.dedup_window, then sends the downlink as a SimGrid comm
// to the gateway that heard it best (highest RSSI), which times it to the device's RX1 or RX2.
#include <cstdint>
#include <memory>
#include <string>
#include <map>
#include <utility>

#include "sim/fleet_runtime.hpp"
#include "sim/uplink_message.hpp"

namespace fleet::sim {

class NetworkServer {
 public:
  NetworkServer(std::string mailbox, FleetRuntime* fleet) : mailbox_(std::move(mailbox)), fleet_(fleet) {}
  void operator()() const;

 private:
  // One confirmed transmission being answered: the best copy so far.
  struct PendingAck {
    std::uint16_t gateway;
    float rssi_dbm;
    std::uint8_t channel;
    std::uint8_t spreading_factor;
  };
  // By (device, end of the uplink): one entry per transmission being answered.
  using PendingAcks = std::map<std::pair<std::uint32_t, hw::TimeUs>, PendingAck>;

  void deliver(const UplinkMessage& message, const hw::UplinkFrame& frame, double now_s) const;
  void answer(const UplinkMessage& message, const std::shared_ptr<PendingAcks>& pending) const;

  std::string mailbox_;
  FleetRuntime* fleet_;
};

}  // namespace fleet::sim
