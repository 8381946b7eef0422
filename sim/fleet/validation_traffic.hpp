#pragma once
// The "exponential" traffic model (scenario radio.traffic, scenarios/README.md): a validation source
// that replaces the firmware's reports so the medium can be checked against pure-ALOHA theory and
// against LoRaSim (Bor et al., MSWiM 2016; docs/sources.md §11), whose traffic it reproduces: every device
// waits an exponential time of mean `mean_gap` after its previous frame ends (the first wait counts
// from t = 0), then sends one frame. One frame in flight per device, no queue, no duty cycle. The
// superposition of many such sparse renewal processes is Poisson, the traffic of e^(−2G).
//
// Each frame carries one record in the firmware's own codec, so the network server decodes, dedups
// and books it as any other; its time on air is that of `phy_payload` bytes (LoRaSim's 20 bytes)
// rather than of the codec's length. The device keeps one channel, drawn at boot (LoRaSim
// experiment 1: "each node fixes one of 3 frequencies at random").
#include <cstddef>
#include <cstdint>

#include "hw/hal.hpp"
#include "models/random_stream.hpp"
#include "sim/scenario/scenario.hpp"

namespace fleet::sim {

class ExponentialTraffic {
 public:
  ExponentialTraffic(const Scenario& scenario, std::uint32_t device_id, int spreading_factor);

  // When the next frame goes out, a gap after `now_us` (the end of the previous frame, or 0 at boot).
  hw::TimeUs next_frame_at(hw::TimeUs now_us);
  // Builds this frame and asks the board to put it on air.
  void send(hw::Hal& board);

  std::uint32_t records_generated() const { return records_generated_; }
  std::uint32_t frames_sent() const { return frames_sent_; }

 private:
  std::uint32_t device_id_;
  std::uint8_t spreading_factor_;
  std::uint8_t channel_;
  double mean_gap_s_;
  models::RandomStream random_;
  std::uint16_t frame_counter_ = 0;
  std::uint32_t records_generated_ = 0;
  std::uint32_t frames_sent_ = 0;
};

// PHY payload bytes of a frame of `frame_bytes` from the device's application: the LoRaWAN MAC
// overhead added for firmware traffic, the configured validation size for the exponential model.
std::size_t uplink_phy_payload_bytes(const RadioSpec& radio, std::size_t frame_bytes);

}  // namespace fleet::sim
