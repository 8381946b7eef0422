#pragma once
// The per-record side of the books (accounting.hpp): which of a device's queued records the network
// server already has. Confirmed uplinks keep their records on the device until acknowledged, so a
// record can be at the server and in the firmware's queue at once; it counts as delivered, once.
#include <algorithm>
#include <cstdint>

#include "hw/byte_order.hpp"
#include "hw/record_queue.hpp"
#include "sim/fleet/fleet_runtime.hpp"

namespace fleet::sim {

inline std::uint16_t record_seq(const std::uint8_t* record_bytes) {
  return static_cast<std::uint16_t>(hw::get_le(record_bytes + 1, 2));  // uplink_codec.hpp: seq at offset 1
}

inline bool queue_holds(const hw::RecordQueue& queue, std::uint16_t seq) {
  for (std::size_t i = 0; i < queue.size(); ++i)
    if (record_seq(queue.bytes_at(i)) == seq) return true;
  return false;
}

inline bool is_held_delivered(const Device& device, std::uint16_t seq) {
  return std::find(device.delivered_held_seqs.begin(), device.delivered_held_seqs.end(), seq) !=
         device.delivered_held_seqs.end();
}

inline void forget_held(Device& device, std::uint16_t seq) {
  auto& held = device.delivered_held_seqs;
  held.erase(std::remove(held.begin(), held.end(), seq), held.end());
}

// After a firmware entry point: a delivered record that is no longer in the queue, and that neither an
// ACK nor a frame took away (those paths forget it first), was discarded by the full queue.
inline void reconcile_held(Device& device) {
  auto& held = device.delivered_held_seqs;
  if (held.empty()) return;
  const hw::RecordQueue& queue = device.firmware.queue();
  const auto gone = std::remove_if(held.begin(), held.end(), [&](std::uint16_t seq) { return !queue_holds(queue, seq); });
  device.dropped_after_delivery += static_cast<std::uint32_t>(held.end() - gone);
  held.erase(gone, held.end());
}

}  // namespace fleet::sim
