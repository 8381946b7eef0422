#include "sim/network_server.hpp"

#include <simgrid/s4u.hpp>

#include "hw/uplink_codec.hpp"
#include "sim/uplink_message.hpp"

namespace fleet::sim {

void NetworkServer::operator()() const {
  simgrid::s4u::Actor::self()->daemonize();  // ends with the fleet scheduler, not before
  simgrid::s4u::Mailbox* inbox = simgrid::s4u::Mailbox::by_name(mailbox_);
  inbox->set_receiver(simgrid::s4u::Actor::self());  // transfers start as soon as a gateway sends
  hw::UplinkFrame frame{};
  for (;;) {
    auto message = inbox->get_unique<UplinkMessage>();
    const double now_s = simgrid::s4u::Engine::get_clock();
    if (!hw::decode_uplink(message->frame.data(), message->frame.size(), frame)) {
      ++book_->undecodable_frames;
      continue;
    }
    DeviceDeliveries& device = book_->devices.at(frame.device_id);
    if (!backhaul_->on_copy_arrived(frame.device_id, frame.frame_counter)) {
      ++device.duplicate_copies;
      continue;
    }
    ++device.frames_delivered;
    for (std::size_t i = 0; i < frame.record_count; ++i) {
      const double generated_s = static_cast<double>(frame.records[i].generated_ms) * 1e-3;
      const double latency_s = now_s - generated_s;
      ++device.records_delivered;
      device.latency_sum_s += latency_s;
      device.age.on_delivery(generated_s, now_s);
      book_->latency_s.add(latency_s);
      ++book_->records_delivered;
    }
  }
}

}  // namespace fleet::sim
