#include "sim/fleet/validation_traffic.hpp"

#include <array>
#include <cmath>
#include <stdexcept>

#include "hw/uplink_codec.hpp"
#include "sim/base/random_purpose.hpp"

namespace fleet::sim {

ExponentialTraffic::ExponentialTraffic(const Scenario& scenario, std::uint32_t device_id, int spreading_factor)
    : device_id_(device_id),
      spreading_factor_(static_cast<std::uint8_t>(spreading_factor)),
      channel_(0),
      mean_gap_s_(scenario.radio.traffic.mean_gap_s),
      random_(make_stream(scenario.seed, device_id, RandomPurpose::VALIDATION_TRAFFIC)) {
  const auto channels = static_cast<double>(scenario.radio.channels_hz.size());
  channel_ = static_cast<std::uint8_t>(std::floor(random_.uniform01() * channels));
}

hw::TimeUs ExponentialTraffic::next_frame_at(hw::TimeUs now_us) {
  return now_us + static_cast<hw::TimeUs>(std::llround(random_.exponential(mean_gap_s_) * 1e6));
}

void ExponentialTraffic::send(hw::Hal& board) {
  hw::UplinkFrame frame;
  frame.device_id = device_id_;
  frame.frame_counter = frame_counter_++;
  frame.record_count = 1;
  frame.records[0].seq = static_cast<std::uint16_t>(records_generated_);
  frame.records[0].generated_ms = board.now_us() / hw::US_PER_MS;
  std::array<std::uint8_t, hw::MAX_UPLINK_FRAME_BYTES> bytes{};
  const std::size_t len = hw::encode_uplink(frame, bytes.data(), bytes.size());
  ++records_generated_;
  hw::TxParams params;
  params.spreading_factor = spreading_factor_;
  params.channel_index = channel_;
  // Sent only after the previous frame ended, so the radio is free; anything else is a bug here.
  if (board.start_tx(hw::Bearer::LORA, bytes.data(), len, params) != hw::TxStatus::STARTED)
    throw std::logic_error("exponential traffic: the board refused a frame");
  ++frames_sent_;
}

std::size_t uplink_phy_payload_bytes(const RadioSpec& radio, std::size_t frame_bytes) {
  if (radio.traffic.model == "exponential") return static_cast<std::size_t>(radio.traffic.phy_payload_bytes);
  return frame_bytes + static_cast<std::size_t>(radio.mac_overhead_bytes);
}

}  // namespace fleet::sim
