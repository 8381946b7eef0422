#pragma once
// Where every uplink record ends up. The identity the runtime checks at the end of each run:
//   generated = delivered + lost (by reason) + dropped by the device's full queue
//             + still queued on the device + on air + in flight in the backhaul (in transit or waiting
//             in a gateway's buffer) + lost because every copy was dropped by a full gateway buffer
//
// Each record has exactly one of these fates, also with confirmed uplinks, whose records stay in the
// firmware's queue until the frame is acknowledged and whose repeats carry the same frame counter:
//   - delivered: the network server got the record for the first time. The server drops a frame it
//     already has (same device and frame counter: a second gateway's copy, or the repeat of a frame
//     whose ACK was lost), and a record it already has (the device still held it after delivery: a
//     confirmed frame delivered but never acknowledged, whose records went out again later).
//   - lost (by radio reason): the record left the device in an UNCONFIRMED frame that no gateway
//     decoded. A confirmed frame that is lost costs no record: its records are still queued and go
//     out again (repeat, or a later frame once the firmware gives up).
//   - dropped: the device's full queue discarded it before it was delivered.
//   - queued: the firmware still holds it and the server does not have it yet (records the server
//     already has are delivered, even while the device keeps them awaiting an ACK).
//   - on air / in flight: in an unconfirmed frame still on air, or decoded by a gateway and not yet at
//     the server (confirmed frames' records are counted as queued until the server has them).
// Per device, the sim keeps the sequence numbers of records the server has that the firmware still
// holds (Device::delivered_held_seqs): they are taken out of `queued`, out of a later frame's fresh
// records, and out of `dropped` if the queue discards them (sim/fleet/record_fates.hpp).
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

// Why a downlink (an ACK) did not reach its device. Counted per device and per gateway.
enum class DownlinkLoss : std::uint8_t {
  MISSED_RX_WINDOW,    // reached the gateway after RX2 had opened: backhaul latency exceeded the windows
  GATEWAY_DUTY_CYCLE,  // in time for a window, but the gateway's sub-band duty-cycle budget forbade it
  GATEWAY_BUSY,        // in time for a window, but the gateway was already transmitting another downlink
  UNDER_SENSITIVITY,   // transmitted, but below the device's sensitivity at the window's SF
  NO_BACKHAUL_ROUTE,   // the WAN had no route from the data centre to the gateway (faults)
};
inline constexpr std::size_t DOWNLINK_LOSS_COUNT = 5;

constexpr std::string_view downlink_loss_name(DownlinkLoss reason) {
  switch (reason) {
    case DownlinkLoss::MISSED_RX_WINDOW: return "missed_rx_window";
    case DownlinkLoss::GATEWAY_DUTY_CYCLE: return "gateway_duty_cycle";
    case DownlinkLoss::GATEWAY_BUSY: return "gateway_busy";
    case DownlinkLoss::UNDER_SENSITIVITY: return "under_sensitivity";
    case DownlinkLoss::NO_BACKHAUL_ROUTE: return "no_backhaul_route";
  }
  return "unknown";
}

// Frames that reached at least one gateway and are on their way to the network server. A frame
// may travel as several copies (one per gateway); it is delivered when the first copy arrives.
// `records` counts only the records in flight in the sense of the identity above: the fresh records
// of an unconfirmed frame (a confirmed frame's records are still queued on the device).
class BackhaulTracker {
 public:
  void on_received(std::uint32_t device_id, std::uint16_t frame_counter, std::uint32_t records,
                   std::uint32_t copies) {
    auto [it, inserted] = frames_.try_emplace(key(device_id, frame_counter), Frame{records, copies, false});
    if (!inserted) it->second.copies_outstanding += copies;  // a repeat while copies are still travelling
  }
  // Returns true for the first copy to arrive while the frame's copies are travelling; the server also
  // checks the device's last delivered frame counter for repeats that come after all copies arrived.
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
