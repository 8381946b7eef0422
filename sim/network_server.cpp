#include "sim/network_server.hpp"

#include <simgrid/s4u.hpp>

#include "hw/uplink_codec.hpp"
#include "sim/class_a.hpp"
#include "sim/gateway_downlinks.hpp"
#include "sim/record_fates.hpp"

namespace fleet::sim {

void NetworkServer::operator()() const {
  simgrid::s4u::Actor::self()->daemonize();  // ends with the fleet scheduler, not before
  simgrid::s4u::Mailbox* inbox = simgrid::s4u::Mailbox::by_name(mailbox_);
  inbox->set_receiver(simgrid::s4u::Actor::self());  // transfers start as soon as a gateway sends
  const auto pending = std::make_shared<PendingAcks>();
  hw::UplinkFrame frame{};
  for (;;) {
    auto message = inbox->get_unique<UplinkMessage>();
    const double now_s = simgrid::s4u::Engine::get_clock();
    if (!hw::decode_uplink(message->frame.data(), message->frame.size(), frame)) {
      ++fleet_->deliveries.undecodable_frames;
      continue;
    }
    if (message->confirmed) answer(*message, pending);  // every transmission, repeats too: its ACK may be lost
    DeviceDeliveries& device = fleet_->deliveries.devices.at(frame.device_id);
    const bool first_copy = fleet_->backhaul.on_copy_arrived(frame.device_id, frame.frame_counter);
    const bool repeat = device.frames_delivered > 0 && device.last_frame_counter == frame.frame_counter;
    if (!first_copy || repeat) {
      ++device.duplicate_copies;
      continue;
    }
    deliver(*message, frame, now_s);
  }
}

// Books the records of a new frame (accounting.hpp): a record counts once, at its first delivery.
void NetworkServer::deliver(const UplinkMessage& message, const hw::UplinkFrame& frame, double now_s) const {
  DeviceDeliveries& delivered = fleet_->deliveries.devices[frame.device_id];
  Device& device = fleet_->devices[frame.device_id];
  ++delivered.frames_delivered;
  delivered.last_frame_counter = frame.frame_counter;
  for (std::size_t i = 0; i < frame.record_count; ++i) {
    const hw::UplinkRecord& record = frame.records[i];
    const bool fresh = (message.fresh_records_mask >> i) & 1U;
    if (!fresh || is_held_delivered(device, record.seq)) {
      ++delivered.duplicate_records;
      continue;
    }
    if (message.confirmed) {
      // The device keeps a confirmed frame's records until the ACK. If it no longer holds this one, the
      // record left it later in another frame, whose fate (lost, in flight, delivered) it already has.
      if (!queue_holds(device.firmware.queue(), record.seq)) {
        ++delivered.duplicate_records;
        continue;
      }
      device.delivered_held_seqs.push_back(record.seq);
    }
    const double generated_s = static_cast<double>(record.generated_ms) * 1e-3;
    const double latency_s = now_s - generated_s;
    ++delivered.records_delivered;
    delivered.latency_sum_s += latency_s;
    delivered.age.on_delivery(generated_s, now_s);
    fleet_->deliveries.latency_s.add(latency_s);
    ++fleet_->deliveries.records_delivered;
  }
}

// The first copy of a confirmed transmission opens its dedup window; later copies may name a better
// gateway. When the window closes, the ACK goes to the best one.
void NetworkServer::answer(const UplinkMessage& message, const std::shared_ptr<PendingAcks>& pending) const {
  const auto key = std::make_pair(message.device_id, message.received_us);
  const auto [it, opened] =
      pending->try_emplace(key, PendingAck{message.gateway, message.rssi_dbm, message.channel, message.spreading_factor});
  if (!opened) {
    PendingAck& best = it->second;
    if (message.rssi_dbm > best.rssi_dbm) {
      best.gateway = message.gateway;
      best.rssi_dbm = message.rssi_dbm;
    }
    return;
  }
  const double dedup_window_s = fleet_->scenario.radio.class_a.dedup_window_s;
  simgrid::s4u::Actor::create("ack", simgrid::s4u::this_actor::get_host(), [pending, key, dedup_window_s]() {
    simgrid::s4u::this_actor::sleep_for(dedup_window_s);
    const auto found = pending->find(key);
    const PendingAck ack = found->second;
    pending->erase(found);
    auto request = std::make_unique<DownlinkRequest>(
        DownlinkRequest{key.first, key.second, ack.channel, ack.spreading_factor, true, {}});
    const std::uint64_t bytes = downlink_phy_bytes(request->payload.size()) + BACKHAUL_OVERHEAD_BYTES;
    simgrid::s4u::Mailbox::by_name(gateway_downlink_mailbox(ack.gateway))
        ->put_init(request.release(), bytes)
        ->detach([](void* payload) { delete static_cast<DownlinkRequest*>(payload); });
  });
}

}  // namespace fleet::sim
