#include "sim/gateway.hpp"

namespace fleet::sim {

void Gateway::operator()() const {
  simgrid::s4u::Actor::self()->daemonize();  // ends with the fleet scheduler, not before
  simgrid::s4u::Mailbox* server = simgrid::s4u::Mailbox::by_name(server_mailbox_);
  for (;;) {
    auto message = std::make_unique<UplinkMessage>(inbox_->pop());
    const std::uint64_t bytes = message->frame.size() + BACKHAUL_OVERHEAD_BYTES;
    ++inbox_->forwarded_frames;
    inbox_->forwarded_bytes += bytes;
    // Detached: the gateway does not wait for the transfer; the payload is freed if the run ends first.
    server->put_init(message.release(), bytes)->detach([](void* payload) {
      delete static_cast<UplinkMessage*>(payload);
    });
  }
}

}  // namespace fleet::sim
