#pragma once
// Where every uplink record ends up. The identity the runtime checks at the end of each run:
//   generated = delivered + lost (by reason) + dropped by the device's full queue
//             + still queued on the device + on air + in flight in the backhaul
#include <array>
#include <cstdint>
#include <string_view>
#include <unordered_map>

namespace fleet::sim {

enum class RadioLoss : std::uint8_t {
  UNDER_SENSITIVITY,  // no gateway heard it above its sensitivity
  INTERFERENCE,       // heard, but destroyed by overlapping transmissions at every gateway that heard it
  BROWN_OUT,          // the device's battery gave out while the frame was on air
};
inline constexpr std::size_t RADIO_LOSS_COUNT = 3;

constexpr std::string_view radio_loss_name(RadioLoss reason) {
  switch (reason) {
    case RadioLoss::UNDER_SENSITIVITY: return "under_sensitivity";
    case RadioLoss::INTERFERENCE: return "interference";
    case RadioLoss::BROWN_OUT: return "brown_out";
  }
  return "unknown";
}

// Frames that reached at least one gateway and are on their way to the network server. A frame
// may travel as several copies (one per gateway); it is delivered when the first copy arrives.
class BackhaulTracker {
 public:
  void on_received(std::uint32_t device_id, std::uint16_t frame_counter, std::uint32_t records,
                   std::uint32_t copies) {
    frames_[key(device_id, frame_counter)] = Frame{records, copies, false};
  }
  // Returns true for the copy that delivers the frame (the first one to arrive).
  bool on_copy_arrived(std::uint32_t device_id, std::uint16_t frame_counter) {
    auto it = frames_.find(key(device_id, frame_counter));
    if (it == frames_.end()) return false;
    Frame& frame = it->second;
    const bool first = !frame.delivered;
    frame.delivered = true;
    if (--frame.copies_outstanding == 0) frames_.erase(it);
    return first;
  }
  std::uint64_t records_in_flight() const {
    std::uint64_t records = 0;
    for (const auto& [unused, frame] : frames_)
      if (!frame.delivered) records += frame.records;
    return records;
  }

 private:
  struct Frame {
    std::uint32_t records;
    std::uint32_t copies_outstanding;
    bool delivered;
  };
  static std::uint64_t key(std::uint32_t device_id, std::uint16_t frame_counter) {
    return (std::uint64_t{device_id} << 16) | frame_counter;
  }
  std::unordered_map<std::uint64_t, Frame> frames_;
};

}  // namespace fleet::sim
