#pragma once
// Where every uplink record ends up. The identity the runtime checks at the end of each run:
//   generated = delivered + lost (by reason) + dropped by the device's full queue
//             + still queued on the device + on air + in flight in the backhaul (in transit or waiting
//             in a gateway's buffer) + lost because every copy was dropped by a full gateway buffer
#include <array>
#include <cstdint>
#include <string_view>
#include <unordered_map>

namespace fleet::sim {

// Why a frame reached no gateway. When the gateways that could hear it disagree, the frame carries
// the reason of the gateway that got furthest in receiving it, in the order below: a frame that one
// gateway lost to interference and another could not hear is an interference loss.
enum class RadioLoss : std::uint8_t {
  OUT_OF_COVERAGE,        // no gateway hears the device above its sensitivity even at SF12
  UNDER_SENSITIVITY,      // some gateway would at a more robust SF, none does at the SF used
  GATEWAY_DOWN,           // the gateways that could hear it were out of service (network.faults)
  GATEWAY_TRANSMITTING,   // heard, but the gateway was sending a downlink (half-duplex)
  NO_FREE_DEMODULATOR,    // heard, but all the gateway's demodulator paths were busy
  INTERFERENCE_SAME_SF,   // locked on, then destroyed by overlapping frames at the same SF
  INTERFERENCE_CROSS_SF,  // locked on, then destroyed by frames at other SFs (Goursaud isolation)
  BROWN_OUT,              // the device's battery gave out while the frame was on air
};
inline constexpr std::size_t RADIO_LOSS_COUNT = 8;

constexpr std::string_view radio_loss_name(RadioLoss reason) {
  switch (reason) {
    case RadioLoss::OUT_OF_COVERAGE: return "out_of_coverage";
    case RadioLoss::UNDER_SENSITIVITY: return "under_sensitivity";
    case RadioLoss::GATEWAY_DOWN: return "gateway_down";
    case RadioLoss::GATEWAY_TRANSMITTING: return "gateway_transmitting";
    case RadioLoss::NO_FREE_DEMODULATOR: return "no_free_demodulator";
    case RadioLoss::INTERFERENCE_SAME_SF: return "interference_same_sf";
    case RadioLoss::INTERFERENCE_CROSS_SF: return "interference_cross_sf";
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
  // A copy that will never arrive (a gateway's full buffer dropped it). Returns the frame's records
  // if that was its last copy and none had arrived: they are lost; else 0.
  std::uint32_t on_copy_lost(std::uint32_t device_id, std::uint16_t frame_counter) {
    auto it = frames_.find(key(device_id, frame_counter));
    if (it == frames_.end()) return 0;
    Frame& frame = it->second;
    const std::uint32_t lost = --frame.copies_outstanding == 0 && !frame.delivered ? frame.records : 0;
    if (frame.copies_outstanding == 0) frames_.erase(it);
    return lost;
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
