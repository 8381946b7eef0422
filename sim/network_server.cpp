#include "sim/network_server.hpp"

#include "hw/uplink_codec.hpp"
#include "sim/gateway.hpp"

namespace fleet::sim {

void NetworkServer::receive(const BackhaulCopy& copy, double now_s) {
  const UplinkMessage& message = copy.message;
  hw::UplinkFrame frame{};
  if (!hw::decode_uplink(message.frame.data(), message.frame.size(), frame)) {
    ++book_->undecodable_frames;
    return;
  }
  DeviceDeliveries& device = book_->devices.at(frame.device_id);
  if (!backhaul_->on_copy_arrived(frame.device_id, frame.frame_counter)) {
    ++device.duplicate_copies;
    return;
  }
  ++device.frames_delivered;
  const double sent_s = static_cast<double>(message.sent_us) * 1e-6;
  const double received_s = static_cast<double>(message.received_us) * 1e-6;
  const double backhaul_s = now_s - received_s;
  PathStats& path = paths_->paths[copy.links];
  if (path.end_to_end_s.count() == 0) path.first_delivery_s = now_s;
  path.last_delivery_s = now_s;
  LatencyBin& bin = paths_->latency_bins[paths_->bin(now_s)];
  auto& parts = paths_->part_s;
  for (std::size_t i = 0; i < frame.record_count; ++i) {
    const double generated_s = static_cast<double>(frame.records[i].generated_ms) * 1e-3;
    const double latency_s = now_s - generated_s;
    ++device.records_delivered;
    device.latency_sum_s += latency_s;
    device.age.on_delivery(generated_s, now_s);
    book_->latency_s.add(latency_s);
    ++book_->records_delivered;

    // The parts add up to latency_s: on-device is what the others leave of it.
    parts[static_cast<std::size_t>(LatencyPart::ON_DEVICE)].add(sent_s - generated_s);
    parts[static_cast<std::size_t>(LatencyPart::RADIO_AIRTIME)].add(received_s - sent_s);
    parts[static_cast<std::size_t>(LatencyPart::GATEWAY_BUFFER)].add(copy.buffered_s);
    for (std::size_t k = 0; k < LINK_KIND_COUNT; ++k) parts[FIRST_HOP_PART + k].add(copy.hop_kind_s[k]);
    path.end_to_end_s.add(latency_s);
    path.backhaul_s.add(backhaul_s);
    ++bin.records;
    bin.backhaul_sum_s += backhaul_s;
    bin.backhaul_max_s = std::max(bin.backhaul_max_s, backhaul_s);
    bin.end_to_end_sum_s += latency_s;
  }
}

}  // namespace fleet::sim
