#include "sim/network/network_server.hpp"

#include <stdexcept>

#include <simgrid/s4u.hpp>

#include "sim/radio/class_a.hpp"
#include "sim/network/gateway.hpp"
#include "sim/network/network_platform.hpp"
#include "sim/fleet/record_fates.hpp"

namespace fleet::sim {

void NetworkServer::receive(const BackhaulCopy& copy, const std::vector<std::size_t>& links, double now_s) {
  const UplinkMessage& message = copy.message;
  hw::UplinkFrame frame{};
  if (!hw::decode_uplink(message.frame.data(), message.frame.size(), frame)) {
    ++fleet_->deliveries.undecodable_frames;
    return;
  }
  if (message.bearer == hw::Bearer::LORA)
    adr_.on_copy(frame.device_id, message.received_us, frame.frame_counter, message.rssi_dbm);
  if (message.confirmed && message.bearer == hw::Bearer::LORA) {
    fleet_->answers_pending.on_copy_arrived(message.device_id, message.received_us);
    answer(message, frame.frame_counter);
  }  // every transmission, repeats too: its ACK may be lost
  DeviceDeliveries& device = fleet_->deliveries.devices.at(frame.device_id);
  const bool first_copy = fleet_->backhaul.on_copy_arrived(frame.device_id, frame.frame_counter);
  const bool repeat = device.frames_delivered > 0 && device.last_frame_counter == frame.frame_counter;
  if (!first_copy || repeat) {
    ++device.duplicate_copies;
    return;
  }
  deliver(copy, links, frame, now_s);
}

// Books the records of a new frame (accounting.hpp): a record counts once, at its first delivery,
// with its latency split into the parts of its journey (they add up to the record's latency).
void NetworkServer::deliver(const BackhaulCopy& copy, const std::vector<std::size_t>& links,
                            const hw::UplinkFrame& frame, double now_s) {
  const UplinkMessage& message = copy.message;
  DeviceDeliveries& delivered = fleet_->deliveries.devices[frame.device_id];
  Device& device = fleet_->devices[frame.device_id];
  ++delivered.frames_delivered;
  delivered.last_frame_counter = frame.frame_counter;

  const double sent_s = static_cast<double>(message.sent_us) * 1e-6;
  const double received_s = static_cast<double>(message.received_us) * 1e-6;
  const double backhaul_s = now_s - received_s;
  PathStats& path = paths_->paths[links];  // copies the key only for a new path
  if (path.end_to_end_s.count() == 0) path.first_delivery_s = now_s;
  path.last_delivery_s = now_s;
  LatencyBin& bin = paths_->latency_bins[paths_->bin(now_s)];
  auto& parts = paths_->part_s;
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
    if (fleet_->phases) fleet_->phases->before_delivery(frame.device_id, delivered.age, now_s);
    delivered.age.on_delivery(generated_s, now_s);
    fleet_->deliveries.latency_s.add(latency_s);
    ++fleet_->deliveries.records_delivered;

    parts[static_cast<std::size_t>(LatencyPart::ON_DEVICE)].add(sent_s - generated_s);
    parts[static_cast<std::size_t>(LatencyPart::RADIO_AIRTIME)].add(received_s - sent_s);
    // Every record counts in every part (0 where its copy did not pass), so the parts add up to it.
    parts[static_cast<std::size_t>(LatencyPart::GATEWAY_BUFFER)].add(copy.at_hub ? 0.0 : copy.buffered_s);
    parts[static_cast<std::size_t>(LatencyPart::HUB_QUEUE)].add(copy.at_hub ? copy.buffered_s : 0.0);
    for (std::size_t k = 0; k < LINK_KIND_COUNT; ++k) parts[FIRST_HOP_PART + k].add(copy.hop_kind_s[k]);
    path.end_to_end_s.add(latency_s);
    path.backhaul_s.add(backhaul_s);
    ++bin.records;
    bin.backhaul_sum_s += backhaul_s;
    bin.backhaul_max_s = std::max(bin.backhaul_max_s, backhaul_s);
    bin.end_to_end_sum_s += latency_s;
  }
}

// The first copy of a confirmed transmission opens its dedup window; later copies may name a better
// gateway. When the window closes, the ACK crosses the WAN to the best one, which books it into a
// receive window if it arrived in time (or counts why not).
void NetworkServer::answer(const UplinkMessage& message, std::uint16_t frame_counter) {
  const auto key = std::make_pair(message.device_id, message.received_us);
  if (const auto open = pending_.find(key); open != pending_.end()) {
    PendingAck& best = open->second;
    if (message.rssi_dbm > best.rssi_dbm) {
      best.gateway = message.gateway;
      best.rssi_dbm = message.rssi_dbm;
    }
    return;
  }
  hw::TimeUs& last_opened_us = last_window_opened_us_[message.device_id];
  if (message.received_us <= last_opened_us) return;  // its window has closed: answered already
  last_opened_us = message.received_us;
  const double opened_s = simgrid::s4u::Engine::get_clock();
  pending_.emplace(key, PendingAck{message.gateway, message.rssi_dbm, message.channel, message.spreading_factor,
                                   frame_counter, opened_s});
  fleet_->answers_pending.on_window_opened(opened_s);
  const double closes_s = opened_s + fleet_->scenario.radio.class_a.dedup_window_s;
  senders_->due.emplace_back(closes_s, key);
  // An idle sender is promised this ACK now, so two ACKs at the same instant never share one sender.
  if (senders_->idle == 0) {
    simgrid::s4u::Actor::create("ack-sender", route_.platform->host(route_.data_centre_node), [this] { ack_sender(); });
  } else {
    --senders_->idle;
  }
  senders_->ready->release();
}

void NetworkServer::ack_sender() {
  simgrid::s4u::Actor::self()->daemonize();  // ends with the fleet scheduler, not before
  for (;;) {
    senders_->ready->acquire();
    const auto [closes_s, key] = senders_->due.front();
    senders_->due.pop_front();
    simgrid::s4u::this_actor::sleep_until(closes_s);
    send_ack(key);
    ++senders_->idle;
  }
}

// The ACK carries the ADR decision, if any, made now that every copy of the uplink is in.
void NetworkServer::send_ack(const std::pair<std::uint32_t, hw::TimeUs>& key) {
  const auto found = pending_.find(key);
  if (found == pending_.end()) throw std::logic_error("network server: an ACK to send with no open dedup window");
  const PendingAck ack = found->second;
  pending_.erase(found);
  const DownlinkRequest request{key.first, key.second, ack.channel, ack.spreading_factor, true,
                                adr_.command_for(key.first, ack.frame_counter, ack.spreading_factor)};
  Device& device = fleet_->devices[key.first];
  if (!request.payload.empty()) ++device.adr_commands_sent;
  const std::uint64_t bytes = downlink_phy_bytes(request.payload.size()) + BACKHAUL_OVERHEAD_BYTES;
  const TransferOutcome outcome =
      route_.platform->transfer(route_.data_centre_node, route_.gateway_nodes[ack.gateway], bytes);
  if (!outcome.delivered) {
    ++device.downlinks_lost[static_cast<std::size_t>(DownlinkLoss::NO_BACKHAUL_ROUTE)];
  } else {
    // Rounded up: "arrived before the window opens" must hold for the exact clock, not a rounded one.
    const auto arrived_us = static_cast<hw::TimeUs>(std::ceil(simgrid::s4u::Engine::get_clock() * 1e6));
    (*route_.gateways)[ack.gateway].schedule(request, arrived_us);
  }
  fleet_->answers_pending.on_answered(ack.opened_s);
}

}  // namespace fleet::sim
