#pragma once
// A LoRa gateway in the port: a SimGrid actor on its own host that forwards every frame its radio
// decoded to the network server, as a SimGrid comm over the port network and the backbone.
#include <cstdint>
#include <deque>
#include <memory>
#include <string>

#include <simgrid/s4u.hpp>

#include "sim/uplink_message.hpp"

namespace fleet::sim {

// Where the fleet scheduler drops what the gateway's radio decoded. Handing over costs no simulated
// time: the radio and the gateway's forwarder are the same box.
class GatewayInbox {
 public:
  GatewayInbox() : ready_(simgrid::s4u::Semaphore::create(0)) {}
  void push(UplinkMessage message) {
    queue_.push_back(std::move(message));
    ready_->release();
  }
  UplinkMessage pop() {
    ready_->acquire();
    UplinkMessage message = std::move(queue_.front());
    queue_.pop_front();
    return message;
  }
  std::uint64_t forwarded_bytes = 0;
  std::uint64_t forwarded_frames = 0;

 private:
  std::deque<UplinkMessage> queue_;
  simgrid::s4u::SemaphorePtr ready_;
};

class Gateway {
 public:
  Gateway(std::shared_ptr<GatewayInbox> inbox, std::string server_mailbox)
      : inbox_(std::move(inbox)), server_mailbox_(std::move(server_mailbox)) {}
  void operator()() const;

 private:
  std::shared_ptr<GatewayInbox> inbox_;
  std::string server_mailbox_;
};

}  // namespace fleet::sim
